/**
 * The exports timed alone: every exported table of a built database written as the build writes
 * it (core/export.ts exportTable: Parquet, then CSV and Arrow IPC side by side, each file hashed),
 * one table after another, in one process, with nothing else running. Time is wall and CPU of
 * the whole process (DuckDB's threads and libuv's included: process.cpuUsage counts them all).
 *
 * Issue 15 budgets the whole 1,000-document build at 10 s; this says how much of that the
 * files alone need, which no change to the stages can give back. The database is opened
 * read-only and the files go to a temporary folder: the build's output is not touched.
 *
 *   tsx bench/exports-alone.ts <build>/atlas.duckdb          one run, prints JSON
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG } from '../pipelines/catalog/index.ts';
import { openDb, query } from '../pipelines/core/db.ts';
import { exportTable } from '../pipelines/core/export.ts';

/** One table's export: wall and CPU milliseconds, the bytes of its three files. */
export interface TableExport { table: string; wallMs: number; cpuMs: number; bytes: number }

export interface ExportsAlone { wallMs: number; userMs: number; systemMs: number; bytes: number; tables: TableExport[] }

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

export async function exportsAlone(dbFile: string): Promise<ExportsAlone> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-exports-'));
  const db = await openDb(dbFile, { readOnly: true });
  try {
    const present = new Set((await query<{ name: string }>(db, 'SELECT table_name AS name FROM information_schema.tables')).map((r) => r.name));
    const specs = CATALOG.filter((s) => s.export !== false && present.has(s.name));
    const tables: TableExport[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const spec of specs) {
      const c = process.cpuUsage();
      const t = performance.now();
      const files = await exportTable(db, spec, dir);
      tables.push({ table: spec.name, wallMs: performance.now() - t, cpuMs: cpuMs(process.cpuUsage(c)), bytes: files.reduce((n, f) => n + f.bytes, 0) });
    }
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { wallMs, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, bytes: tables.reduce((n, t) => n + t.bytes, 0), tables };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('exports-alone.ts')) {
  const dbFile = process.argv[2];
  if (!dbFile) throw new Error('usage: tsx bench/exports-alone.ts <build>/atlas.duckdb');
  process.stdout.write(`${JSON.stringify(await exportsAlone(dbFile))}\n`);
}
