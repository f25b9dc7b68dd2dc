/**
 * DuckDB access: the only place that talks to the database. Tables are created
 * from their catalog declaration, so a column's type is written once.
 */
import {
  DuckDBInstance, DuckDBConnection, listValue, dateValue, LIST, INTEGER, VARCHAR,
  type DuckDBAppender,
} from '@duckdb/node-api';
import type { ColumnType, TableSpec } from '../catalog/types.ts';
import { AtlasError } from './errors.ts';

export type Row = Record<string, unknown>;

export interface Db {
  conn: DuckDBConnection;
  close(): void;
}

/** Open an in-memory database (no path) or a database file. */
export async function openDb(path?: string, opts: { readOnly?: boolean; threads?: number } = {}): Promise<Db> {
  const config: Record<string, string> = {};
  if (opts.readOnly) config.access_mode = 'READ_ONLY';
  if (opts.threads) config.threads = String(opts.threads);
  const instance = await DuckDBInstance.create(path ?? ':memory:', config);
  const conn = await instance.connect();
  return {
    conn,
    close() { conn.closeSync(); instance.closeSync(); },
  };
}

/** CREATE TABLE for a catalog declaration (drops any previous table of that name). */
export function createTableSql(spec: TableSpec): string {
  const cols = spec.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  return `CREATE OR REPLACE TABLE "${spec.name}" (${cols})`;
}

/** Create the table and append the rows with DuckDB's appender. */
export async function writeRows(db: Db, spec: TableSpec, rows: readonly Row[]): Promise<void> {
  await db.conn.run(createTableSql(spec));
  if (rows.length === 0) return;
  const appender = await db.conn.createAppender(spec.name);
  const appendOne = spec.columns.map((c) => appenderFor(c.type));
  rows.forEach((row, i) => {
    spec.columns.forEach((c, j) => {
      const v = row[c.name];
      if (v === null || v === undefined) appender.appendNull();
      else {
        try { appendOne[j](appender, v); } catch (e) {
          throw new AtlasError(`cannot store ${JSON.stringify(v)} as ${c.type}: ${(e as Error).message}`,
            { record: `${spec.name} row ${i + 1}`, field: c.name });
        }
      }
    });
    appender.endRow();
  });
  appender.closeSync();
}

type Append = (a: DuckDBAppender, v: unknown) => void;

function appenderFor(type: ColumnType): Append {
  switch (type) {
    case 'VARCHAR': return (a, v) => a.appendVarchar(String(v));
    case 'INTEGER': return (a, v) => a.appendInteger(checkInt(v));
    case 'BIGINT': return (a, v) => a.appendBigInt(BigInt(v as number));
    case 'DOUBLE': return (a, v) => a.appendDouble(Number(v));
    case 'BOOLEAN': return (a, v) => a.appendBoolean(Boolean(v));
    case 'DATE': return (a, v) => {
      const [year, month, day] = String(v).split('-').map(Number);
      a.appendDate(dateValue({ year, month, day }));
    };
    case 'VARCHAR[]': return (a, v) => a.appendList(listValue((v as unknown[]).map(String)), LIST(VARCHAR));
    case 'INTEGER[]': return (a, v) => a.appendList(listValue((v as unknown[]).map(checkInt)), LIST(INTEGER));
  }
}

function checkInt(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error('not an integer');
  return v;
}

/** Run a query and return plain row objects (DATE as 'YYYY-MM-DD', lists as arrays). */
export async function query<T = Row>(db: Db, sql: string, params?: Record<string, string | number | boolean>): Promise<T[]> {
  const reader = await db.conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map((r) => {
    for (const k of Object.keys(r)) {
      const v = r[k] as unknown;
      if (v instanceof Date) (r as Row)[k] = v.toISOString().slice(0, 10);
    }
    return r as T;
  });
}

/** Run statements that return nothing. */
export async function exec(db: Db, sql: string): Promise<void> {
  await db.conn.run(sql);
}

/** Bind named parameters as DuckDB variables, read in SQL with getvariable('name'). */
export async function setVariables(db: Db, vars: Record<string, string | number | boolean>): Promise<void> {
  for (const [k, v] of Object.entries(vars)) {
    const lit = typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : String(v);
    await db.conn.run(`SET VARIABLE ${k} = ${lit}`);
  }
}
