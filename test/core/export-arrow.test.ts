/**
 * The Arrow IPC export (the Parquet file read by parquet-wasm, a batch at a time): every column type of the
 * catalog, nulls, more than one Parquet row group, and an empty table, read back with
 * apache-arrow and compared with what DuckDB holds.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { col, CITES, type TableSpec } from '../../pipelines/catalog/types.ts';
import { openDb, writeRows, type Db } from '../../pipelines/core/db.ts';
import { ARROW_BATCH_ROWS, exportTable } from '../../pipelines/core/export.ts';

const spec = {
  name: 'every_type', layer: 'primary', description: 'test', grain: 'one row per id', key: ['id'],
  columns: [
    col('id', 'INTEGER', 'id'), col('label', 'VARCHAR', 'text', { nullable: true }), col('big', 'BIGINT', 'n', { nullable: true }),
    col('share', 'DOUBLE', 'x', { nullable: true }), col('flag', 'BOOLEAN', 'b', { nullable: true }), col('day', 'DATE', 'd', { nullable: true }),
    col('words', 'VARCHAR[]', 'l', { nullable: true }), col('paras', 'INTEGER[]', 'l', { nullable: true }), col('sources', CITES, 'c', { nullable: true }),
  ],
} as const satisfies TableSpec;

const row = (i: number) => ({
  id: i, label: i % 7 === 0 ? null : `Côte d'Ivoire «${i}»`, big: i % 5 === 0 ? null : i * 1_000_000, share: i / 4, flag: i % 3 === 0,
  day: i % 11 === 0 ? null : '2010-05-04', words: i % 13 === 0 ? null : i % 2 ? [] : ['a', `b${i}`], paras: [i, i + 1],
  sources: i % 17 === 0 ? null : [{ doc_id: 'A/HRC/14/32', para_no: i }],
});

let db: Db;
let dir: string;
beforeAll(async () => { db = await openDb(); dir = mkdtempSync(join(tmpdir(), 'atlas-arrow-')); });
afterAll(() => db.close());

/** Arrow values as plain JS: vectors and struct rows through their toJSON, BIGINT as number. */
const plain = (v: unknown): unknown => {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && 'toJSON' in v && typeof v.toJSON === 'function') return plain(v.toJSON());
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
};

describe('Arrow export', () => {
  it('keeps every type, null and row (130,000 rows: two Parquet row groups of 122,880 rows at most), lists with items named "item"', async () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => row(129_999 - i)); // written out of key order
    await writeRows(db, spec, rows);
    await exportTable(db, spec, dir);
    const t = tableFromIPC(readFileSync(join(dir, 'every_type.arrow')));
    expect(t.numRows).toBe(130_000);
    // read in batches of ARROW_BATCH_ROWS rows, none across a row group (parquet-wasm's memory stays one batch's size)
    expect(t.batches.map((b) => b.numRows)).toEqual([
      ...Array.from({ length: Math.ceil(122_880 / ARROW_BATCH_ROWS) }, (_, i) => Math.min(ARROW_BATCH_ROWS, 122_880 - i * ARROW_BATCH_ROWS)),
      130_000 - 122_880]);
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:Int32', 'label:Utf8', 'big:Int64', 'share:Float64', 'flag:Bool', 'day:Date32<DAY>',
      'words:List<Utf8>', 'paras:List<Int32>', 'sources:List<Struct<{doc_id:Utf8, para_no:Int32}>>']);
    for (const f of t.schema.fields.slice(6)) expect(f.type.children[0]!.name, f.name).toBe('item');
    // in key order, every value as written (checked on a sample of rows across the row groups)
    for (const i of [0, 1, 7, 13, 17, 122_879, 122_880, 129_999]) {
      const got = plain(t.get(i)!.toJSON()) as Record<string, unknown>;
      const want = row(i);
      expect({ ...got, day: got.day === null ? null : new Date(got.day as number).toISOString().slice(0, 10) }, `row ${i}`).toEqual(want);
    }
  });

  it('writes an empty table as its schema with no rows', async () => {
    const empty = { ...spec, name: 'empty_table' };
    await writeRows(db, empty, []);
    await exportTable(db, empty, dir);
    const t = tableFromIPC(readFileSync(join(dir, 'empty_table.arrow')));
    expect(t.numRows).toBe(0);
    expect(t.schema.fields.map((f) => f.name)).toEqual(spec.columns.map((c) => c.name));
    expect(String(t.schema.fields[8]!.type)).toBe('List<Struct<{doc_id:Utf8, para_no:Int32}>>');
  });
});
