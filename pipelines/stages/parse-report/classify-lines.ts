/**
 * Classify each source line by its shape alone (no context): blank, page
 * header/footer artefact, TOC entry, footnote, chapter / section heading,
 * numbered line (paragraph or subsection), recommendation cluster, or text.
 * The assembler decides from context what a numbered line or text line is.
 * All patterns are anchored and bounded, so classification is linear.
 */
import { parseTocLine, numberKind, type TocLine } from './parse-toc.ts';
import { looksLikeHeading } from './text.ts';

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'artefact' }
  | { kind: 'toc'; entry: TocLine }
  | { kind: 'footnote'; note: string; text: string }
  | { kind: 'chapter'; number: string; label: string }
  | { kind: 'section'; number: string; label: string }
  | { kind: 'numbered'; number: number; period: boolean; rest: string }
  | { kind: 'cluster'; letter: string; label: string }
  | { kind: 'text' };

export interface Line {
  /** 1-based line number in the source file. */
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
/** `12. Text`, `106 **Text`, `12.**Text**` (the number is bounded: 9 digits). */
const NUMBERED = /^(\d{1,9})(\.?)(?:\s+|(?=\*\*))(\S[\s\S]*)$/;

export function isArtefact(t: string): boolean {
  if (t.length > 120) return false;
  return DOC_SYMBOL.test(t) || PAGE_NUMBER.test(t) || JOB_NUMBER.test(t);
}

// Shared instances for the payload-free kinds (a file of millions of blank lines stays small).
const BLANK: LineKind = Object.freeze({ kind: 'blank' });
const ARTEFACT: LineKind = Object.freeze({ kind: 'artefact' });
const TEXT: LineKind = Object.freeze({ kind: 'text' });

export function classifyLine(raw: string): LineKind {
  const t = raw.trim();
  if (t === '') return BLANK;
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
  }
  if (c === 40 || bullet) { // '('
    const m = CLUSTER.exec(t);
    if (m) return { kind: 'cluster', letter: m[1], label: m[2] };
  }
  if (upper) {
    const m = ROMAN_OR_LETTER.exec(t);
    if (m && looksLikeHeading(m[2])) {
      const kind = numberKind(m[1]);
      if (kind === 'roman') return { kind: 'chapter', number: m[1], label: m[2] };
      if (kind === 'letter') return { kind: 'section', number: m[1], label: m[2] };
    }
  }
  if (digit) {
    const m = NUMBERED.exec(t);
    if (m) return { kind: 'numbered', number: Number(m[1]), period: m[2] === '.', rest: m[3] };
  }
  return TEXT;
}

/** Split text into lines (LF, CRLF or CR) and classify each. */
export function classifyLines(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n/);
  const out: Line[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = { no: i + 1, text: raw[i].trim(), k: classifyLine(raw[i]) };
  return out;
}
