/**
 * Runs the stale stages into a fresh build folder (reusing the previous build's
 * database and files for fresh ones), checks every table against the catalog,
 * exports the tables, writes the manifest and publishes the folder as the new
 * output in one atomic step. Any failure leaves the previous output.
 */
import { copyFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tableSpec } from '../catalog/index.ts';
import { openDb, setVariables, type Db } from './db.ts';
import { hashFile, EXPORT_FORMATS } from './export.ts';
import { exportQueue, type Hashed } from './export-queue.ts';
import { connectionPool } from './connection-pool.ts';
import { runStages } from './run-stages.ts';
import { startBuild, writeFileIn, listFiles } from './io.ts';
import { GENERATOR, BUILD_IN_PROGRESS } from './build-mark.ts';
import { MACRO_INPUTS } from './sql-models.ts';
import type { Logger } from './log.ts';
import type { Params } from './params.ts';
import type { Stage, StageContext } from './stage.ts';
import { DB_FILE, MANIFEST, type BuildOptions, type BuildSummary, type OutputManifest } from './build-types.ts';

/** Rows of the largest table exported while stages still run (core/export-queue.ts). */
const EXPORT_BESIDE_STAGES_MAX_ROWS = 50_000;

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
    const ctx: Omit<StageContext, 'db'> = {
      seedsDir: opts.seedsDir, dataDir: opts.dataDir, params: opts.params, log: opts.log,
      write: async (rel, data) => writeFileIn(build.dir, rel, data),
      ...(opts.previous ? { previousDir: opts.previous.dir } : {}),
    };
    const pool = connectionPool(db, (c) => setVariables(c, opts.params));
    const exports = exportQueue(pool, build.dir);
    const hashed: Hashed = new Map();
    if (reuse) copyFreshExports(stages, fresh, reuse, build.dir, hashed, (t) => exports.add(t));
    // Small tables are exported as soon as they are checked, beside the stages; large ones after
    // the stages (at 1,000 documents, exporting the claims and evidence tables beside the charts
    // and the workbook raised the peak memory from 3.2 to 3.6 GB for no gain in time).
    const afterStages: string[] = [];
    // DuckDB writes its file at a checkpoint, on close when none was asked for: ~0.6 s on this
    // thread for the seed. Asked for once the last table is written, it runs on DuckDB's threads
    // beside the stages that only read (charts, briefing, workbook).
    let tablesLeft = stages.filter((s) => !fresh.has(s.name)).flatMap((s) => s.outputs.filter((o) => !o.startsWith('files:'))).length;
    let checkpoint: Promise<void> = Promise.resolve();
    const onTable = (t: string, rows: number) => {
      if (rows <= EXPORT_BESIDE_STAGES_MAX_ROWS) exports.add(t); else afterStages.push(t);
      // Best effort: DuckDB refuses a checkpoint while another connection has a write open (seen at 100
      // documents); closing the database then checkpoints as before. Caught here, at once: a rejection
      // left unhandled while the report stages run would end the process.
      if (--tablesLeft === 0) {
        checkpoint = pool.lease()
          .then(async ({ db: c, release }) => { try { await c.conn.run('CHECKPOINT'); } finally { release(); } })
          .catch(() => undefined);
      }
    };
    let counts: Record<string, number>;
    try {
      counts = await runStages(stages, { ctx, pool, fresh, previousCounts: reuse?.manifest.tables ?? {}, macroInputs: MACRO_INPUTS, onTable });
      for (const t of afterStages) exports.add(t);
    } finally {
      // what runs beside the stages ends before the build is kept or discarded
      await Promise.allSettled([exports.done(), checkpoint]);
    }
    await checkpoint;
    for (const [f, h] of await exports.done()) hashed.set(f, h);
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

/**
 * Copy the previous build's exports of the tables of fresh stages, with the hashes its manifest
 * lists; a table whose exports it lacks is exported again (`exportAgain`).
 */
function copyFreshExports(
  stages: readonly Stage[], fresh: ReadonlySet<string>, previous: NonNullable<ExecuteOptions['previous']>, dir: string,
  hashed: Hashed, exportAgain: (table: string) => void,
): void {
  const before = new Map(previous.manifest.files.map((f) => [f.path, f]));
  for (const s of stages) {
    if (!fresh.has(s.name)) continue;
    for (const name of s.outputs) {
      if (name.startsWith('files:') || !(name in previous.manifest.tables) || tableSpec(name).export === false) continue;
      if (!existsSync(join(previous.dir, 'tables', `${name}.parquet`))) { exportAgain(name); continue; }
      for (const f of EXPORT_FORMATS) {
        const rel = `tables/${name}.${f}`;
        copyFileSync(join(previous.dir, rel), join(dir, rel));
        const was = before.get(rel);
        if (was) hashed.set(rel, { sha256: was.sha256, bytes: was.bytes });
      }
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
