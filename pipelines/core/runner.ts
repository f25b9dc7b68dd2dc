/**
 * Decides what to build. Every stage has a content key (core/fingerprint.ts:
 * its code read from its imports, its sources, its parameters and upstream
 * keys); stages whose key matches the published build are fresh. When every
 * stage is fresh nothing is opened at all, which keeps a no-change rebuild
 * fast; otherwise the executor (core/execute.ts) loads the heavy libraries.
 */
import { stageKeys } from './fingerprint.ts';
import { checkOutputFolder } from './output-folder.ts';
import { stderrLogger } from './log.ts';
import { PARAMS } from './params.ts';
import { readPublishedManifest, type BuildOptions, type BuildSummary } from './build-types.ts';
import type { Stage } from './stage.ts';

export { DB_FILE, MANIFEST, readPublishedManifest, type BuildOptions, type BuildSummary, type OutputManifest } from './build-types.ts';

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
