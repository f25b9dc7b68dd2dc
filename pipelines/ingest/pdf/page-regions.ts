/**
 * Where each printed line of a page belongs: furniture (dropped), the
 * masthead (read for the document's particulars, then dropped), the body,
 * a footnote at the foot of the page (or in a closing list of notes), or a
 * table. Decided from position, font size and the columns of the line.
 */
import { isPageFurniture, mastheadLength } from './furniture.ts';
import type { VisualLine } from './page-lines.ts';
import type { PdfPage } from './load-pdf.ts';

export type Region = 'furniture' | 'masthead' | 'body' | 'footnote' | 'table';

export interface PlacedLine extends VisualLine {
  region: Region;
  /** For footnote lines: this line opens a new note. */
  opensNote?: boolean;
}

const SMALL = 0.4;
const LEADERS = /\.{4,}|…{2,}|(?:\. ){4,}/;

function opensNote(l: VisualLine): boolean {
  return l.startsWithMarker || /^[*†‡]+(?:\s|\t|$)/.test(l.text) || /^\d{1,3}\t/.test(l.text);
}

/**
 * Footnotes: the run of small-type lines (or lines opening with a note
 * number) at the foot of the page, from the
 * first that opens with a note number; small lines above that first number
 * continue a note from the previous page when one was open.
 */
function markFootnotes(lines: PlacedLine[], body: number, continuing: boolean): boolean {
  let top = lines.length;
  while (top > 0) {
    const l = lines[top - 1];
    if (l.region !== 'body') { if (l.region === 'furniture') { top--; continue; } break; }
    // a note's own number opens it even when the note is set in body type
    if (l.size >= body - SMALL && !l.startsWithMarker) break;
    top--;
  }
  const run = lines.slice(top).filter((l) => l.region === 'body');
  const first = run.findIndex(opensNote);
  if (run.length === 0 || (first < 0 && !continuing)) return false;
  for (let i = continuing ? 0 : first; i < run.length; i++) {
    run[i].region = 'footnote';
    run[i].opensNote = opensNote(run[i]);
  }
  return true;
}

/** A row of a table: three or more columns, and no dot leaders (those are table-of-contents lines). */
function isRow(l: VisualLine): boolean {
  return l.segments.length >= 3 && !LEADERS.test(l.text);
}

/**
 * Tables: runs of lines with columns, with the small-type or short lines
 * around them (column headings, a row label wrapped over two lines).
 */
function markTables(lines: PlacedLine[], body: number, textWidth: number): void {
  const isBody = (i: number) => lines[i]?.region === 'body';
  const near = (a: VisualLine, b: VisualLine) => Math.abs(a.y - b.y) <= 2.2 * Math.max(a.size, b.size);
  const label = (l: VisualLine) => l.segments.length >= 2 && /^(?:\d{1,3}\.|[A-Z]\.|[IVX]+\.)$/.test(l.segments[0].text);
  const fits = (l: VisualLine) => !l.bold && !label(l)
    && (isRow(l) || l.size < body - SMALL || (l.x1 - l.x < 0.35 * textWidth && !/[.;:]$/.test(l.text)));
  for (let i = 0; i < lines.length; i++) {
    if (!isBody(i) || !isRow(lines[i]) || !isBody(i + 1) || !isRow(lines[i + 1])) continue;
    let a = i;
    while (isBody(a - 1) && near(lines[a - 1], lines[a]) && fits(lines[a - 1])) a--;
    let b = i;
    while (isBody(b + 1) && near(lines[b], lines[b + 1]) && fits(lines[b + 1])) b++;
    for (let k = a; k <= b; k++) lines[k].region = 'table';
    i = b;
  }
}

/** Place every line of every page. */
export function placeLines(pages: readonly PdfPage[], lines: readonly VisualLine[][], body: number): PlacedLine[][] {
  let continuing = false;
  return lines.map((pageLines, p) => {
    const page = pages[p];
    const placed: PlacedLine[] = pageLines.map((l) => ({ ...l, region: isPageFurniture(l, page.height) ? 'furniture' : 'body' }));
    if (p === 0) {
      const n = mastheadLength(placed.filter((l) => l.region === 'body'));
      let seen = 0;
      for (const l of placed) if (l.region === 'body' && seen < n) { l.region = 'masthead'; seen++; }
    }
    continuing = markFootnotes(placed, body, continuing) && endsInsideNote(placed);
    const xs = placed.filter((l) => l.region === 'body');
    const width = xs.length ? Math.max(...xs.map((l) => l.x1)) - Math.min(...xs.map((l) => l.x)) : page.width;
    markTables(placed, body, width);
    return placed;
  });
}

/** Does the last footnote of the page stop in mid-sentence (so it goes on at the foot of the next page)? */
function endsInsideNote(lines: readonly PlacedLine[]): boolean {
  const notes = lines.filter((l) => l.region === 'footnote');
  if (notes.length === 0) return false;
  return !/[.!?)\]»”"]$/.test(notes[notes.length - 1].text.trim());
}
