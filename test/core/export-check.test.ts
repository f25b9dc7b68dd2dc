/**
 * An exported view is checked on its Parquet file as it is exported (core/checks.ts
 * checkedAtExport), with the same checks and messages as a table: a null where the catalog says
 * none, a value outside a closed list, a duplicated key each stop the export, naming the file.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { col, type TableSpec } from '../../pipelines/catalog/types.ts';
import { openDb, type Db } from '../../pipelines/core/db.ts';
import { checkedAtExport, checkTable, parquetRows } from '../../pipelines/core/checks.ts';
import { exportTable } from '../../pipelines/core/export.ts';

const spec = {
  name: 'spans_words', layer: 'primary', view: true, description: 'test', grain: 'one row per id', key: ['id'],
  columns: [col('id', 'INTEGER', 'id'), col('role', 'VARCHAR', 'role', { accepted: ['actor', 'passing'] }), col('word', 'VARCHAR', 'a slice'), col('themes', 'VARCHAR[]', 'themes')],
} as const satisfies TableSpec;

let db: Db;
let dir: string;
beforeEach(async () => {
  db = await openDb();
  dir = mkdtempSync(join(tmpdir(), 'atlas-export-check-'));
  await db.conn.run(`CREATE TABLE spans AS SELECT * FROM (VALUES (1, 'actor', 1, 3), (2, 'passing', 5, 9), (3, 'actor', 1, 2)) AS t(id, role, s, e)`);
  await db.conn.run(`CREATE TABLE texts AS SELECT 'the CoE Convention' AS text`);
});
afterEach(() => db.close());

/** The view over spans, each word sliced from the text, with `extra` SQL changing it. */
const makeView = (word = 'substring(text, s + 1, e - s)', from = 'spans') =>
  db.conn.run(`CREATE OR REPLACE VIEW spans_words AS SELECT id, role, ${word}::VARCHAR AS word, ['t']::VARCHAR[] AS themes FROM ${from}, texts`);

describe('an exported view, checked on its Parquet file', () => {
  it('is what the rule covers: a view not marked export: false; tables and unexported views are checked when made', () => {
    expect(checkedAtExport(spec)).toBe(true);
    expect(checkedAtExport({ ...spec, view: false })).toBe(false);
    expect(checkedAtExport({ ...spec, export: false })).toBe(false);
  });

  it('passes a good view: the export writes its three files and the check counts its rows from the file', async () => {
    await makeView();
    const files = await exportTable(db, spec, dir);
    expect(files.map((f) => f.name)).toEqual(['spans_words.parquet', 'spans_words.arrow', 'spans_words.csv']);
    expect(await checkTable(db, spec, 'export', parquetRows(join(dir, 'spans_words.parquet')))).toBe(3);
  });

  it('stops the export on a null in a not-null column, naming the table, the file and the column, with the rows', async () => {
    await makeView("CASE WHEN id = 2 THEN NULL ELSE substring(text, s + 1, e - s) END");
    const err = await exportTable(db, spec, dir).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toContain('column word is declared not null but has nulls');
    expect(String((err as Error).message)).toContain(`[export] ${join(dir, 'spans_words.parquet')}, record table spans_words:`);
    expect(String((err as Error).message)).toContain('"id":2');
    expect(existsSync(join(dir, 'spans_words.csv'))).toBe(false); // stopped before the CSV and Arrow files
  });

  it('stops the export on a value outside the closed list and on a duplicated key', async () => {
    await db.conn.run(`INSERT INTO spans VALUES (4, 'lacking', 1, 3)`);
    await makeView();
    expect(String(await exportTable(db, spec, dir).catch((e: Error) => e.message))).toContain('column role has values outside ["actor","passing"]');
    await db.conn.run(`UPDATE spans SET role = 'actor' WHERE id = 4; INSERT INTO spans VALUES (1, 'actor', 1, 3)`);
    expect(String(await exportTable(db, spec, dir).catch((e: Error) => e.message))).toContain('key (id) is not unique');
  });

  it('stops the export when the view\'s columns are not the declared ones', async () => {
    await db.conn.run(`CREATE OR REPLACE VIEW spans_words AS SELECT id, role, 1 AS word, ['t']::VARCHAR[] AS themes FROM spans`);
    expect(String(await exportTable(db, spec, dir).catch((e: Error) => e.message))).toContain('columns do not match the catalog');
  });
});
