/**
 * What the runner (core/runner.ts: decides what to build) and the executor
 * (core/execute.ts: builds it) share: the build's options and summary, the
 * names of its files and the manifest's shape. Here so neither imports the other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedBuild } from './io.ts';
import { GENERATOR, MANIFEST_FILE } from './build-mark.ts';
import type { Logger } from './log.ts';
import type { Params } from './params.ts';

export interface BuildOptions {
  seedsDir: string;
  dataDir: string;
  outDir: string;
  log?: Logger;
  params?: Params;
  now?: () => Date;
  /** Run every stage even when its key is unchanged. */
  force?: boolean;
}

export interface BuildSummary {
  outDir: string;
  tables: Record<string, number>;
  files: number;
  ms: number;
  /** Stages that were not run because nothing they depend on changed. */
  fresh: string[];
}

export const DB_FILE = 'atlas.duckdb';
export const MANIFEST = MANIFEST_FILE;

export interface OutputManifest {
  /** Marks the folder as written by this kit, so a later build may replace it. */
  generator: typeof GENERATOR;
  built_at: string;
  stages: Record<string, string>;
  tables: Record<string, number>;
  files: { path: string; sha256: string; bytes: number; rows?: number; reproducible?: false }[];
}

/** The manifest of the published output, or null when there is none (or it is unreadable). */
export function readPublishedManifest(outDir: string): { dir: string; manifest: OutputManifest } | null {
  const dir = publishedBuild(outDir);
  if (!dir) return null;
  try { return { dir, manifest: JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as OutputManifest }; } catch { return null; }
}
