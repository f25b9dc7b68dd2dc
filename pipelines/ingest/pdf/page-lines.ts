/**
 * Positioned text items → the printed lines of a page. Items whose baselines
 * are within half a font size of each other form one line; a smaller item
 * raised above the baseline is a superscript, and superscript digits become
 * Unicode superscripts (⁵, ¹²), the form footnote markers take in the text
 * route. A wide horizontal gap (a tab stop, a table column) splits the line
 * into segments, kept apart by a tab.
 */
import type { PdfItem, PdfPage } from './load-pdf.ts';

export interface Segment {
  text: string;
  x: number;
  x1: number;
}

export interface VisualLine {
  page: number;
  /** 1-based position of the line on its page, counted from the top (every printed line). */
  pageLine: number;
  /** Baseline of the line's main text. */
  y: number;
  x: number;
  x1: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** Most characters are bold. */
  bold: boolean;
  /** Segments joined by tabs; superscript digits as Unicode superscripts. */
  text: string;
  segments: Segment[];
  /** The line begins with a superscript number (a footnote's own number). */
  startsWithMarker: boolean;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function toSuperscript(digits: string): string {
  return digits.replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
}

/** A gap wider than this many font sizes separates segments (columns, the tab after a paragraph number). */
const SEGMENT_GAP_EM = 1.2;
/** A gap wider than this many font sizes is a space between words. */
const SPACE_GAP_EM = 0.12;

interface Group { y: number; size: number; items: PdfItem[] }

/** Main baseline and size: those of the item carrying the most characters. */
function mainOf(items: readonly PdfItem[]): { y: number; size: number } {
  const bySize = new Map<number, number>();
  for (const it of items) {
    const k = Math.round(it.size * 10) / 10;
    bySize.set(k, (bySize.get(k) ?? 0) + it.str.trim().length);
  }
  let size = items[0].size;
  let best = -1;
  for (const [s, n] of bySize) if (n > best || (n === best && s > size)) { best = n; size = s; }
  const main = items.find((it) => Math.abs(it.size - size) < 0.05 && it.str.trim() !== '') ?? items[0];
  return { y: main.y, size };
}

function groupItems(items: readonly PdfItem[]): Group[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Group[] = [];
  for (const it of sorted) {
    let target: Group | undefined;
    // only the last few groups can be within reach, since items come top-down
    for (let g = groups.length - 1; g >= 0 && g >= groups.length - 4; g--) {
      const grp = groups[g];
      const tol = 0.5 * Math.max(grp.size, it.size);
      if (Math.abs(grp.y - it.y) <= tol) { target = grp; break; }
    }
    if (!target) {
      groups.push({ y: it.y, size: it.size, items: [it] });
      continue;
    }
    target.items.push(it);
    if (it.str.trim() !== '' && it.size > target.size + 0.05) { target.y = it.y; target.size = it.size; }
  }
  return groups;
}

/**
 * The type size of the body text: the size of most characters in the upper
 * part of the pages (notes in small type can outweigh the body of a
 * compilation, and they sit at the foot).
 */
export function bodySizeOf(pages: readonly PdfPage[]): number {
  const chars = new Map<number, number>();
  for (const p of pages) {
    for (const it of p.items) {
      if (it.y < p.height * 0.45) continue;
      const k = Math.round(it.size * 2) / 2;
      chars.set(k, (chars.get(k) ?? 0) + it.str.trim().length);
    }
  }
  let size = 10;
  let best = -1;
  for (const [s, n] of chars) if (n > best) { best = n; size = s; }
  return size;
}

/**
 * Symbol-font characters come out at U+F020–U+F0FF: the code minus F000 is
 * the character meant (F02D "-", F02A "*", F031 "1"), and the symbol fonts'
 * bullet glyphs are bullets.
 */
const SYMBOL_FONT = /[\uF020-\uF0FF]/g;
const SYMBOL_BULLETS = new Set([0xb7, 0xa7, 0xd8, 0xfc, 0x6e, 0xa8, 0x76, 0xd7]);
function symbolFontChar(ch: string): string {
  const c = ch.charCodeAt(0) - 0xf000;
  return SYMBOL_BULLETS.has(c) ? '•' : String.fromCharCode(c);
}

/** Digits this much smaller than the body type are a note marker even when not raised (inside tables). */
const MARKER_SIZE = 0.75;

function buildLine(page: number, items: PdfItem[], body: number): Omit<VisualLine, 'pageLine'> | null {
  const visible = items.filter((it) => it.str.trim() !== '');
  if (visible.length === 0) return null;
  items.sort((a, b) => a.x - b.x);
  const { y, size } = mainOf(visible);
  const segments: Segment[] = [];
  let cur: Segment | null = null;
  let end = -Infinity;
  let boldChars = 0;
  let chars = 0;
  let startsWithMarker = false;
  for (const it of items) {
    // bullets set in a symbol font come out as private-use characters
    const raw = it.str.replace(SYMBOL_FONT, symbolFontChar);
    if (raw.trim() === '') {
      // a space item: mark a word break (real gaps are measured below)
      if (cur && !cur.text.endsWith(' ')) cur.text += ' ';
      end = Math.max(end, it.x + it.width);
      continue;
    }
    const raised = (it.y - y > 0.2 * size && it.size < 0.85 * size) || it.size <= MARKER_SIZE * body;
    let str = raw;
    let isMarker = false;
    if (raised) {
      const digits = /^\s*(\d{1,3})(\s*)$/.exec(raw);
      // a space printed after the marker separates it from the next word
      if (digits) { str = toSuperscript(digits[1]) + (digits[2] ? ' ' : ''); isMarker = true; }
    }
    const gap = it.x - end;
    if (cur === null || gap > SEGMENT_GAP_EM * size) {
      if (cur) cur.text = cur.text.trimEnd();
      if (segments.length === 0 && isMarker) startsWithMarker = true;
      cur = { text: str.trimStart(), x: it.x, x1: it.x + it.width };
      segments.push(cur);
    } else {
      const afterMarker = /[⁰¹²³⁴⁵⁶⁷⁸⁹]$/.test(cur.text) && /^\p{L}/u.test(str) && gap > 0.05 * size;
      const needsSpace = !isMarker && (gap > SPACE_GAP_EM * size || afterMarker) && !cur.text.endsWith(' ') && !/^\s/.test(str);
      cur.text += (needsSpace ? ' ' : '') + str;
      cur.x1 = Math.max(cur.x1, it.x + it.width);
    }
    end = Math.max(end, it.x + it.width);
    if (!raised) {
      const n = raw.trim().length;
      chars += n;
      if (it.bold) boldChars += n;
    }
  }
  const segs = segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text !== '');
  if (segs.length === 0) return null;
  return {
    page, y, size,
    x: segs[0].x, x1: segs[segs.length - 1].x1,
    bold: chars > 0 && boldChars * 2 > chars,
    text: segs.map((s) => s.text).join('\t'),
    segments: segs, startsWithMarker,
  };
}

/** The printed lines of one page, top to bottom. */
export function pageLines(page: PdfPage, body: number): VisualLine[] {
  const out: VisualLine[] = [];
  for (const g of groupItems(page.items)) {
    const line = buildLine(page.no, g.items, body);
    if (line) out.push({ ...line, pageLine: out.length + 1 });
  }
  return out;
}
