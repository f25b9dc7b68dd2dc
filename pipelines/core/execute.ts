/**
 * Runs the stale stages into a fresh build folder (reusing the previous build's
 * database and files for fresh ones), checks every table against the catalog,
 * exports the tables, writes the manifest and publishes the folder as the new
 * output in one atomic step. Any failure leaves the previous output.
 */
import { mkdirSync, copyFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG, isTableName, tableSpec } from '../catalog/index.ts';
import { openDb, writeRows, setVariables, type Db, type Row } from './db.ts';
import { checkTable } from './checks.ts';
import { exportTable, hashFile, EXPORT_FORMATS } from './export.ts';
import { readTables } from './read-tables.ts';
import { startBuild, writeFileIn, listFiles } from './io.ts';
import { GENERATOR, BUILD_IN_PROGRESS } from './build-mark.ts';
import { runModel, createMacros } from './sql-models.ts';
import type { Logger } from './log.ts';
import type { Params } from './params.ts';
import type { ParamName, Stage, StageContext, Tables } from './stage.ts';
import { DB_FILE, MANIFEST, type BuildOptions, type BuildSummary, type OutputManifest } from './build-types.ts';

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
    const hashed = await exportTables(db, build.dir, Object.keys(counts), rebuilt, reuse);
    if (reuse) copyFreshFiles(stages, fresh, reuse.dir, build.dir);
    db.close(); db = undefined;
    const files = await writeManifest(build.dir, counts, opts.keys, (opts.now ?? (() => new Date()))(), hashed);
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
  const memo = new Map<string, readonly Row[]>(); // rows produced by TS stages, so later stages need not re-read them
  // the last stage that reads each table: after it, the memo lets the rows go (DuckDB keeps the table)
  const lastReader = new Map<string, number>();
  stages.forEach((s, i) => { for (const name of s.inputs) lastReader.set(name, i); });
  let macros = false; // the macros read the documents table, so they are made just before the first SQL model
  for (const [i, s] of stages.entries()) {
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
      if (!s.readsOwnInputs) {
        const read: Tables = await readTables(ctx.db, s.inputs.filter((n) => !memo.has(n)).filter(isTableName));
        for (const name of s.inputs) input[name] = memo.get(name) ?? read[name]!;
      }
      const out = await s.run(input, { ...ctx, params: pick(ctx.params, s.params) });
      for (const name of s.outputs.filter((o) => !o.startsWith('files:'))) {
        const spec = tableSpec(name);
        if (!out[name]) throw new Error(`stage ${s.name} did not return its declared output ${name}`);
        await writeRows(ctx.db, spec, out[name]);
        counts[name] = await checkTable(ctx.db, spec, s.name);
        if ((lastReader.get(name) ?? -1) > i) memo.set(name, out[name]);
      }
    }
    for (const name of memo.keys()) if ((lastReader.get(name) ?? -1) <= i) memo.delete(name);
    const detail = s.outputs.map((o) => (o in counts ? `${o}=${counts[o]}` : o)).join(' ');
    ctx.log.stage(s.name, 'ran', detail, performance.now() - t);
    for (const o of s.outputs) if (counts[o] === 0) ctx.log.warn(`${s.name}: table ${o} is empty`);
  }
  return counts;
}

/** Only the parameters a stage declares: its key hashes those, so it must not read others. */
function pick(params: Params, names: readonly ParamName[]): Partial<Params> {
  return Object.fromEntries(names.map((n) => [n, params[n]]));
}

type Hashed = Map<string, { sha256: string; bytes: number }>;

/**
 * Export rebuilt tables; copy the previous build's files for the others. Returns each
 * export's sha256 and size (taken as it was written, or from the previous manifest for a
 * copy), so the manifest need not read them back.
 */
async function exportTables(db: Db, dir: string, produced: string[], rebuilt: string[], previous: ExecuteOptions['previous']): Promise<Hashed> {
  const tablesDir = join(dir, 'tables');
  mkdirSync(tablesDir, { recursive: true });
  const hashed: Hashed = new Map();
  const before = new Map((previous?.manifest.files ?? []).map((f) => [f.path, f]));
  for (const spec of CATALOG) {
    if (spec.export === false || !produced.includes(spec.name)) continue;
    const old = previous && join(previous.dir, 'tables', `${spec.name}.parquet`);
    if (!rebuilt.includes(spec.name) && old && existsSync(old)) {
      for (const f of EXPORT_FORMATS) {
        const rel = `tables/${spec.name}.${f}`;
        copyFileSync(join(previous.dir, rel), join(dir, rel));
        const was = before.get(rel);
        if (was) hashed.set(rel, { sha256: was.sha256, bytes: was.bytes });
      }
    } else {
      for (const f of await exportTable(db, spec, tablesDir)) hashed.set(`tables/${f.name}`, { sha256: f.sha256, bytes: f.bytes });
    }
  }
  return hashed;
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

/**
 * output/manifest.json: the kit's mark, every file with its sha256 and size, every table's
 * row count, every stage's key. Files in `hashed` were hashed as they were written; the
 * others are read here, a piece at a time.
 */
async function writeManifest(dir: string, rows: Record<string, number>, keys: Map<string, string>, now: Date, hashed: Hashed): Promise<number> {
  const files = [];
  for (const f of listFiles(dir).filter((p) => p !== MANIFEST && p !== BUILD_IN_PROGRESS)) {
    const { sha256, bytes } = hashed.get(f) ?? await hashFile(join(dir, f));
    const table = /^tables\/([a-z0-9_]+)\.(parquet|arrow|csv)$/.exec(f)?.[1];
    // DuckDB's file format is not byte-reproducible (same SQL, different bytes); its tables are, via the exports
    const reproducible = f === DB_FILE ? { reproducible: false as const } : {};
    files.push({ path: f, sha256, bytes, ...(table ? { rows: rows[table] } : {}), ...reproducible });
  }
  const manifest: OutputManifest = { generator: GENERATOR, built_at: now.toISOString(), stages: Object.fromEntries(keys), tables: rows, files };
  writeFileIn(dir, MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  return files.length + 1;
}
