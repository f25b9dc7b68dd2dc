/**
 * output/tables/atlas.xlsx on the seed build: a README sheet with one row per catalog
 * column of the exported tables, one sheet per exported table with the catalog's columns
 * and the build's row count, known cells, and the same bytes when made again from the
 * built database at another time of day.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CATALOG } from '../../pipelines/catalog/index.ts';
import { PIPELINE } from '../../pipelines/pipeline.ts';
import { workbookBytes, README_SHEET } from '../../pipelines/report/workbook.ts';
import { WORKBOOK_FILE, workbookDate, workbookTables } from '../../pipelines/report/write-workbook.ts';
import { builtOut, openBuilt, query } from '../helpers/built.ts';
import type { Db } from '../../pipelines/core/db.ts';
import { orderedSelect } from '../../pipelines/core/sql.ts';

let db: Db;
let bytes: Buffer;
const wb = new ExcelJS.Workbook();
const manifest = () => JSON.parse(readFileSync(join(builtOut(), 'manifest.json'), 'utf8')) as { tables: Record<string, number> };
const exported = CATALOG.filter((t) => t.export !== false && t.name in manifest().tables);
const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

beforeAll(async () => {
  db = await openBuilt();
  bytes = readFileSync(join(builtOut(), WORKBOOK_FILE));
  await wb.xlsx.load(bytes as never);
});
afterAll(() => db.close());

describe('atlas.xlsx', () => {
  it('has a README sheet first, then one sheet per exported table, in catalog order', () => {
    expect(workbookTables(PIPELINE)).toEqual(exported.map((t) => t.name));
    expect(wb.worksheets.map((w) => w.name)).toEqual([README_SHEET, ...exported.map((t) => t.name)]);
    expect(wb.worksheets.every((w) => w.name.length <= 31)).toBe(true);
    expect(exported.map((t) => t.name)).toEqual(expect.arrayContaining(['evidence_named', 'claims_named', 'coverage_mechanism_theme', 'countries']));
  });

  it('README: one row per catalog column of each exported table, with its type and description', () => {
    const readme = wb.getWorksheet(README_SHEET)!;
    const nColumns = exported.reduce((n, t) => n + t.columns.length, 0);
    expect(readme.rowCount).toBe(1 + nColumns);
    expect(values(readme, 1)).toEqual(['table', 'sheet', 'layer', 'grain', 'key', 'column', 'type', 'description']);
    const rows = Array.from({ length: nColumns }, (_, i) => values(readme, i + 2));
    const mname = rows.find((r) => r[0] === 'coverage_mechanism_theme' && r[5] === 'mechanism_name')!;
    expect(mname).toEqual(['coverage_mechanism_theme', 'coverage_mechanism_theme', 'reporting', 'One row per mechanism × theme (full cross product).',
      'mechanism_id, theme_id', 'mechanism_name', 'VARCHAR', 'Full name of the mechanism']);
  });

  it('every table sheet: the catalog\'s columns as a bold frozen header, and the build\'s row count', () => {
    for (const t of exported) {
      const ws = wb.getWorksheet(t.name)!;
      expect(values(ws, 1), t.name).toEqual(t.columns.map((c) => c.name));
      expect(ws.getCell('A1').font?.bold, t.name).toBe(true);
      expect(ws.views[0], t.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.rowCount, t.name).toBe(1 + manifest().tables[t.name]);
    }
  });

  it('known cells: a list as "85, 88", a mechanism name, a boolean, a UN country name, a date', async () => {
    const cmt = wb.getWorksheet('coverage_mechanism_theme')!;
    const cols = values(cmt, 1);
    const [built] = await query<{ mechanism_id: string; theme_id: string; paragraphs: number[]; name: string }>(db, `
      SELECT c.mechanism_id, c.theme_id, c.paragraphs, m.name FROM coverage_mechanism_theme c JOIN mechanisms m USING (mechanism_id)
      WHERE len(c.paragraphs) > 1 ORDER BY c.mechanism_id, c.theme_id LIMIT 1`);
    const row = Array.from({ length: cmt.rowCount - 1 }, (_, i) => values(cmt, i + 2))
      .find((r) => r[cols.indexOf('mechanism_id')] === built.mechanism_id && r[cols.indexOf('theme_id')] === built.theme_id)!;
    expect(row[cols.indexOf('paragraphs')]).toBe(built.paragraphs.join(', '));
    expect(row[cols.indexOf('paragraphs')]).toMatch(/^\d+(, \d+)+$/);
    expect(row[cols.indexOf('mechanism_name')]).toBe(built.name);
    expect(row[cols.indexOf('covered')]).toBe(true);

    const countries = wb.getWorksheet('countries')!;
    const usa = Array.from({ length: countries.rowCount - 1 }, (_, i) => values(countries, i + 2)).find((r) => r[0] === 'USA')!;
    expect(usa[values(countries, 1).indexOf('name')]).toBe('United States of America');
    expect(wb.getWorksheet('documents')!.getCell('D2').value).toEqual(new Date('2010-05-04T00:00:00Z'));
  });

  it('is dated by the report, and made again from the built tables at another time gives the same bytes', async () => {
    expect(wb.created).toEqual(new Date('2010-05-04T00:00:00Z'));
    expect(wb.modified).toEqual(new Date('2010-05-04T00:00:00Z'));
    const tables = [];
    for (const t of exported) {
      const rows = await query(db, orderedSelect(t));
      tables.push({ spec: t, rows });
    }
    const documents = tables.find((t) => t.spec.name === 'documents')!.rows;
    const description = wb.description;
    vi.useFakeTimers({ toFake: ['Date'] }); // only the clock: the zip writer needs real timers
    try {
      vi.setSystemTime(new Date('2031-07-15T17:31:07Z'));
      const again = await workbookBytes(tables, { date: workbookDate(documents), title: wb.title, description });
      expect(Buffer.from(again.bytes).equals(bytes)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
