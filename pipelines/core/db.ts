/**
 * DuckDB access: the only place that talks to the database. Tables are created
 * from their catalog declaration, so a column's type is written once.
 */
import { DuckDBInstance, DuckDBConnection, DuckDBTypeId, JSDuckDBValueConverter } from '@duckdb/node-api';
import type { TableSpec } from '../catalog/types.ts';
import { appendRows, encodeDictionary, type Dictionaries } from './append-columns.ts';
import { sqlLiteral } from './sql.ts';

export type Row = Record<string, unknown>;

export interface Db {
  conn: DuckDBConnection;
  close(): void;
  /**
   * Another connection to the same database (spare(0), spare(1) …), made on first use and
   * closed with it, for statements that run beside those on `conn` (the exports).
   */
  spare(i: number): Promise<DuckDBConnection>;
}

/** Open an in-memory database (no path) or a database file. */
export async function openDb(path?: string, opts: { readOnly?: boolean; threads?: number } = {}): Promise<Db> {
  // DuckDB's allocator (jemalloc) keeps the memory a query freed for a while; its background
  // threads give it back as the build goes on (1,000 documents: peak RSS 2.52 -> 2.22 GB)
  const config: Record<string, string> = { allocator_background_threads: 'true' };
  if (opts.readOnly) config.access_mode = 'READ_ONLY';
  if (opts.threads) config.threads = String(opts.threads);
  const instance = await DuckDBInstance.create(path ?? ':memory:', config);
  const conn = await instance.connect();
  const spares: Promise<DuckDBConnection>[] = [];
  const opened: DuckDBConnection[] = [];
  return {
    conn,
    spare: (i) => (spares[i] ??= instance.connect().then((c) => { opened.push(c); return c; })),
    close() { for (const c of opened) c.closeSync(); conn.closeSync(); instance.closeSync(); },
  };
}

/**
 * CREATE TABLE for a catalog declaration (drops any previous table of that name). A dictionary
 * column is an ENUM of the values it will hold (`dictionaries`); with none, a VARCHAR.
 */
export function createTableSql(spec: TableSpec, dictionaries: Dictionaries = new Map()): string {
  const cols = spec.columns.map((c) => {
    const values = dictionaries.get(c.name)?.values;
    return `"${c.name}" ${values?.length ? `ENUM(${values.map(sqlLiteral).join(', ')})` : c.type}`;
  });
  return `CREATE OR REPLACE TABLE "${spec.name}" (${cols.join(', ')})`;
}

/**
 * Create the table and append the rows with DuckDB's appender, one data chunk
 * (2048 rows) at a time, column by column (core/append-columns.ts). A value that
 * does not fit its column stops with an AtlasError naming the first such row and
 * field (in row order).
 */
export async function writeRows(db: Db, spec: TableSpec, rows: readonly Row[]): Promise<void> {
  // One transaction, committed with an awaited statement: the commit (writing and syncing the
  // WAL, 10-25 ms a table here) then runs on DuckDB's thread; closing an appender outside a
  // transaction commits on this one, synchronously.
  const dictionaries = new Map(spec.columns.filter((c) => c.dictionary).map((c) => [c.name, encodeDictionary(rows, c.name)]));
  await db.conn.run('BEGIN TRANSACTION');
  try {
    await db.conn.run(createTableSql(spec, dictionaries));
    if (rows.length > 0) appendRows(await db.conn.createAppender(spec.name), spec, rows, dictionaries);
  } catch (e) {
    await db.conn.run('ROLLBACK');
    throw e;
  }
  await db.conn.run('COMMIT');
}

/** Column types read as they come (the JS value DuckDB's vector gives is already the plain value). */
const AS_IS = new Set<DuckDBTypeId>([
  DuckDBTypeId.VARCHAR, DuckDBTypeId.INTEGER, DuckDBTypeId.SMALLINT, DuckDBTypeId.TINYINT,
  DuckDBTypeId.DOUBLE, DuckDBTypeId.BOOLEAN,
]);

/**
 * Run a query and return plain row objects (DATE as 'YYYY-MM-DD', lists as arrays).
 * Values are those of DuckDB's JS conversion (BIGINT as bigint, DECIMAL as number …);
 * the result is read chunk by chunk and column by column, and the common scalar
 * types skip the per-value converter.
 */
export async function query<T = Row>(db: Db, sql: string, params?: Record<string, string | number | boolean>): Promise<T[]> {
  const result = await db.conn.run(sql, params);
  const names = result.deduplicatedColumnNames();
  const types = result.columnTypes();
  const out: Row[] = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    const base = out.length;
    for (let i = 0; i < n; i++) out.push({});
    for (let j = 0; j < names.length; j++) {
      const name = names[j];
      const type = types[j];
      const values = chunk.getColumnValues(j);
      if (AS_IS.has(type.typeId)) {
        for (let i = 0; i < n; i++) out[base + i][name] = values[i];
      } else {
        for (let i = 0; i < n; i++) {
          const v = values[i] === null ? null : JSDuckDBValueConverter(values[i], type, JSDuckDBValueConverter);
          out[base + i][name] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
        }
      }
    }
  }
  return out as T[];
}

/** Run statements that return nothing. */
export async function exec(db: Db, sql: string): Promise<void> {
  await db.conn.run(sql);
}

/** Bind named parameters as DuckDB variables, read in SQL with getvariable('name'). */
export async function setVariables(db: Db, vars: Record<string, string | number | boolean>): Promise<void> {
  for (const [k, v] of Object.entries(vars)) await db.conn.run(`SET VARIABLE ${k} = ${sqlLiteral(v)}`);
}
