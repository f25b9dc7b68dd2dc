/**
 * The table of contents: one printed line per entry, e.g.
 *   `III. Regional and subregional cooperation …<TAB>13–105<TAB>4`
 *   `1. Africa.....<TAB>17–19<TAB>5`
 * (tab separators or dot leaders, en-dash ranges, `<i>` tags). Entries are
 * given the same path as body headings (III, III.C, III.C.1) so the printed
 * range can be checked against the paragraphs found under the heading.
 */
import type { TocRow } from './row-types.ts';
import { fail } from './fail.ts';
import { plain } from './text.ts';

export type NumberKind = 'roman' | 'letter' | 'digit';

export interface TocLine {
  label: string;
  number: string | null;
  numberKind: NumberKind | null;
  first: number;
  last: number;
  page: number;
}

export interface TocEntry extends TocLine {
  line: number;
  /** Heading path (III, III.C, III.C.1) or null for an unnumbered entry. */
  path: string | null;
}

const MAX_TOC_LINE = 600;
const RANGE = /^(\d{1,4})(?:\s*[–—-]\s*(\d{1,4}))?$/;
const ROMAN = /^(?=[IVXL])(XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Kind of a printed heading number: I/IV (roman), A (letter), 1 (digit). */
export function numberKind(n: string): NumberKind | null {
  if (ROMAN.test(n)) return 'roman';
  if (/^[A-Z]$/.test(n)) return 'letter';
  if (/^\d{1,3}$/.test(n)) return 'digit';
  return null;
}

/** Split a leading printed number off a label: "1. Africa" → ["1", "Africa"]. */
export function splitNumber(label: string): { number: string | null; rest: string } {
  const m = /^([IVXL]+|[A-Z]|\d{1,3})\.\s+(\S[\s\S]*)$/.exec(label);
  if (m && numberKind(m[1])) return { number: m[1], rest: m[2] };
  return { number: null, rest: label };
}

/**
 * `Label ........ 13–16 4` without tabs: read page, range and dot leaders from
 * the end with bounded patterns (no backtracking over the label).
 */
function splitDotLeaders(t: string): { labelPart: string; range: string; page: string } | null {
  const pm = /\s(\d{1,4})$/.exec(t);
  if (!pm) return null;
  const before = t.slice(0, pm.index).trimEnd();
  const rm = /(?:^|[\s.…])(\d{1,4}(?: ?[–—-] ?\d{1,4})?)$/.exec(before);
  if (!rm) return null;
  let end = before.length - rm[1].length;
  let dots = 0;
  while (end > 0) {
    const c = before[end - 1];
    if (c === '.') dots++;
    else if (c === '…') dots += 3;
    else if (c !== ' ') break;
    end--;
  }
  if (dots < 3 || end === 0) return null;
  return { labelPart: before.slice(0, end), range: rm[1], page: pm[1] };
}

/** Parse one printed TOC line, or null if the line is not a TOC entry. */
export function parseTocLine(raw: string): TocLine | null {
  if (raw.length > MAX_TOC_LINE) return null;
  let labelPart: string;
  let range: string;
  let page: string;
  if (raw.includes('\t')) {
    const cells = raw.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    if (cells.length < 3) return null;
    page = cells[cells.length - 1];
    range = cells[cells.length - 2];
    labelPart = cells.slice(0, -2).join(' ');
  } else {
    const split = splitDotLeaders(raw.trim());
    if (!split) return null;
    ({ labelPart, range, page } = split);
  }
  page = plain(page);
  const r = RANGE.exec(plain(range));
  if (!r || !/^\d{1,4}$/.test(page)) return null;
  const label = plain(labelPart).replace(/[\s.…]+$/u, '');
  if (label === '') return null;
  const { number, rest } = splitNumber(label);
  const first = Number(r[1]);
  return {
    label: rest, number, numberKind: number ? numberKind(number) : null,
    first, last: r[2] === undefined ? first : Number(r[2]), page: Number(page),
  };
}

/** Give each entry the heading path it names, following the printed nesting. */
export function assignTocPaths(entries: readonly (TocLine & { line: number })[]): TocEntry[] {
  let chapter: string | null = null;
  let section: string | null = null;
  return entries.map((e) => {
    let path: string | null = null;
    if (e.numberKind === 'roman') { chapter = e.number; section = null; path = chapter; }
    else if (e.numberKind === 'letter') { section = e.number; path = [chapter, section].filter(Boolean).join('.'); }
    else if (e.numberKind === 'digit') path = [chapter, section, e.number].filter(Boolean).join('.');
    return { ...e, path };
  });
}

export interface BodyRange { first_para: number | null; last_para: number | null }

/** TOC rows with the range found in the body under the heading of the same path. */
export function tocRows(entries: readonly TocEntry[], bodyByPath: ReadonlyMap<string, BodyRange>, docId: string): TocRow[] {
  return entries.map((e, i) => {
    const body = e.path === null ? undefined : bodyByPath.get(e.path);
    const bf = body?.first_para ?? null;
    const bl = body?.last_para ?? null;
    return {
      doc_id: docId, entry_no: i + 1, label: e.label, number: e.number,
      first_para: e.first, last_para: e.last, page: e.page,
      body_first_para: bf, body_last_para: bl,
      matches_body: bf === e.first && bl === e.last,
    };
  });
}

/**
 * A body that stops before the last paragraph the TOC promises is a truncated
 * file: fail naming the TOC line and the last paragraph found.
 */
export function checkNotTruncated(
  file: string, entries: readonly TocEntry[], last: { no: number; line: number } | null,
  at: (no: number) => string = (no) => `line ${no}`,
): void {
  let promise: TocEntry | null = null;
  for (const e of entries) if (!promise || e.last > promise.last) promise = e;
  if (!promise) return;
  const found = last ? last.no : 0;
  if (found < promise.last) {
    const where = last ? `the body stops at paragraph ${last.no} (${at(last.line)})` : 'the body has no numbered paragraph';
    throw fail(file, promise.line,
      `the table of contents promises paragraphs up to ${promise.last} ("${promise.number ? promise.number + '. ' : ''}${promise.label}", ${promise.first}–${promise.last}) but ${where}`,
      'the file looks truncated: copy the full report again, or correct the table of contents');
  }
}
