/**
 * Runs the stale stages into a fresh build folder (reusing the previous build's
 * database and files for fresh ones), checks every table against the catalog,
 * exports the tables, writes the manifest and publishes the folder as the new
 * output in one atomic step. Any failure leaves the previous output.
 */
import { readFileSync, mkdirSync, copyFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG, tableSpec } from '../catalog/index.ts';
import { openDb, writeRows, query, setVariables, type Db, type Row } from './db.ts';
import { checkTable } from './checks.ts';
import { exportTable, EXPORT_FORMATS } from './export.ts';
import { startBuild, writeFileIn, sha256, listFiles } from './io.ts';
import { GENERATOR, BUILD_IN_PROGRESS } from './build-mark.ts';
import { runModel, createMacros } from './sql-models.ts';
import type { Logger } from './log.ts';
import type { Params } from './params.ts';
import type { Stage, StageContext, Tables } from './stage.ts';
import { DB_FILE, MANIFEST, type BuildOptions, type BuildSummary, type OutputManifest } from './runner.ts';

export interface ExecuteOptions extends BuildOptions {
  log: Logger;
  params: Params;
  keys: Map<string, string>;
  fresh: Set<string>;
  previous: { dir: string; manifest: OutputManifest } | null;
}

export async function execute(stages: readonly Stage[], opts: ExecuteOptions): Promise<BuildSummary> {
  const build = startBuild(opts.outDir);
  const reuse = opts.previous && opts.fresh.size > 0 ? opts.previous : null;
  const fresh = reuse ? opts.fresh : new Set<string>();
  let db: Db | undefined;
  try {
    if (reuse) copyFileSync(join(reuse.dir, DB_FILE), join(build.dir, DB_FILE));
    db = await openDb(join(build.dir, DB_FILE));
    await setVariables(db, opts.params);
    const ctx: StageContext = {
      db, seedsDir: opts.seedsDir, dataDir: opts.dataDir, params: opts.params, log: opts.log,
      write: async (rel, data) => writeFileIn(build.dir, rel, data),
      ...(opts.previous ? { previousDir: opts.previous.dir } : {}),
    };
    const counts = await runStages(stages, ctx, fresh, reuse?.manifest.tables ?? {});
    const rebuilt = stages.filter((s) => !fresh.has(s.name)).flatMap((s) => s.outputs);
    await exportTables(db, build.dir, Object.keys(counts), rebuilt, reuse?.dir);
    if (reuse) copyFreshFiles(stages, fresh, reuse.dir, build.dir);
    db.close(); db = undefined;
    const files = writeManifest(build.dir, counts, opts.keys, (opts.now ?? (() => new Date()))());
    build.publish();
    return { outDir: opts.outDir, tables: counts, files, ms: 0, fresh: [...fresh] };
  } catch (e) {
    db?.close();
    build.discard();
    throw e;
  }
}

/** Run each stale stage in order; returns the row count of every table. */
async function runStages(stages: readonly Stage[], ctx: StageContext, fresh: Set<string>, previousCounts: Record<string, number>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const memo = new Map<string, Row[]>(); // rows produced by TS stages, so later stages need not re-read them
  let macros = false; // the macros read the documents table, so they are made just before the first SQL model
  for (const s of stages) {
    const t = performance.now();
    if (fresh.has(s.name)) {
      for (const o of s.outputs) if (o in previousCounts) counts[o] = previousCounts[o];
      ctx.log.stage(s.name, 'fresh', s.outputs.map((o) => (o in counts ? `${o}=${counts[o]}` : o)).join(' '), 0);
      continue;
    }
    if (s.kind === 'sql') {
      if (!macros) { await createMacros(ctx.db); macros = true; }
      await runModel(ctx.db, s.model);
      counts[s.outputs[0]] = await checkTable(ctx.db, tableSpec(s.outputs[0]), s.name);
    } else {
      const input: Tables = {};
      if (!s.readsOwnInputs) for (const name of s.inputs) input[name] = memo.get(name) ?? await readTable(ctx.db, name);
      const out = await s.run(input, ctx);
      for (const name of s.outputs.filter((o) => !o.startsWith('files:'))) {
        const spec = tableSpec(name);
        if (!out[name]) throw new Error(`stage ${s.name} did not return its declared output ${name}`);
        await writeRows(ctx.db, spec, out[name]);
        counts[name] = await checkTable(ctx.db, spec, s.name);
        memo.set(name, out[name]);
      }
    }
    const detail = s.outputs.map((o) => (o in counts ? `${o}=${counts[o]}` : o)).join(' ');
    ctx.log.stage(s.name, 'ran', detail, performance.now() - t);
    for (const o of s.outputs) if (counts[o] === 0) ctx.log.warn(`${s.name}: table ${o} is empty`);
  }
  return counts;
}

/** A table's rows ordered by its key, so a stage sees the same rows in the same order on every build. */
async function readTable(db: Db, name: string): Promise<Row[]> {
  const key = tableSpec(name).key.map((k) => `"${k}"`).join(', ');
  return query(db, `SELECT * FROM "${name}" ORDER BY ${key}`);
}

/** Export rebuilt tables; copy the previous build's files for the others. */
async function exportTables(db: Db, dir: string, produced: string[], rebuilt: string[], previousDir?: string): Promise<void> {
  const tablesDir = join(dir, 'tables');
  mkdirSync(tablesDir, { recursive: true });
  for (const spec of CATALOG) {
    if (spec.export === false || !produced.includes(spec.name)) continue;
    const old = previousDir && join(previousDir, 'tables', `${spec.name}.parquet`);
    if (!rebuilt.includes(spec.name) && old && existsSync(old)) {
      for (const f of EXPORT_FORMATS) copyFileSync(join(previousDir, 'tables', `${spec.name}.${f}`), join(tablesDir, `${spec.name}.${f}`));
    } else {
      await exportTable(db, spec, tablesDir);
    }
  }
}

function copyFreshFiles(stages: readonly Stage[], fresh: Set<string>, from: string, to: string): void {
  for (const s of stages) {
    if (!fresh.has(s.name)) continue;
    for (const o of s.outputs) {
      if (!o.startsWith('files:')) continue;
      const rel = o.slice('files:'.length);
      if (existsSync(join(from, rel))) cpSync(join(from, rel), join(to, rel), { recursive: true });
    }
  }
}

/** output/manifest.json: the kit's mark, every file with its sha256 and size, every table's row count, every stage's key. */
function writeManifest(dir: string, rows: Record<string, number>, keys: Map<string, string>, now: Date): number {
  const files = listFiles(dir).filter((f) => f !== MANIFEST && f !== BUILD_IN_PROGRESS).map((f) => {
    const data = readFileSync(join(dir, f));
    const table = /^tables\/([a-z0-9_]+)\.(parquet|arrow|csv)$/.exec(f)?.[1];
    // DuckDB's file format is not byte-reproducible (same SQL, different bytes); its tables are, via the exports
    const reproducible = f === DB_FILE ? { reproducible: false as const } : {};
    return { path: f, sha256: sha256(data), bytes: data.length, ...(table ? { rows: rows[table] } : {}), ...reproducible };
  });
  const manifest: OutputManifest = { generator: GENERATOR, built_at: now.toISOString(), stages: Object.fromEntries(keys), tables: rows, files };
  writeFileIn(dir, MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  return files.length + 1;
}
