/**
 * The XML parts of an .xlsx workbook (Office Open XML, SpreadsheetML), written as strings: a
 * sheet of plain values (text, numbers, booleans, dates) with a bold frozen header row, column
 * widths and an autofilter; one style sheet; the shared strings; the workbook and its
 * properties. exceljs wrote the same workbook at about 0.3 ms a row on this thread (1.2-1.7 s
 * of the seed's cold build); building the strings here takes a few per cent of that, and
 * zip-writer.ts deflates them on libuv's pool.
 */
import { escapeHtml } from './render/html-escape.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles (cellXfs indexes in stylesXml): plain, bold (the header), a date shown yyyy-mm-dd. */
export const STYLE = { plain: 0, bold: 1, date: 2 } as const;

export type CellValue = string | number | boolean | Date | null;

// Characters XML 1.0 cannot hold (control characters but tab, LF, CR; lone surrogates; U+FFFE/F): dropped.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or an attribute value. */
export function xmlText(s: string): string {
  return escapeHtml(s.replace(INVALID, '')); // HTML's five escapes are XML's too
}

/** Text cells refer to one table of strings, each string once. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;
  ref(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) { i = this.list.length; this.index.set(s, i); this.list.push(s); }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></si>`);
    return `${HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

/** The column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(j: number): string {
  let s = '';
  for (let n = j + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's serial day number of a UTC date (days since 1899-12-30). */
export function excelDate(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

function cell(ref: string, v: CellValue, strings: SharedStrings, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return `<c r="${ref}"${s} t="s"><v>${strings.ref(v)}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}" s="${STYLE.date}"><v>${excelDate(v)}</v></c>`;
  return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="s"><v>${strings.ref(String(v))}</v></c>`;
}

/** A worksheet: the header row (bold, frozen, with an autofilter), then the rows; widths in characters. */
export function sheetXml(header: readonly string[], rows: readonly (readonly CellValue[])[], widths: readonly number[], strings: SharedStrings): string {
  const cols = header.map((_, j) => columnName(j));
  const out: string[] = [
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (widths.length) out.push(`<cols>${widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  out.push('<sheetData>');
  out.push(`<row r="1">${header.map((h, j) => cell(`${cols[j]}1`, h, strings, STYLE.bold)).join('')}</row>`);
  for (let i = 0; i < rows.length; i++) {
    const r = i + 2;
    const row = rows[i]!;
    let cells = '';
    for (let j = 0; j < row.length; j++) cells += cell(`${cols[j] ?? columnName(j)}${r}`, row[j] ?? null, strings, STYLE.plain);
    out.push(`<row r="${r}">${cells}</row>`);
  }
  out.push('</sheetData>');
  if (header.length) out.push(`<autoFilter ref="A1:${cols[header.length - 1]}1"/>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return out.join('');
}

export function stylesXml(): string {
  return `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>`
    + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
}

export function workbookXml(sheetNames: readonly string[]): string {
  const sheets = sheetNames.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('');
  return `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>`
    + '<calcPr calcId="171027"/></workbook>';
}

export function workbookRelsXml(sheetCount: number): string {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const sheets = Array.from({ length: sheetCount }, (_, i) => rel(`rId${i + 3}`, 'worksheet', `worksheets/sheet${i + 1}.xml`));
  return `${HEAD}<Relationships xmlns="${PKG_REL}">${rel('rId1', 'styles', 'styles.xml')}${rel('rId2', 'sharedStrings', 'sharedStrings.xml')}${sheets.join('')}</Relationships>`;
}

export function rootRelsXml(): string {
  return `${HEAD}<Relationships xmlns="${PKG_REL}">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
    + `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>`
    + `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
}

export function contentTypesXml(sheetCount: number): string {
  const sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sml}.worksheet+xml"/>`);
  return `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + `<Override PartName="/xl/workbook.xml" ContentType="${sml}.sheet.main+xml"/>${sheets.join('')}`
    + `<Override PartName="/xl/styles.xml" ContentType="${sml}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${sml}.sharedStrings+xml"/>`
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
}

export function corePropsXml(p: { creator: string; title: string; description: string; date: Date }): string {
  const when = p.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:creator>${xmlText(p.creator)}</dc:creator><dc:title>${xmlText(p.title)}</dc:title><dc:description>${xmlText(p.description)}</dc:description>`
    + `<cp:lastModifiedBy>${xmlText(p.creator)}</cp:lastModifiedBy>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

export function appPropsXml(creator: string): string {
  return `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(creator)}</Application></Properties>`;
}
