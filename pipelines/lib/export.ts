/**
 * Export a table to Parquet, CSV (DuckDB COPY) and Arrow IPC (apache-arrow),
 * rows ordered by the table's key so the bytes are the same on every build.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  tableToIPC, vectorFromArray, Table, Utf8, Int32, Int64, Float64, Bool, DateDay, List, Field,
  type DataType, type Vector,
} from 'apache-arrow';
import type { ColumnType, TableSpec } from '../catalog/types.ts';
import { exec, type Db } from './db.ts';

export const EXPORT_FORMATS = ['parquet', 'arrow', 'csv'] as const;

function orderedSelect(spec: TableSpec): string {
  return `SELECT * FROM "${spec.name}" ORDER BY ${spec.key.map((k) => `"${k}"`).join(', ')}`;
}

const sqlPath = (p: string) => `'${p.replaceAll("'", "''")}'`;

export async function exportTable(db: Db, spec: TableSpec, dir: string): Promise<string[]> {
  const base = join(dir, spec.name);
  await exec(db, `COPY (${orderedSelect(spec)}) TO ${sqlPath(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`);
  await exec(db, `COPY (${orderedSelect(spec)}) TO ${sqlPath(`${base}.csv`)} (FORMAT csv, HEADER true)`);
  writeFileSync(`${base}.arrow`, tableToIPC(await arrowTable(db, spec), 'file'));
  return EXPORT_FORMATS.map((f) => `${spec.name}.${f}`);
}

function arrowType(t: ColumnType): DataType {
  switch (t) {
    case 'VARCHAR': return new Utf8();
    case 'INTEGER': return new Int32();
    case 'BIGINT': return new Int64();
    case 'DOUBLE': return new Float64();
    case 'BOOLEAN': return new Bool();
    case 'DATE': return new DateDay();
    case 'VARCHAR[]': return new List(new Field('item', new Utf8(), true));
    case 'INTEGER[]': return new List(new Field('item', new Int32(), true));
  }
}

/** The table as an Arrow table with the catalog's types. */
export async function arrowTable(db: Db, spec: TableSpec): Promise<Table> {
  const reader = await db.conn.runAndReadAll(orderedSelect(spec));
  const data = reader.getColumnsObjectJS() as Record<string, unknown[]>;
  const vectors: Record<string, Vector> = {};
  for (const c of spec.columns) {
    vectors[c.name] = vectorFromArray(data[c.name] as never[], arrowType(c.type) as never);
  }
  return new Table(vectors);
}
