/**
 * Text helpers shared by the parser: markup removal, superscript footnote
 * markers, whitespace, and the "shape" predicates used to tell headings from
 * running text. Every function here is linear in its input (or looks only at a
 * bounded head/tail of it), so a 10 MB line cannot make the parser quadratic.
 */

const SUPERSCRIPT_VALUE: Record<string, number> = {
  '⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9,
};

/** A run of superscript digits, i.e. one footnote marker such as ⁵ or ¹². */
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/** Numeric value of a run of superscript digits ('¹²' → 12). */
export function superscriptValue(run: string): number {
  let n = 0;
  for (const ch of run) n = n * 10 + (SUPERSCRIPT_VALUE[ch] ?? 0);
  return n;
}

const HAS_SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/;

export interface Marker { note: number; index: number }

/** Footnote markers (superscript runs) in a string, in order of appearance. */
export function findMarkers(s: string): Marker[] {
  const out: Marker[] = [];
  if (!HAS_SUPERSCRIPT.test(s)) return out;
  for (const m of s.matchAll(SUPERSCRIPT_RUN)) out.push({ note: superscriptValue(m[0]), index: m.index ?? 0 });
  return out;
}

export function removeMarkers(s: string): string {
  return HAS_SUPERSCRIPT.test(s) ? s.replace(SUPERSCRIPT_RUN, '') : s;
}

/**
 * Remove presentation markup: HTML tags (`<i>`, `</i>`, `<br/>` …) and
 * Markdown emphasis (`**bold**`, `*italic*`). An asterisk is markup when it
 * touches a non-space character; a free-standing ` * ` is kept as printed.
 */
export function stripMarkup(s: string): string {
  if (s.includes('<')) s = s.replace(/<\/?[A-Za-z][^<>\n]{0,200}>/g, '');
  if (s.includes('*')) s = s.replace(STAR_RUN, keepFreeStar);
  return s;
}

/**
 * Runs of `*`, each removed but a lone `*` between white space (or the ends):
 * what `/\*+(?=\S)|(?<=\S)\*+/g` removes, found by a search for `*` alone
 * (the lookbehind made the engine try every position of the text).
 */
const STAR_RUN = /\*+/g;
function keepFreeStar(run: string, at: number, s: string): string {
  return run.length === 1 && !isNonSpaceAt(s, at - 1) && !isNonSpaceAt(s, at + 1) ? run : '';
}

function isNonSpaceAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && !isSpaceUnit(s.charCodeAt(i));
}

/**
 * Runs of whitespace → one space (single plain spaces are left alone, which is much faster).
 * A regex: irregexp scans faster than a charCodeAt loop here (measured on the synthetic corpus).
 */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s\s+|[^\S ]/g, ' ').trim();
}

/**
 * A marker, `*`, `<`, a white-space character other than the plain space (each of `\s`, listed:
 * one character class scans faster than alternatives), or two spaces.
 */
const NEEDS_CLEANING = /[⁰¹²³⁴⁵⁶⁷⁸⁹*<\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/**
 * Would removing markers and markup and collapsing white space change the
 * piece, or pieces joined by joinPieces? False for a piece with no marker, no
 * `*` or `<`, and single spaces between words only (one regex test).
 */
export function needsCleaning(piece: string): boolean {
  return NEEDS_CLEANING.test(piece) || piece.charCodeAt(0) === 32 || piece.charCodeAt(piece.length - 1) === 32;
}

/** Plain text: markup and markers removed, whitespace collapsed. */
export function plain(s: string): string {
  return collapseWhitespace(removeMarkers(stripMarkup(s)));
}

/** Normalised form used to compare labels (TOC entry vs. body heading). */
export function labelKey(s: string): string {
  return plain(s).replace(/[\s.…]+$/u, '').toLowerCase();
}

const TAIL = 240;

/**
 * The code unit s ends with once trailing white space, and a trailing run of
 * `*` that stripMarkup removes, are skipped; -1 when nothing is left or white
 * space comes before the removed run. When it is a stop (. , ; : ! ? …) or an
 * ASCII letter or digit, plain(s) ends with it: the clean-up removes markup,
 * markers and white space only. (Lines of paragraphs and bold paragraphs,
 * `**….**`, are told by their end without the clean-up.)
 */
export function lastKept(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isSpaceUnit(s.charCodeAt(i))) i--;
  if (i < 0 || s.charCodeAt(i) !== 42) return i < 0 ? -1 : s.charCodeAt(i);
  let j = i;
  while (j >= 0 && s.charCodeAt(j) === 42) j--;
  if (j >= 0 && !isSpaceUnit(s.charCodeAt(j))) return s.charCodeAt(j);
  return i - j === 1 ? 42 : -1; // a lone * between white space stays
}

/** Is the code unit white space for `trim` and `\s` (ASCII controls 9–13, the space, and the Unicode spaces)? */
function isSpaceUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Does the text end a sentence (., !, ?, :, ;, … possibly followed by closing
 * quotes or brackets)? Looks only at the tail so it is O(1) on long lines.
 */
export function endsSentence(raw: string): boolean {
  const tail = raw.length > TAIL ? raw.slice(-TAIL) : raw;
  // the last character kept decides most pieces without the clean-up
  const last = lastKept(tail);
  if (last === 46 || last === 59 || last === 58 || last === 63 || last === 33 || last === 0x2026) return true; // . ; : ? ! …
  if ((((last | 32) - 97) >>> 0) < 26 || ((last - 48) >>> 0) < 10) return false;
  return /[.!?:;…]["'”’»)\]]*$/u.test(plain(tail));
}

const HEADING_MAX_CHARS = 200;
const HEADING_MAX_WORDS = 25;

/**
 * Heading shape: short, starts with a capital letter or digit, does not end
 * with sentence punctuation and holds no sentence break. Used for unnumbered
 * thematic headings and for the label after a printed number (I., A., 1.).
 */
export function looksLikeHeading(raw: string): boolean {
  if (raw.length > HEADING_MAX_CHARS * 2) return false;
  // most lines asked are paragraphs ending in a stop, which stays last in the plain text
  const last = lastKept(raw);
  if (last === 46 || last === 44 || last === 59 || last === 58 || last === 33 || last === 63) return false; // . , ; : ! ?
  const t = plain(raw);
  if (t.length === 0 || t.length > HEADING_MAX_CHARS) return false;
  if (!/^[\p{Lu}\d]/u.test(t)) return false;
  if (/[.,;:!?]$/.test(t)) return false;
  if (/[.!?]["”’)]*\s+[\p{Lu}"“]/u.test(t)) return false;
  return t.split(' ').length <= HEADING_MAX_WORDS;
}

/**
 * Lower-cased hyphenated compounds printed inside lines of the document
 * ("rights-based", "anti-trafficking"); used to decide whether a hyphen at a
 * line end is a real compound hyphen or a word broken across lines.
 */
export function hyphenatedWords(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    if (!line.includes('-')) continue;
    for (const tok of line.split(/\s+/)) {
      if (tok.length > 120 || !tok.includes('-')) continue;
      const core = tok.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (core.length > 2 && core.length < 80 && /^\p{L}+(?:-\p{L}+)+$/u.test(core)) out.add(core.toLowerCase());
    }
  }
  return out;
}

/**
 * Join the text pieces of one paragraph (lines, or blocks across a page
 * break) with single spaces; a word broken by a hyphen at a line end
 * ("traf-" + "ficking") is joined into one word unless the hyphenated form
 * is printed elsewhere in the document ("anti-" + "trafficking").
 */
/** Words after which a line-final hyphen is a suspended hyphen ("gender- and child-sensitive"). */
const SUSPENDED = new Set(['and', 'or', 'to', 'nor']);

export function joinPieces(pieces: readonly string[], compounds: () => Set<string>): string {
  if (pieces.length === 1) return pieces[0].trim(); // most paragraphs of a text file: one line
  const parts: string[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const cur = pieces[k].trim();
    if (cur === '') continue;
    if (parts.length > 0) {
      const prev = parts[parts.length - 1];
      const head = /^\p{Ll}+/u.exec(cur);
      const tail = head && prev.endsWith('-') ? /(\p{L}+(?:-\p{L}+)*)-$/u.exec(prev.slice(-80)) : null;
      if (head && tail && !SUSPENDED.has(head[0])) {
        const lastFrag = tail[1].split('-').pop() ?? '';
        const compound = `${lastFrag}-${head[0]}`.toLowerCase();
        parts[parts.length - 1] = compounds().has(compound) ? prev : prev.slice(0, -1);
        parts.push(cur);
        continue;
      }
      parts.push(' ');
    }
    parts.push(cur);
  }
  return parts.join('');
}

/**
 * Printed in bold? True when most non-space characters sit between `**`
 * pairs. A single linear scan.
 */
export function isMostlyBold(raw: string): boolean {
  if (!raw.includes('**')) return false; // no pair, nothing in bold (a native scan, most paragraphs)
  let bold = false;
  let inBold = 0;
  let outBold = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 42 && raw.charCodeAt(i + 1) === 42) { bold = !bold; i++; continue; }
    if (c <= 32 || c === 42) continue;
    if (bold) inBold++; else outBold++;
  }
  return inBold > outBold;
}
