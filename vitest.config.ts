import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - unit: plain functions on literal fixtures and on the seed parsed in-process; no build,
 *   no browser, no Jupyter, no child process. `npm run test:unit`.
 * - build: everything that needs a built output (the shared seed build of test/global-setup.ts,
 *   or builds of its own through the CLI), a browser or Jupyter.
 * A test file belongs to `build` when it lives in one of BUILD_DIRS or imports one of the
 * helpers that build or launch something; the split is read from the files themselves.
 */
const BUILD_DIRS = ['test/browser/', 'test/reliability/', 'test/notebooks/', 'test/docs/', 'test/bench/'];
const BUILD_HELPERS = /helpers\/(?:built|cli|add-cli|browser)\.ts|test\/ingest\/un-documents|global-setup/;
/**
 * Slow without a build, so they run with the build project: the twelve real PDFs, the PDFs read
 * in worker threads, and every chart of the seed rendered (three times, for the reuse checks).
 */
const SLOW = ['test/ingest/un-documents.test.ts', 'test/ingest/pdf/pdf-pool.test.ts', 'test/report/charts/render-charts.test.ts'];

function testFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? testFiles(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}

const all = testFiles('test');
const needsBuild = (f: string) => BUILD_DIRS.some((d) => f.startsWith(d)) || SLOW.includes(f) || BUILD_HELPERS.test(readFileSync(f, 'utf8'));
const buildFiles = all.filter(needsBuild);
const unitFiles = all.filter((f) => !needsBuild(f));

/**
 * Every temporary folder of a test run (the tests' own, their builds', DuckDB's and Chromium's) goes
 * under one folder, removed when the run ends: the test workers and the processes they start inherit
 * TMPDIR. Tests that did not remove theirs left ~100 MB a build behind, and filled the disk.
 */
const runTmp = mkdtempSync(join(tmpdir(), 'atlas-test-run-'));
process.env.TMPDIR = runTmp;
process.on('exit', () => rmSync(runTmp, { recursive: true, force: true }));

const shared = { testTimeout: 60_000, hookTimeout: 180_000, pool: 'forks' as const, env: { TZ: 'UTC' } };

export default defineConfig({
  test: {
    projects: [
      // one module graph per worker: the chart tests load vega and vega-lite once, not once a file;
      // a worker per core (vitest's default leaves one core free: 51 s against 31 s on 2 cores); projects
      // with different worker counts need their own group: the unit files run first, then the build ones
      { test: { ...shared, name: 'unit', include: unitFiles, isolate: false, maxWorkers: availableParallelism(), sequence: { groupOrder: 0 } } },
      { test: { ...shared, name: 'build', include: buildFiles, globalSetup: ['test/global-setup.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
