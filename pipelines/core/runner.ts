/**
 * Decides what to build. Every stage has a content key (its code, sources,
 * parameters and upstream keys); stages whose key matches the published build
 * are fresh. When every stage is fresh nothing is opened at all, which keeps a
 * no-change rebuild fast; otherwise the executor loads the heavy libraries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stageKeys } from './fingerprint.ts';
import { publishedBuild } from './io.ts';
import { GENERATOR, MANIFEST_FILE } from './build-mark.ts';
import { checkOutputFolder } from './output-folder.ts';
import { stderrLogger, type Logger } from './log.ts';
import { PARAMS, type Params } from './params.ts';
import type { Stage } from './stage.ts';

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

export async function runBuild(stages: readonly Stage[], opts: BuildOptions): Promise<BuildSummary> {
  const t0 = performance.now();
  checkOutputFolder(opts.outDir, { seeds: opts.seedsDir, data: opts.dataDir });
  const log = opts.log ?? stderrLogger();
  const params = opts.params ?? { ...PARAMS };
  const keys = stageKeys(stages.map((s) => ({ ...s, sources: s.sources(opts) })), params);
  const previous = opts.force ? null : readPublishedManifest(opts.outDir);
  const fresh = new Set(stages.filter((s) => previous?.manifest.stages?.[s.name] === keys.get(s.name)).map((s) => s.name));

  if (previous && fresh.size === stages.length) {
    for (const s of stages) log.stage(s.name, 'fresh', s.outputs.join(' '), 0);
    const m = previous.manifest;
    return { outDir: opts.outDir, tables: m.tables, files: m.files.length + 1, ms: performance.now() - t0, fresh: [...fresh] };
  }
  const { execute } = await import('./execute.ts');
  const summary = await execute(stages, { ...opts, log, params, keys, fresh, previous });
  return { ...summary, ms: performance.now() - t0 };
}

export { listFiles } from './io.ts';
