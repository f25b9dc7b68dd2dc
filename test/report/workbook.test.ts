/**
 * The workbook writer on small literal tables: sheet names within Excel's rules, cell
 * values (lists as "1, 2, 3", dates, big integers, cut text), the README dictionary,
 * and the same bytes whatever the clock says (ZIP entry dates fixed).
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import ExcelJS from 'exceljs';
import { CITES, col, type TableSpec } from '../../pipelines/catalog/types.ts';
import { createTableSql, exec, openDb, query } from '../../pipelines/core/db.ts';
import { orderedSelect } from '../../pipelines/core/sql.ts';
import {
  cellValue, dictionaryRows, fitCell, leftOutNote, sheetColumns, sheetNames, tablesThatFit, workbookBytes, EXCEL_MAX_CELL_CHARS, README_SHEET,
  DICTIONARY_HEADER, WORKBOOK_MAX_ROWS,
} from '../../pipelines/report/workbook.ts';
import { dosDateTime, zipBytes } from '../../pipelines/report/zip-writer.ts';
import { workbookDate, workbookDescription } from '../../pipelines/report/write-workbook.ts';

const things = {
  name: 'things', layer: 'reporting', description: 'Fixture.', grain: 'One row per thing.', key: ['id'],
  columns: [
    col('id', 'VARCHAR', 'Thing'),
    col('n', 'BIGINT', 'A count'),
    col('paras', 'INTEGER[]', 'Paragraphs'),
    col('day', 'DATE', 'A day', { nullable: true }),
    col('ok', 'BOOLEAN', 'Yes or no', { accepted: [true, false] }),
  ],
} as const satisfies TableSpec;
const longName = {
  ...things, name: 'a_table_name_that_is_much_longer_than_excel_allows',
  columns: [col('text', 'VARCHAR', 'Text')],
} as const satisfies TableSpec;

const rows = [
  { id: 'a', n: 3n, paras: [85, 88], day: '2010-05-04', ok: true },
  { id: 'b', n: 2n ** 60n, paras: [], day: null, ok: false },
];
const opts = { date: new Date('2010-05-04T00:00:00Z'), title: 'T', description: 'D' };

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

afterEach(() => { vi.useRealTimers(); });

describe('sheetNames', () => {
  it('keeps names within 31 characters, unique without regard to case, README and History taken', () => {
    const names = sheetNames(['evidence', 'readme', 'History', 'x'.repeat(40), `${'x'.repeat(31)}Y`, 'a/b:c']);
    expect([...names.values()]).toEqual(['evidence', 'readme~2', 'History~2', 'x'.repeat(31), `${'x'.repeat(29)}~2`, 'a_b_c']);
    expect([...names.values()].every((n) => n.length <= 31)).toBe(true);
  });
});

describe('cell values', () => {
  it('writes lists as "a, b", dates as UTC dates, big integers as text, nulls as empty', () => {
    expect(cellValue([85, 88], 'INTEGER[]')).toBe('85, 88');
    expect(cellValue(['asean', 'coe'], 'VARCHAR[]')).toBe('asean, coe');
    expect(cellValue([], 'INTEGER[]')).toBe('');
    expect(cellValue('2010-05-04', 'DATE')).toEqual(new Date('2010-05-04T00:00:00Z'));
    expect(cellValue(3n, 'BIGINT')).toBe(3);
    expect(cellValue(2n ** 60n, 'BIGINT')).toBe('1152921504606846976');
    expect(cellValue(null, 'VARCHAR')).toBeNull();
  });

  it('cuts text at Excel\'s cell limit and says where the whole text is', () => {
    expect(fitCell('short', 't')).toEqual({ text: 'short', cut: false });
    const f = fitCell('x'.repeat(40_000), 'documents');
    expect(f.cut).toBe(true);
    expect(f.text).toHaveLength(EXCEL_MAX_CELL_CHARS);
    expect(f.text).toMatch(/the whole text is in tables\/documents\.csv\]$/);
  });
});

describe('sheetColumns', () => {
  it('reads from DuckDB the cells cellValue and fitCell make of the whole values: lists joined, long ones cut the same', async () => {
    const spec = {
      name: 'cells', layer: 'reporting', description: 'Fixture.', grain: 'One row per id.', key: ['id'],
      columns: [
        col('id', 'INTEGER', 'Id'), col('text', 'VARCHAR', 'Text', { nullable: true }), col('names', 'VARCHAR[]', 'Names', { nullable: true }),
        col('paras', 'INTEGER[]', 'Paragraphs', { nullable: true }), col('sources', CITES, 'Sources', { nullable: true }), col('n', 'BIGINT', 'A count'),
      ],
    } as const satisfies TableSpec;
    const db = await openDb();
    try {
      await exec(db, createTableSql(spec));
      // long lists and texts past the limit (one of astral characters, two UTF-16 units each), NULL items, empty lists, NULLs
      await exec(db, `INSERT INTO cells VALUES
        (1, 'short', ['a', NULL, 'b'], [3, NULL, 1], [{'doc_id': 'd1', 'para_no': 5}], 7),
        (2, repeat('x', 40000), [], [], [], 8),
        (3, repeat('😀', 20000), list_transform(range(20000), i -> 'm' || i), list_transform(range(20000), i -> i::INTEGER),
          list_transform(range(20000), i -> {'doc_id': 'a-hrc-14-32', 'para_no': i::INTEGER}), 9),
        (4, NULL, NULL, NULL, NULL, 10),
        (5, repeat('😀', 16384), [repeat('y', 32767)], list_transform(range(10923), i -> 1), NULL, 11)`);
      const cells = (rows: Record<string, unknown>[]) => rows.map((r) => spec.columns.map((c) => {
        const v = cellValue(r[c.name], c.type);
        return typeof v === 'string' ? fitCell(v, spec.name) : v;
      }));
      const whole = cells(await query(db, orderedSelect(spec)));
      expect(cells(await query(db, orderedSelect(spec, sheetColumns(spec))))).toEqual(whole);
      expect(whole.flat().filter((c) => (c as { cut?: boolean } | null)?.cut).length).toBe(6);
      expect(whole[0]!.slice(2, 5)).toEqual([{ text: 'a, , b', cut: false }, { text: '3, , 1', cut: false }, { text: 'd1 5', cut: false }]);
    } finally {
      db.close();
    }
  });
});

describe('zip dates', () => {
  it('encodes MS-DOS date and time and refuses dates a ZIP cannot hold', () => {
    expect(dosDateTime(new Date('2010-05-04T13:45:30Z'))).toEqual({ time: (13 << 11) | (45 << 5) | 15, date: (30 << 9) | (5 << 5) | 4 });
    expect(() => dosDateTime(new Date('1979-12-31T00:00:00Z'))).toThrow(/1980–2107/);
  });

  it('dates every entry of a ZIP it writes with the date given, in its local header and its directory entry', async () => {
    const when = new Date('2010-05-04T13:45:30Z');
    const { time, date } = dosDateTime(when);
    const zip = Buffer.from(await zipBytes([{ name: 'a.txt', data: 'hello' }, { name: 'b.png', data: new Uint8Array([1, 2]), store: true }], when));
    const local = [0, 30 + 'a.txt'.length + zip.readUInt32LE(18)]; // the second entry follows the first's data
    const central = zip.readUInt32LE(zip.length - 22 + 16);
    for (const at of local) expect([zip.readUInt32LE(at), zip.readUInt16LE(at + 10), zip.readUInt16LE(at + 12)]).toEqual([0x04034b50, time, date]);
    expect([zip.readUInt32LE(central), zip.readUInt16LE(central + 12), zip.readUInt16LE(central + 14)]).toEqual([0x02014b50, time, date]);
  });
});

describe('workbookBytes', () => {
  it('gives the same bytes whatever the clock says, and other bytes for another date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // only the clock: the zip writer needs real timers
    vi.setSystemTime(new Date('2030-01-01T10:00:00Z'));
    const a = await workbookBytes([{ spec: things, rows }], opts);
    vi.setSystemTime(new Date('2031-07-15T17:31:07Z'));
    const b = await workbookBytes([{ spec: things, rows }], opts);
    vi.useRealTimers();
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    const c = await workbookBytes([{ spec: things, rows }], { ...opts, date: new Date('2011-01-01T00:00:00Z') });
    expect(Buffer.from(c.bytes).equals(Buffer.from(a.bytes))).toBe(false);
  });

  it('writes a README dictionary, then one sheet per table with a bold frozen header', async () => {
    const r = await workbookBytes([{ spec: things, rows }, { spec: longName, rows: [{ text: 'y'.repeat(40_000) }] }], opts);
    expect(r.cut).toEqual([{ table: longName.name, cells: 1, rows: 0 }]);
    const wb = await read(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([README_SHEET, 'things', longName.name.slice(0, 31)]);
    expect(wb.created).toEqual(opts.date);
    expect(wb.modified).toEqual(opts.date);

    const readme = wb.getWorksheet(README_SHEET)!;
    expect((readme.getRow(1).values as unknown[]).slice(1)).toEqual([...DICTIONARY_HEADER]);
    expect(readme.rowCount).toBe(1 + things.columns.length + longName.columns.length);
    expect((readme.getRow(2).values as unknown[]).slice(1)).toEqual(['things', 'things', 'reporting', 'One row per thing.', 'id', 'id', 'VARCHAR', 'Thing']);
    expect((readme.getRow(5).values as unknown[]).slice(1, 8)).toContain('DATE (nullable)');
    expect(dictionaryRows([things], sheetNames(['things']))[4][6]).toBe('BOOLEAN (one of true, false)');

    const ws = wb.getWorksheet('things')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['id', 'n', 'paras', 'day', 'ok']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['a', 3, '85, 88', new Date('2010-05-04T00:00:00Z'), true]);
    expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('B3').value).toBe('1152921504606846976');
    expect(ws.getCell('D3').value).toBeNull();
    expect(String(wb.worksheets[2].getCell('A2').value)).toHaveLength(EXCEL_MAX_CELL_CHARS);
  });

  it('keeps the rows of the smallest tables within the budget; a table left out gets a sheet saying where its rows are', async () => {
    expect([...tablesThatFit([{ name: 'paragraphs', rows: 137_000 }, { name: 'b', rows: 30 }, { name: 'a', rows: 30 }, { name: 'c', rows: 50 }], 100)])
      .toEqual(['a', 'b']);
    expect(tablesThatFit([{ name: 'x', rows: WORKBOOK_MAX_ROWS }])).toEqual(new Set(['x']));
    const r = await workbookBytes([{ spec: things, rows }, { spec: longName, rows: null, nRows: 137_000 }], { ...opts, maxRows: 100 });
    expect(r.leftOut).toEqual([{ table: longName.name, rows: 137_000 }]);
    const ws = (await read(r.bytes)).worksheets[2];
    expect(ws.rowCount).toBe(2);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['text']);
    expect(ws.getCell('A2').value).toBe(leftOutNote(longName.name, 137_000, 100));
    expect(ws.getCell('A2').value).toMatch(/137,000 rows, more than fit in its 100 rows in all; read tables\/a_table_name_that_is_much_longer_than_excel_allows\.parquet/);
  });

  it('names the documents it holds, a corpus by its first symbol and a count', () => {
    expect(workbookDescription(['A/HRC/14/32'])).toMatch(/^Mechanism Atlas coding of A\/HRC\/14\/32: one sheet per table/);
    expect(workbookDescription(['A/1', 'A/2', 'A/3', 'A/4'])).toMatch(/^Mechanism Atlas coding of 4 documents: A\/1, A\/2, A\/3 and 1 more:/);
  });

  it('dates the workbook by the newest document, 1980-01-01 without one', () => {
    expect(workbookDate([{ date: '2009-01-02' }, { date: '2010-05-04' }, { date: null }])).toEqual(new Date('2010-05-04T00:00:00Z'));
    expect(workbookDate(undefined)).toEqual(new Date('1980-01-01T00:00:00Z'));
  });
});
