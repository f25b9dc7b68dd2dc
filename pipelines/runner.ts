/**
 * Runs the ordered stages into a fresh build folder, checks every table against
 * the catalog, exports the tables, writes the manifest and publishes the folder
 * as the new output in one atomic step. Any failure leaves the previous output.
 */
import { readdirSync, statSync, readFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATALOG, tableSpec } from './catalog/index.ts';
import { openDb, writeRows, query, setVariables, type Db, type Row } from './lib/db.ts';
import { checkTable } from './lib/checks.ts';
import { exportTable } from './lib/export.ts';
import { startBuild, writeFileIn, sha256 } from './lib/io.ts';
import { runModel } from './lib/sql-models.ts';
import { stderrLogger, type Logger } from './lib/log.ts';
import { PARAMS, type Params } from './params.ts';
import type { Stage, StageContext, Tables } from './stages/stage.ts';

export interface BuildOptions {
  seedsDir: string;
  dataDir: string;
  outDir: string;
  log?: Logger;
  params?: Params;
  now?: () => Date;
}

export interface BuildSummary {
  outDir: string;
  tables: Record<string, number>;
  files: number;
  ms: number;
}

export const DB_FILE = 'atlas.duckdb';
export const MANIFEST = 'manifest.json';

export async function runBuild(stages: readonly Stage[], opts: BuildOptions): Promise<BuildSummary> {
  const t0 = performance.now();
  const log = opts.log ?? stderrLogger();
  const params = opts.params ?? { ...PARAMS };
  const build = startBuild(opts.outDir);
  let db: Db | undefined;
  try {
    db = await openDb(join(build.dir, DB_FILE));
    await setVariables(db, params);
    const ctx: StageContext = {
      db, seedsDir: opts.seedsDir, dataDir: opts.dataDir, params, log,
      write: async (rel, data) => writeFileIn(build.dir, rel, data),
    };
    const rows = await runStages(stages, ctx);
    const exported = await exportTables(db, build.dir, Object.keys(rows));
    db.close(); db = undefined;
    const files = writeManifest(build.dir, rows, exported, (opts.now ?? (() => new Date()))());
    build.publish();
    return { outDir: opts.outDir, tables: rows, files, ms: performance.now() - t0 };
  } catch (e) {
    db?.close();
    build.discard();
    throw e;
  }
}

/** Run each stage in order; returns the row count of every table produced. */
async function runStages(stages: readonly Stage[], ctx: StageContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const memo = new Map<string, Row[]>(); // rows produced by TS stages, so later stages need not re-read them
  for (const s of stages) {
    const t = performance.now();
    if (s.kind === 'sql') {
      await runModel(ctx.db, s.model);
      counts[s.outputs[0]] = await checkTable(ctx.db, tableSpec(s.outputs[0]), s.name);
    } else {
      const input: Tables = {};
      for (const name of s.inputs) input[name] = memo.get(name) ?? await query(ctx.db, `SELECT * FROM "${name}"`);
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

async function exportTables(db: Db, dir: string, produced: string[]): Promise<string[]> {
  const tablesDir = join(dir, 'tables');
  mkdirSync(tablesDir, { recursive: true });
  const out: string[] = [];
  for (const spec of CATALOG) {
    if (spec.export === false || !produced.includes(spec.name)) continue;
    out.push(...await exportTable(db, spec, tablesDir));
  }
  return out;
}

/** output/manifest.json: every file with its sha256 and size, and every table's row count. */
function writeManifest(dir: string, rows: Record<string, number>, _exported: string[], now: Date): number {
  const files = listFiles(dir).filter((f) => f !== MANIFEST).map((f) => {
    const data = readFileSync(join(dir, f));
    const table = /^tables\/([a-z0-9_]+)\.(parquet|arrow|csv)$/.exec(f)?.[1];
    return { path: f, sha256: sha256(data), bytes: data.length, ...(table ? { rows: rows[table] } : {}) };
  });
  const manifest = { built_at: now.toISOString(), tables: rows, files };
  writeFileIn(dir, MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  return files.length + 1;
}

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p)];
  });
}
