/**
 * Tables read from the build's database in their key order, as stages see them: whole, or, for
 * a stage that reads its own inputs, in part (a query of its own for the tables it needs only
 * some rows or columns of).
 */
import { tableSpec } from '../catalog/index.ts';
import type { TableName } from '../catalog/rows.ts';
import { query, type Db, type Row } from './db.ts';
import { keyOrder, orderedSelect } from './sql.ts';
import type { InputTables } from './stage.ts';

/** The part of a table to read: SQL ordered by `orderBy` (the table's key), with its parameters. */
export type PartialRead = (orderBy: string) => { sql: string; params?: Record<string, string> };

/** Each table's rows ordered by its key; a table named in `partial` is read by its query instead. */
export async function readTables<const I extends readonly TableName[]>(
  db: Db, names: I, partial: Readonly<Record<string, PartialRead>> = {},
): Promise<InputTables<I>> {
  const out: Record<string, Row[]> = {};
  for (const name of names) {
    const spec = tableSpec(name);
    const part = partial[name]?.(keyOrder(spec.key));
    out[name] = await query(db, part ? part.sql : orderedSelect(spec), part?.params);
  }
  return out as InputTables<I>;
}
