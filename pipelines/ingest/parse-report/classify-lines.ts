/**
 * Classify each source line by its shape alone (no context): blank, page
 * header/footer artefact, TOC entry, footnote, part / chapter / section /
 * annex / resolution heading, numbered line (paragraph or subsection), a
 * numbered sub-item (115.1, "Rec. 18"), lettered line (cluster or sub-item),
 * a block the PDF reader placed (table, caption, note), or text.
 * The assembler decides from context what a numbered line or text line is.
 * All patterns are anchored and bounded, so classification is linear.
 */
import { parseTocLine, numberKind, type TocLine } from './parse-toc.ts';
import type { LineRole, SourceLine } from './source-lines.ts';
import { looksLikeHeading } from './text.ts';

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'artefact' }
  | { kind: 'toc'; entry: TocLine }
  | { kind: 'footnote'; note: string; text: string }
  | { kind: 'chapter'; number: string; label: string }
  | { kind: 'section'; number: string; label: string }
  /** `group`: the other numbers of a group printed together ("5., 6., 7. Text" → [6, 7]). */
  | { kind: 'numbered'; number: number; period: boolean; rest: string; group?: number[] }
  | { kind: 'cluster'; letter: string; label: string }
  /** A sub-item numbered under its paragraph: `115.1 Ratify …`. */
  | { kind: 'item'; para: number; item: string; rest: string }
  /** A reply to a numbered recommendation: `Rec. 18 We consider …`, `Recs. 6–13 …`. */
  | { kind: 'rec'; item: string; label: string; rest: string }
  /** A bulleted line: `• The Citizenship … Act …`. */
  | { kind: 'bullet'; rest: string }
  | { kind: 'part'; label: string }
  | { kind: 'annex'; number: string | null; label: string }
  /** A resolution or decision adopted by a body, printed as `14/2` and its title. */
  | { kind: 'resolution'; number: string; label: string }
  | { kind: 'block'; role: Exclude<LineRole, 'footnote'> }
  | { kind: 'text' };

export interface Line {
  /** 1-based position in the intermediate (for a text file, its line number). */
  no: number;
  /** The line, trimmed. */
  text: string;
  k: LineKind;
}

/** A line that is only a bullet with nothing after it. */
const EMPTY_BULLET = /^[-–—•*]$/;
/** Running header: the document symbol alone, e.g. `A/HRC/14/32` (optionally `… page 5`). */
const DOC_SYMBOL = /^[A-Z]{1,6}(?:\/[A-Za-z0-9.()-]{1,20}){2,8}(?:\s+(?:page|Page)\s+\d{1,4})?$/;
/** Footer: a bare page number (`5`, `- 5 -`, `page 5`). */
const PAGE_NUMBER = /^(?:(?:-\s?)?\d{1,4}(?:\s?-)?|[Pp]age\s+\d{1,4})$/;
/** Footer: the UN job number, e.g. `GE.10-13282  (E)  120510`. */
const JOB_NUMBER = /^GE\.\d{2}-\d{4,6}(?:\s.*)?$/s;
const FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*([\s\S]*)$/;
const CLUSTER = /^(?:[-–—•*]\s+)?\(([a-z])\)\s+(\S[\s\S]*)$/;
const ROMAN_OR_LETTER = /^([IVXL]+|[A-Z])\.\s+(\S[\s\S]*)$/;
/** A chapter number printed without its period (`III Implementation of …`): two or more roman digits. */
const ROMAN_NO_PERIOD = /^([IVXL]{2,6})\s+(\S[\s\S]*)$/;
const PART = /^Part\s+(?:One|Two|Three|Four|Five|Six|[IVX]{1,4}|\d{1,2})\b\s*[:.]?(?:\s+(\S[\s\S]{0,300}))?$/;
const ANNEX = /^Annex(?:es)?(?:\s+([IVXL]{1,5}|\d{1,2}|[A-Z]))?\s*[.:]?(?:\s+(\S[\s\S]{0,300}))?$/;
const RESOLUTION = /^((?:S-)?\d{1,2}\/\d{1,3})\.?\s+(\S[\s\S]{0,600})$/;
const DOTTED_ITEM = /^(\d{1,4})\.(\d{1,3})\.?\s+(\S[\s\S]*)$/;
const REC_ITEM = /^Rec(?:ommendations?|s)?\.?\s+(\d{1,3}(?:\s?[-–,]\s?\d{1,3}){0,20})\.?\s+(\S[\s\S]*)$/;
const BULLET = /^[•▪◦]\s*(\S[\s\S]*)$/;
/** Dot leaders, then a page number: a line of a table of contents. */
const TOC_PAGE_ONLY = /(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,4}$/;
/** Numbers printed together, `5., 6., 7., 8., 9. Slovenia accepts …`. */
const NUMBER_GROUP = /^(\d{1,9})\.((?:,\s?\d{1,9}\.){1,50})\s+(\S[\s\S]*)$/;
/** `12. Text`, `106 **Text`, `12.**Text**` (the number is bounded: 9 digits); the text is what follows the match. */
const NUMBERED = /^(\d{1,9})(\.?)(?:\s+|(?=\*\*))(?=\S)/;

export function isArtefact(t: string): boolean {
  if (t.length > 120) return false;
  return DOC_SYMBOL.test(t) || PAGE_NUMBER.test(t) || JOB_NUMBER.test(t);
}

// Shared instances for the payload-free kinds (a file of millions of blank lines stays small).
const BLANK: LineKind = Object.freeze({ kind: 'blank' });
const ARTEFACT: LineKind = Object.freeze({ kind: 'artefact' });
const TEXT: LineKind = Object.freeze({ kind: 'text' });

function roleKind(t: string, role: LineRole): LineKind {
  if (role !== 'footnote') return { kind: 'block', role };
  const m = FOOTNOTE.exec(t);
  // a footnote block with no number goes on with the last footnote (it was broken across a page)
  return m ? { kind: 'footnote', note: m[1], text: m[2] } : { kind: 'footnote', note: '', text: t };
}

/** Does the text end like a sentence or clause rather than a title? */
const ENDS_CLAUSE = /[.;:!?]["”’)]*$/;

export function classifyLine(raw: string, role?: LineRole): LineKind {
  const t = raw.trim();
  if (t === '') return BLANK;
  if (role) return roleKind(t, role);
  // the title over the closing list of notes: the notes are footnote lines, not the text of a heading
  if (t === 'Notes' || t === 'Endnotes' || t === 'NOTES') return ARTEFACT;
  // Dispatch on the first character so ordinary text lines run almost no patterns.
  const c = t.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  const upper = c >= 65 && c <= 90;
  const bullet = c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 42; // - – — • *
  if (bullet && EMPTY_BULLET.test(t)) return BLANK;
  if ((digit || upper || bullet || c === 112) && isArtefact(t)) return ARTEFACT; // 112: 'p' of "page 5"
  if (c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0x2070 && c <= 0x2079)) {
    const m = FOOTNOTE.exec(t);
    if (m) return { kind: 'footnote', note: m[1], text: m[2] };
  }
  if (t.length <= 600 && (t.includes('\t') || t.includes('...') || t.includes('…'))) {
    const entry = parseTocLine(t);
    if (entry) return { kind: 'toc', entry };
    // a contents line with a page but no paragraph range ("Part One: Resolutions ........ 5") is no body text
    if (TOC_PAGE_ONLY.test(t)) return ARTEFACT;
  }
  if (c === 40 || bullet || c === 0x2022) { // '('
    const m = CLUSTER.exec(t);
    if (m) return { kind: 'cluster', letter: m[1], label: m[2] };
  }
  if (c === 0x2022 || c === 0x25aa || c === 0x25e6) { // • ▪ ◦
    const b = BULLET.exec(t);
    if (b) return { kind: 'bullet', rest: b[1] };
  }
  if (upper) {
    const m = ROMAN_OR_LETTER.exec(t);
    if (m && looksLikeHeading(m[2])) {
      const kind = numberKind(m[1]);
      if (kind === 'roman') return { kind: 'chapter', number: m[1], label: m[2] };
      if (kind === 'letter') return { kind: 'section', number: m[1], label: m[2] };
    }
    const r = ROMAN_NO_PERIOD.exec(t);
    if (r && numberKind(r[1]) === 'roman' && looksLikeHeading(r[2])) return { kind: 'chapter', number: r[1], label: r[2] };
    if (c === 80 && t.length <= 320) { // 'P'
      const p = PART.exec(t);
      if (p && (p[1] === undefined || looksLikeHeading(p[1]))) return { kind: 'part', label: t };
    }
    if (c === 65 && t.length <= 320) { // 'A'
      const a = ANNEX.exec(t);
      if (a && (a[2] === undefined || looksLikeHeading(a[2]))) return { kind: 'annex', number: a[1] ?? null, label: a[2] ?? '' };
    }
    if (c === 82 && t.length <= 100_000) { // 'R'
      const r2 = REC_ITEM.exec(t);
      if (r2) return { kind: 'rec', item: r2[1].replace(/\s/g, ''), label: t.slice(0, t.length - r2[2].length).trim(), rest: r2[2] };
    }
  }
  if (digit || (c === 83 && t.startsWith('S-'))) {
    if (t.length <= 700) {
      const r = RESOLUTION.exec(t);
      if (r && !ENDS_CLAUSE.test(r[2]) && /^[\p{Lu}"“]/u.test(r[2])) return { kind: 'resolution', number: r[1], label: r[2] };
    }
  }
  if (digit) {
    const g = NUMBER_GROUP.exec(t);
    if (g) {
      return { kind: 'numbered', number: Number(g[1]), period: true, rest: g[3], group: g[2].match(/\d+/g)!.map(Number) };
    }
    const d = DOTTED_ITEM.exec(t);
    if (d && /^[\p{Lu}"“(*]/u.test(d[3])) return { kind: 'item', para: Number(d[1]), item: `${d[1]}.${d[2]}`, rest: d[3] };
    const m = NUMBERED.exec(t);
    if (m) return { kind: 'numbered', number: Number(m[1]), period: m[2] === '.', rest: t.slice(m[0].length) };
  }
  return TEXT;
}

/** Classify every line of the intermediate; `no` is the 1-based position in it. */
export function classifyLines(lines: readonly SourceLine[]): Line[] {
  const out: Line[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = { no: i + 1, text: lines[i].text.trim(), k: classifyLine(lines[i].text, lines[i].role) };
  return out;
}
