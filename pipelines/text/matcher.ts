/**
 * Dictionary matching of many literal surfaces in one pass (a trie walked from
 * every position where a word may start), and the acronym scanner.
 *
 * Rules, shared by every caller:
 * - case-sensitive;
 * - word boundaries: the character before the match and the character after it
 *   must not be a letter or a digit ("EU" does not match in "Europe" or "Europol",
 *   "CAN" does not match "can");
 * - leftmost-longest and non-overlapping: at each position the longest surface
 *   that ends on a boundary wins and scanning resumes after it, so a compound name
 *   ("AU.COMMIT Campaign") hides the names inside it ("COMMIT");
 * - a space in a surface matches any run of whitespace in the text (line breaks,
 *   no-break spaces), and a straight apostrophe matches a typographic one, so the
 *   registry need not list layout variants. The matched span is reported as it
 *   is printed.
 *
 * Cost: one step per text position, plus a trie walk from each position that
 * follows a non-word character; each walk stops at the first character no
 * surface continues with, so the scan is linear in the text for a fixed registry.
 */
import { isSpaceCode, isWordCode } from './chars.ts';

export interface SurfaceMatch {
  /** Index of the surface in the list given to the matcher. */
  id: number;
  start: number;
  /** Exclusive. */
  end: number;
}

const SPACE = 32;
const APOS = 39;

function normCode(c: number): number {
  if (isSpaceCode(c)) return SPACE;
  if (c === 0x2019) return APOS;
  return c;
}

export class SurfaceMatcher {
  readonly surfaces: readonly string[];
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly terminal: number[] = [-1];
  private readonly first = new Uint8Array(65536);

  constructor(surfaces: readonly string[]) {
    this.surfaces = surfaces;
    surfaces.forEach((s, id) => {
      if (s.length === 0 || s.trim() !== s) throw new Error(`surface ${JSON.stringify(s)} is empty or has leading or trailing whitespace`);
      let node = 0;
      let prevSpace = false;
      for (let k = 0; k < s.length; k++) {
        const c = normCode(s.charCodeAt(k));
        if (c === SPACE && prevSpace) continue; // runs of spaces in a surface count once
        prevSpace = c === SPACE;
        if (node === 0) this.first[c] = 1;
        let next = this.children[node].get(c);
        if (next === undefined) {
          next = this.children.length;
          this.children.push(new Map());
          this.terminal.push(-1);
          this.children[node].set(c, next);
        }
        node = next;
      }
      if (this.terminal[node] === -1) this.terminal[node] = id;
    });
  }

  /** All matches in text, in order, non-overlapping. */
  findAll(text: string): SurfaceMatch[] {
    const out: SurfaceMatch[] = [];
    const n = text.length;
    const { children, terminal, first } = this;
    let prevWord = false;
    let i = 0;
    while (i < n) {
      const c0 = text.charCodeAt(i);
      if (!prevWord && first[normCode(c0)] === 1) {
        let node = 0;
        let j = i;
        let best = -1;
        let bestEnd = -1;
        while (j < n) {
          let c = text.charCodeAt(j);
          let step = 1;
          if (isSpaceCode(c)) {
            c = SPACE;
            while (j + step < n && isSpaceCode(text.charCodeAt(j + step))) step++;
          } else if (c === 0x2019) c = APOS;
          const next = children[node].get(c);
          if (next === undefined) break;
          node = next;
          j += step;
          if (terminal[node] >= 0 && (j === n || !isWordCode(text.charCodeAt(j)))) {
            best = terminal[node];
            bestEnd = j;
          }
        }
        if (best >= 0) {
          out.push({ id: best, start: i, end: bestEnd });
          i = bestEnd;
          prevWord = isWordCode(text.charCodeAt(i - 1));
          continue;
        }
      }
      prevWord = isWordCode(c0);
      i++;
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

/** Acronyms in text (roman numerals excluded), in order. */
export function findAcronyms(text: string): AcronymHit[] {
  const out: AcronymHit[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    // cheap pre-filter: an acronym starts with a capital and has a second capital
    const c0 = t.charCodeAt(0);
    if (t.length < 2 || (c0 >= 97 && c0 <= 122) || (c0 >= 48 && c0 <= 57)) continue;
    if (!isAcronymToken(t) || isRomanNumeral(t)) continue;
    out.push({ acronym: t, start: m.index, end: m.index + t.length });
  }
  return out;
}
