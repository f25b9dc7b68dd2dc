/**
 * SQL models: one SELECT a file under pipelines/sql/<layer>/<table>.sql, the file
 * name being the table it produces (dbt style). Parameters are DuckDB variables
 * read with getvariable('name'), bound from pipelines/core/params.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
// the type only: declaring the SQL stages (which reads their files) does not load DuckDB
import type { Db } from './db.ts';
import { sqlString } from './sql.ts';
import { AtlasError } from './errors.ts';
import { isTableName, tableSpec } from '../catalog/index.ts';

export const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'sql');
/** Macros every model may call, created before the first model runs. */
export const MACROS_FILE = join(SQL_DIR, 'macros.sql');
/**
 * Tables the macros read (cite() looks up each document's symbol): they must exist before the
 * macros are made, so every SQL model waits for them (core/run-stages.ts) as for its own inputs.
 */
export const MACRO_INPUTS = ['documents'] as const;
export const SQL_LAYERS = ['staging', 'intermediate', 'final'] as const;
export type SqlLayer = (typeof SQL_LAYERS)[number];

export interface SqlModel { name: string; layer: SqlLayer; file: string; sql: string }

/** Read one model's SQL. */
export function readModel(layer: SqlLayer, name: string): SqlModel {
  const file = join(SQL_DIR, layer, `${name}.sql`);
  return { name, layer, file, sql: readFileSync(file, 'utf8') };
}

/** Every model on disk, staging first. */
export function listModels(): SqlModel[] {
  return SQL_LAYERS.flatMap((layer) => readdirSync(join(SQL_DIR, layer))
    .filter((f) => f.endsWith('.sql')).sort()
    .map((f) => readModel(layer, f.slice(0, -4))));
}

/** Tables a model reads: identifiers after FROM or JOIN that are known table names. */
export function modelInputs(model: SqlModel, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const sql = model.sql.replace(/--.*$/gm, '');
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi)) {
    const t = m[1].toLowerCase();
    if (known.has(t) && t !== model.name) found.add(t);
  }
  return [...found].sort();
}

/**
 * Materialise a model as a table, or create it as a view (by default as the catalog declares it:
 * TableSpec.view). An object of the other kind by that name (from a previous build's database) is
 * dropped first: DuckDB will not replace one kind with the other.
 */
export async function runModel(db: Db, model: SqlModel, kind: 'TABLE' | 'VIEW' = declaredKind(model.name)): Promise<void> {
  const body = model.sql.trim().replace(/;\s*$/, '');
  try {
    const other = await db.conn.runAndReadAll(`SELECT table_type FROM information_schema.tables WHERE table_name = ${sqlString(model.name)} AND table_type <> ${sqlString(kind === 'VIEW' ? 'VIEW' : 'BASE TABLE')}`);
    if (other.currentRowCount > 0) await db.conn.run(`DROP ${kind === 'VIEW' ? 'TABLE' : 'VIEW'} "${model.name}"`);
    await db.conn.run(`CREATE OR REPLACE ${kind} "${model.name}" AS (\n${body}\n)`);
  } catch (e) {
    throw new AtlasError(`SQL model failed: ${(e as Error).message}`, { file: model.file, record: model.name });
  }
}

/** Create the shared macros (pipelines/sql/macros.sql). */
export async function createMacros(db: Db): Promise<void> {
  const file = MACROS_FILE;
  try {
    await db.conn.run(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AtlasError(`SQL macros failed: ${(e as Error).message}`, { file });
  }
}

function declaredKind(name: string): 'TABLE' | 'VIEW' {
  return isTableName(name) && tableSpec(name).view ? 'VIEW' : 'TABLE';
}
