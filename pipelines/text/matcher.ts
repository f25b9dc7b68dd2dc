/**
 * Dictionary matching of many literal surfaces in one pass, and the acronym scanner.
 *
 * Rules, shared by every caller:
 * - case-sensitive;
 * - word boundaries: the character before the match and the character after it
 *   must not be a letter or a digit ("EU" does not match in "Europe" or "Europol",
 *   "CAN" does not match "can");
 * - leftmost-longest and non-overlapping: at each position the longest surface
 *   that ends on a boundary wins and scanning resumes after it, so a compound name
 *   ("AU.COMMIT Campaign") hides the names inside it ("COMMIT");
 * - layout variants are equal: any whitespace character (line break, tab,
 *   no-break or thin space) matches a space of the surface, and a typographic
 *   apostrophe matches a straight one. The matched span is reported as printed.
 *
 * Implementation: one regular expression, the alternation of all escaped
 * surfaces sorted longest first followed by an end-boundary look-ahead (which
 * makes the engine fall back to a shorter surface when the longest one ends
 * inside a word), run once over the text. The start boundary is checked in code:
 * a look-behind there stops V8's irregexp from skipping ahead to possible first
 * characters and made the scan 3–5 times slower. A hand-written trie was slower
 * still. Layout variants are handled by mapping the text one character to one
 * character before matching, so offsets stay those of the text.
 */
import { isSpaceCode, isWordCode } from './chars.ts';

export interface SurfaceMatch {
  /** Index of the surface in the list given to the matcher. */
  id: number;
  start: number;
  /** Exclusive. */
  end: number;
}

const SPACE_RE = /[\t\n\r\u00a0\u2007\u2009\u200a\u202f]/g;
const LAYOUT_TEST = /[\t\n\r\u00a0\u2007\u2009\u200a\u202f\u2019]/;

/** Map whitespace to a space and typographic apostrophes to straight ones, keeping every offset. */
export function layoutNormalize(text: string): string {
  LAYOUT_TEST.lastIndex = 0;
  if (!LAYOUT_TEST.test(text)) return text;
  return text.replace(SPACE_RE, ' ').replaceAll('\u2019', "'");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export class SurfaceMatcher {
  readonly surfaces: readonly string[];
  private readonly re: RegExp | null;
  /** Normalized surface → index of the first surface with that form. */
  private readonly ids = new Map<string, number>();

  constructor(surfaces: readonly string[]) {
    this.surfaces = surfaces;
    surfaces.forEach((s, id) => {
      if (s.length === 0 || s.trim() !== s || [...s].some((ch) => isSpaceCode(ch.charCodeAt(0)) && ch !== ' ')) {
        throw new Error(`surface ${JSON.stringify(s)} is empty, has leading or trailing whitespace, or whitespace other than spaces`);
      }
      if (/ {2}/.test(s)) throw new Error(`surface ${JSON.stringify(s)} has a run of spaces`);
      const key = layoutNormalize(s);
      if (!this.ids.has(key)) this.ids.set(key, id);
    });
    const alts = [...this.ids.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
    // no look-behind for the start boundary: it would defeat the engine's first-character
    // scan (3–5x slower); the start is checked below instead
    this.re = alts.length === 0 ? null : new RegExp(`(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** All matches in text, in order, non-overlapping. */
  findAll(text: string): SurfaceMatch[] {
    const out: SurfaceMatch[] = [];
    if (!this.re) return out;
    const norm = layoutNormalize(text);
    const re = this.re;
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      if (m.index > 0 && isWordCode(norm.charCodeAt(m.index - 1))) {
        re.lastIndex = m.index + 1; // not at a word start: look again from the next character
        continue;
      }
      out.push({ id: this.ids.get(m[0])!, start: m.index, end: m.index + m[0].length });
    }
    return out;
  }
}

export interface AcronymHit {
  acronym: string;
  start: number;
  end: number;
}

const ROMAN_RE = /^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * A roman numeral as documents use them for numbering (I to XCIX). Letters C, D
 * and M are left out on purpose: "CD" (CD-Rom) and "DC" (Washington DC) are
 * acronyms in running text, not numbers.
 */
export function isRomanNumeral(token: string): boolean {
  return token.length > 0 && ROMAN_RE.test(token);
}

/**
 * Whether a word looks like an acronym: letters only, starts with a capital,
 * at least two capitals and no more small letters than capitals. Accepts SOMTC,
 * ARTIP, UNGIFT, CoE, NGOs, SATs; rejects Europe, McDonald, G-8 (one capital).
 */
export function isAcronymToken(token: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of token) {
    if (/\p{Lu}/u.test(ch)) upper++;
    else if (/\p{Ll}/u.test(ch)) lower++;
    else return false;
  }
  return upper >= 2 && upper >= lower && /^\p{Lu}/u.test(token);
}

const UP = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de';
const LO = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff';
/**
 * Candidate acronyms: whole words of Latin letters with at least two capitals
 * (the start of the word is checked in code, for the reason given in SurfaceMatcher).
 * A scan of every word with Unicode property tests took 7 s on 75 MB; this
 * pre-filter takes well under 1 s.
 */
const CANDIDATE_RE = new RegExp(`[${UP}][${UP}${LO}]*?[${UP}][${UP}${LO}]*(?![\\p{L}\\p{N}])`, 'gu');

/** Acronyms in text (roman numerals excluded), in order. */
export function findAcronyms(text: string): AcronymHit[] {
  const out: AcronymHit[] = [];
  const re = CANDIDATE_RE; // shared: the loop runs to the end synchronously
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) {
      re.lastIndex = m.index + 1; // inside a word
      continue;
    }
    if (!isAcronymToken(t) || isRomanNumeral(t)) continue;
    out.push({ acronym: t, start: m.index, end: m.index + t.length });
  }
  return out;
}
