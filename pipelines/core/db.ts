/**
 * DuckDB access: the only place that talks to the database. Tables are created
 * from their catalog declaration, so a column's type is written once.
 */
import {
  DuckDBInstance, DuckDBConnection, DuckDBDataChunk, DuckDBTypeId, JSDuckDBValueConverter, listValue, dateValue,
  structValue, LIST, STRUCT, INTEGER, VARCHAR, BIGINT, DOUBLE, BOOLEAN, DATE,
  type DuckDBAppender, type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api';
import { CITES, type ColumnType, type TableSpec } from '../catalog/types.ts';
import { AtlasError } from './errors.ts';
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

/** CREATE TABLE for a catalog declaration (drops any previous table of that name). */
export function createTableSql(spec: TableSpec): string {
  const cols = spec.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  return `CREATE OR REPLACE TABLE "${spec.name}" (${cols})`;
}

/** Rows per data chunk: DuckDB's vector size, the most a chunk holds. */
const CHUNK_ROWS = 2048;

/**
 * Create the table and append the rows with DuckDB's appender, one data chunk
 * (2048 rows) at a time, column by column: much less work per value than
 * appending value by value. A value that does not fit its column stops with an
 * AtlasError naming the first such row and field (in row order).
 */
export async function writeRows(db: Db, spec: TableSpec, rows: readonly Row[]): Promise<void> {
  // One transaction, committed with an awaited statement: the commit (writing and syncing the
  // WAL, 10-25 ms a table here) then runs on DuckDB's thread; closing an appender outside a
  // transaction commits on this one, synchronously.
  await db.conn.run('BEGIN TRANSACTION');
  try {
    await db.conn.run(createTableSql(spec));
    if (rows.length > 0) appendRows(await db.conn.createAppender(spec.name), spec, rows);
  } catch (e) {
    await db.conn.run('ROLLBACK');
    throw e;
  }
  await db.conn.run('COMMIT');
}

function appendRows(appender: DuckDBAppender, spec: TableSpec, rows: readonly Row[]): void {
  const cols = spec.columns;
  const types = cols.map((c) => duckdbType(c.type));
  const convert = cols.map((c) => converterFor(c.type));
  for (let off = 0; off < rows.length; off += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows.length - off);
    const chunk = DuckDBDataChunk.create(types, n);
    for (let j = 0; j < cols.length; j++) {
      const name = cols[j].name;
      const conv = convert[j];
      const vector = chunk.getColumnVector(j);
      for (let i = 0; i < n; i++) {
        const v = rows[off + i][name];
        if (v === null || v === undefined) { vector.setItem(i, null); continue; }
        let x: DuckDBValue;
        try { x = conv(v); } catch { throw firstBadValue(spec, rows, off, convert); }
        vector.setItem(i, x);
      }
      vector.flush();
    }
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

/** The error for the first value (in row order) from row `from` on that its column cannot hold. */
function firstBadValue(spec: TableSpec, rows: readonly Row[], from: number, convert: readonly Convert[]): AtlasError {
  for (let i = from; i < rows.length; i++) {
    for (let j = 0; j < spec.columns.length; j++) {
      const c = spec.columns[j];
      const v = rows[i][c.name];
      if (v === null || v === undefined) continue;
      try { convert[j](v); } catch (e) {
        return new AtlasError(`cannot store ${JSON.stringify(v)} as ${c.type}: ${(e as Error).message}`,
          { record: `${spec.name} row ${i + 1}`, field: c.name });
      }
    }
  }
  return new AtlasError('cannot store a value', { record: spec.name });
}

type Convert = (v: unknown) => DuckDBValue;

function duckdbType(type: ColumnType): DuckDBType {
  switch (type) {
    case 'VARCHAR': return VARCHAR;
    case 'INTEGER': return INTEGER;
    case 'BIGINT': return BIGINT;
    case 'DOUBLE': return DOUBLE;
    case 'BOOLEAN': return BOOLEAN;
    case 'DATE': return DATE;
    case 'VARCHAR[]': return LIST(VARCHAR);
    case 'INTEGER[]': return LIST(INTEGER);
    case CITES: return LIST(STRUCT({ doc_id: VARCHAR, para_no: INTEGER }));
  }
}

/** JS value → the value the column's vector takes (same conversions as the row-by-row appender had). */
function converterFor(type: ColumnType): Convert {
  switch (type) {
    case 'VARCHAR': return (v) => (typeof v === 'string' ? v : String(v));
    case 'INTEGER': return checkInt32;
    case 'BIGINT': return (v) => BigInt(v as number);
    case 'DOUBLE': return (v) => Number(v);
    case 'BOOLEAN': return (v) => Boolean(v);
    case 'DATE': return (v) => {
      const [year, month, day] = String(v).split('-').map(Number);
      return dateValue({ year, month, day });
    };
    case 'VARCHAR[]': return (v) => listValue((v as unknown[]).map(String));
    case 'INTEGER[]': return (v) => listValue((v as unknown[]).map(checkInt32));
    case CITES: return (v) => listValue((v as { doc_id: unknown; para_no: unknown }[])
      .map((c) => structValue({ doc_id: String(c.doc_id), para_no: checkInt32(c.para_no) })));
  }
}

function checkInt(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error('not an integer');
  return v;
}

function checkInt32(v: unknown): number {
  const n = checkInt(v);
  if (n < -2147483648 || n > 2147483647) throw new Error(`${n} is out of range for INTEGER`);
  return n;
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
