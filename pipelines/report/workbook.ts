/**
 * The tables as one Excel workbook: a README sheet with the data dictionary
 * from the catalog, then one sheet per table, header row bold and frozen, lists written
 * as "1, 2, 3". The bytes depend only on the rows and the date given: the workbook's
 * created/modified properties and every ZIP entry carry that date.
 */
import { CITES, type Column, type ColumnType, type TableSpec } from '../catalog/types.ts';
import type { Row } from '../core/db.ts';
import { sqlIdent } from '../core/sql.ts';
import {
  SharedStrings, appPropsXml, contentTypesXml, corePropsXml, rootRelsXml, sheetXml, stylesXml, workbookRelsXml, workbookXml,
  type CellValue,
} from './xlsx-parts.ts';
import { zipBytes } from './zip-writer.ts';

/** Excel's limits: characters in a cell, rows in a sheet, characters in a sheet name. */
export const EXCEL_MAX_CELL_CHARS = 32_767;
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_SHEET_NAME = 31;

export const README_SHEET = 'README';
export const DICTIONARY_HEADER = ['table', 'sheet', 'layer', 'grain', 'key', 'column', 'type', 'description'] as const;

/** Rows a workbook holds in all: a spreadsheet of a large corpus's paragraphs or claims is of no use (Parquet and CSV have them). */
export const WORKBOOK_MAX_ROWS = 60_000;

/** A table's sheet: its rows, or null when they are left out of the workbook (nRows says how many). */
export interface WorkbookTable { spec: TableSpec; rows: readonly Row[] | null; nRows?: number }

/**
 * The tables whose rows go into the workbook: smallest first (then by name), while the rows
 * added so far stay within `maxRows`. A table that does not fit gets a sheet saying where its rows are.
 *
 * @example
 *   tablesThatFit([{ name: 'paragraphs', rows: 137_000 }, { name: 'themes', rows: 20 }], 60_000); // Set { 'themes' }
 */
export function tablesThatFit(counts: readonly { name: string; rows: number }[], maxRows = WORKBOOK_MAX_ROWS): Set<string> {
  const fit = new Set<string>();
  let total = 0;
  for (const c of [...counts].sort((a, b) => a.rows - b.rows || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (total + c.rows > maxRows) break;
    total += c.rows;
    fit.add(c.name);
  }
  return fit;
}

/** The one row of a sheet whose rows are left out. */
export function leftOutNote(table: string, nRows: number, maxRows = WORKBOOK_MAX_ROWS): string {
  return `Not in this workbook: ${nRows.toLocaleString('en')} rows, more than fit in its ${maxRows.toLocaleString('en')} rows in all; `
    + `read tables/${table}.parquet or tables/${table}.csv (or the table in atlas.duckdb).`;
}

export interface WorkbookOptions extends WorkbookLimits {
  /** Written as the workbook's created and modified dates and every ZIP entry's date. */
  date: Date;
  title: string;
  /** One line on where the data comes from (the workbook's description property). */
  description: string;
}

export interface WorkbookResult {
  bytes: Uint8Array;
  /** Sheet name of each table. */
  sheets: Map<string, string>;
  /** Cells cut at Excel's cell limit and rows past its last row, per table (only tables with any). */
  cut: { table: string; cells: number; rows: number }[];
  /** Tables whose rows are not in the workbook (over the row budget). */
  leftOut: { table: string; rows: number }[];
}

export interface WorkbookLimits {
  /** The workbook's row budget, named in the note of a table left out (default WORKBOOK_MAX_ROWS). */
  maxRows?: number;
}

/**
 * Sheet names: the table name, cut to 31 characters, characters Excel refuses replaced,
 * made unique without regard to case (Excel's rule) with a "~2" suffix; README is taken.
 *
 * @example
 *   sheetNames(['data_collection_initiatives_and_more_words']).get('data_collection_initiatives_and_more_words')
 *   // 'data_collection_initiatives_and'
 */
export function sheetNames(tables: readonly string[]): Map<string, string> {
  const taken = new Set([README_SHEET.toLowerCase(), 'history']); // "History" is reserved by Excel
  const out = new Map<string, string>();
  for (const t of tables) {
    const base = t.replace(/[\\/?*[\]:]/g, '_').replace(/^'|'$/g, '_').slice(0, EXCEL_MAX_SHEET_NAME) || 'sheet';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `~${n}`;
      name = base.slice(0, EXCEL_MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    out.set(t, name);
  }
  return out;
}

/** Rows of the README sheet: one per column of each table, in catalog order. */
export function dictionaryRows(specs: readonly TableSpec[], sheets: ReadonlyMap<string, string>): string[][] {
  return specs.flatMap((s) => s.columns.map((c) => [
    s.name, sheets.get(s.name) ?? s.name, s.layer, s.grain, s.key.join(', '), c.name, columnType(c), c.description,
  ]));
}

function columnType(c: Column): string {
  const extra = [c.nullable ? 'nullable' : '', c.accepted ? `one of ${c.accepted.join(', ')}` : ''].filter(Boolean);
  return extra.length ? `${c.type} (${extra.join('; ')})` : c.type;
}

/**
 * The columns of a table as its sheet reads them (a SELECT list): lists joined by DuckDB as cellValue
 * joins them, and text and lists cut to one character past Excel's limit, so that fitCell still sees
 * the cell is too long and cuts it to the same text. At 1,000 documents a country's paragraph list
 * holds tens of thousands of numbers, and reading them into JavaScript took most of the sheet's time.
 */
export function sheetColumns(spec: TableSpec): string {
  const keep = EXCEL_MAX_CELL_CHARS + 1;
  // Past its first `keep` / 2 + 1 items a list's text is longer than `keep` (", " between items), so the rest are not joined.
  const items = (name: string) => `list_slice(${name}, 1, ${Math.floor(keep / 2) + 1})`;
  return spec.columns.map((c) => {
    const name = sqlIdent(c.name);
    switch (c.type) {
      case 'VARCHAR': return `left(${name}, ${keep}) AS ${name}`;
      // array_to_string skips NULLs, which cellValue writes as empty
      case 'VARCHAR[]': case 'INTEGER[]':
        return `left(array_to_string(list_transform(${items(name)}, x -> coalesce(CAST(x AS VARCHAR), '')), ', '), ${keep}) AS ${name}`;
      case CITES: return `left(array_to_string(list_transform(${items(name)}, c -> c.doc_id || ' ' || c.para_no), ', '), ${keep}) AS ${name}`;
      default: return name;
    }
  }).join(', ');
}

/** A cell's text cut to Excel's limit, saying where the whole text is. */
export function fitCell(text: string, table: string): { text: string; cut: boolean } {
  if (text.length <= EXCEL_MAX_CELL_CHARS) return { text, cut: false };
  const note = ` … [cut at Excel's limit of ${EXCEL_MAX_CELL_CHARS.toLocaleString('en')} characters; the whole text is in tables/${table}.csv]`;
  return { text: text.slice(0, EXCEL_MAX_CELL_CHARS - note.length) + note, cut: true };
}

/**
 * The value a cell holds: numbers, booleans and dates as themselves (a DATE as a UTC
 * date shown yyyy-mm-dd), lists as "a, b, c" (text already, where sheetColumns joined them), BIGINT as
 * a number when it fits exactly.
 */
export function cellValue(v: unknown, type: ColumnType): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'VARCHAR[]': case 'INTEGER[]':
      return typeof v === 'string' ? v : (v as unknown[]).map((x) => (x === null ? '' : String(x))).join(', ');
    // the cited column beside it has the symbols; this keeps the keys ("a-hrc-14-32 85, a-hrc-14-32 88")
    case CITES: return typeof v === 'string' ? v : (v as { doc_id: string; para_no: number }[]).map((c) => `${c.doc_id} ${c.para_no}`).join(', ');
    case 'BIGINT': {
      const n = typeof v === 'bigint' ? v : BigInt(v as number);
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
    }
    case 'DATE': return new Date(`${String(v)}T00:00:00Z`);
    case 'INTEGER': case 'DOUBLE': return Number(v);
    case 'BOOLEAN': return Boolean(v);
    case 'VARCHAR': return String(v);
  }
}

const CREATOR = 'Mechanism Atlas';
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const WIDTH_SAMPLE_ROWS = 200;

function columnWidth(header: string, values: readonly unknown[]): number {
  let w = header.length;
  for (const v of values) {
    const s = v instanceof Date ? '2010-01-01' : v === null ? '' : String(v);
    if (s.length > w) w = s.length;
    if (w >= MAX_WIDTH) break;
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
}

/** A sheet's parts: header, rows and column widths (from the first rows), its text in `strings`. */
function sheet(strings: SharedStrings, header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const sample = rows.slice(0, WIDTH_SAMPLE_ROWS);
  return sheetXml(header, rows, header.map((h, j) => columnWidth(h, sample.map((r) => r[j]))), strings);
}

/**
 * Build the workbook; sheets follow the order of `tables`. The XML is written here as strings
 * (xlsx-parts.ts) and deflated on libuv's pool (zip-writer.ts); exceljs, which wrote it before,
 * took most of a second for the seed's 6,000 rows on this thread.
 */
export async function workbookBytes(tables: readonly WorkbookTable[], opts: WorkbookOptions): Promise<WorkbookResult> {
  const strings = new SharedStrings();
  const sheets = sheetNames(tables.map((t) => t.spec.name));
  const xml: string[] = [sheet(strings, DICTIONARY_HEADER, dictionaryRows(tables.map((t) => t.spec), sheets))];

  const cut: WorkbookResult['cut'] = [];
  const leftOut: WorkbookResult['leftOut'] = [];
  for (const { spec, rows, nRows } of tables) {
    const types = spec.columns.map((c) => c.type);
    const header = spec.columns.map((c) => c.name);
    if (rows === null) {
      xml.push(sheet(strings, header, [[leftOutNote(spec.name, nRows ?? 0, opts.maxRows)]]));
      leftOut.push({ table: spec.name, rows: nRows ?? 0 });
      continue;
    }
    const kept = rows.slice(0, EXCEL_MAX_ROWS - 1);
    let cutCells = 0;
    const values = kept.map((row) => spec.columns.map((c, j) => {
      const v = cellValue(row[c.name], types[j]);
      if (typeof v !== 'string') return v;
      const f = fitCell(v, spec.name);
      if (f.cut) cutCells++;
      return f.text;
    }));
    if (cutCells > 0 || kept.length < rows.length) cut.push({ table: spec.name, cells: cutCells, rows: rows.length - kept.length });
    xml.push(sheet(strings, header, values));
  }
  const names = [README_SHEET, ...tables.map((t) => sheets.get(t.spec.name)!)];
  const bytes = await zipBytes([
    { name: '[Content_Types].xml', data: contentTypesXml(names.length) },
    { name: '_rels/.rels', data: rootRelsXml() },
    { name: 'docProps/core.xml', data: corePropsXml({ creator: CREATOR, title: opts.title, description: opts.description, date: opts.date }) },
    { name: 'docProps/app.xml', data: appPropsXml(CREATOR) },
    { name: 'xl/workbook.xml', data: workbookXml(names) },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRelsXml(names.length) },
    { name: 'xl/styles.xml', data: stylesXml() },
    { name: 'xl/sharedStrings.xml', data: strings.xml() },
    ...xml.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
  ], opts.date);
  return { bytes, sheets, cut, leftOut };
}
