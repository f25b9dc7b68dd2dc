/**
 * Builds the real seed once into a temporary output folder shared by the tests
 * that read the built tables (ATLAS_TEST_OUT). Tests that build on their own
 * (kills, bad input) use their own folders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuildCli } from './helpers/cli.ts';

export default function setup({ provide }: { provide: (k: string, v: string) => void }) {
  const root = mkdtempSync(join(tmpdir(), 'atlas-test-build-'));
  const out = join(root, 'output');
  const r = runBuildCli(['--out', out]);
  if (r.code !== 0) throw new Error(`the build of the seed failed (exit ${r.code}):\n${r.stderr}`);
  provide('outDir', out);
  return () => rmSync(root, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext { outDir: string }
}
