/**
 * Sentence splitter for UN report prose.
 *
 * A sentence ends at ".", "!" or "?" (plus any closing quotes and brackets right
 * after it) when whitespace follows and the next sentence starts with a capital,
 * a digit or an opening quote or bracket. It does not end:
 * - after an abbreviation that never closes a sentence: "art. 35", "(art. 6.6)",
 *   "No. 5", "Mr. Smith", "para. 3", "cf.", "vol." ...;
 * - after dotted abbreviations and initials: "e.g.", "i.e.", "U.S.", "Paul H. Nitze";
 * - before a lowercase word ("etc. and", "Inc. and"): abbreviations followed by
 *   lowercase stay in the sentence; "etc." before a capital ends it;
 * - inside a decimal number (no whitespace follows the point);
 * - inside a quotation: a full stop within “…” (or a pair of straight quotes)
 *   does not end the sentence unless the quotation closes right after it.
 */
import { isLower, isSpaceCode, isUpper } from './chars.ts';

export interface Sentence {
  /** 1-based position in the text. */
  index: number;
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
}

/** Abbreviations (compared in lower case, without the final point) after which a sentence never ends. */
const NEVER_FINAL = new Set([
  'art', 'arts', 'para', 'paras', 'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st',
  'cf', 'vol', 'vols', 'p', 'pp', 'ch', 'chap', 'sect', 'sec', 'fig', 'figs', 'viz', 'approx',
  'rev', 'corr', 'eds', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Quoted spans [open, close] (indexes of the quote marks); unclosed quotes are ignored.
 * Spans are in text order and do not overlap.
 */
function quotedSpans(text: string): number[] {
  const spans: number[] = []; // flat: open0, close0, open1, close1, …
  const re = QUOTE_OPEN; // shared: the loop runs to the end synchronously
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = text.charCodeAt(m.index);
    const close = text.indexOf(c === 0x201c ? '\u201d' : c === 0xab ? '\u00bb' : '"', m.index + 1);
    if (close > 0) { spans.push(m.index, close); re.lastIndex = close + 1; }
  }
  return spans;
}

/** Opening quotation marks: “ « and the straight quote (searched with the regexp engine, much faster than a loop over characters). */
const QUOTE_OPEN = /[\u201c\u00ab"]/g;
/** Points that may end a sentence. */
const SENTENCE_END = /[.!?]/g;

/** Is the point at i quoted, i.e. inside a quotation that does not close among the closers i+1..j-1? */
function insideQuote(spans: readonly number[], i: number, j: number): boolean {
  for (let s = 0; s < spans.length; s += 2) {
    if (spans[s] >= i) return false; // spans are in order: the rest open later
    if (spans[s + 1] >= j) return true;
  }
  return false;
}

const LETTER_OR_POINT = /[\p{L}.]/u;
const NUMBER = /\p{N}/u;

function isLetterOrPoint(c: number, ch: string): boolean {
  if (c < 128) return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_POINT.test(ch);
}

/** The word (letters and inner points) just before position i, e.g. "art", "e.g", "U.S", "H". */
function wordBefore(text: string, i: number): string {
  let k = i;
  while (k > 0 && isLetterOrPoint(text.charCodeAt(k - 1), text[k - 1])) k--;
  return text.slice(k, i);
}

/** Length of the longest word in NEVER_FINAL: a longer word without an inner point is no abbreviation. */
const LONGEST_NEVER_FINAL = Math.max(...[...NEVER_FINAL].map((w) => w.length));

function isAbbreviation(word: string): boolean {
  if (word === '') return false;
  if (word.length > LONGEST_NEVER_FINAL && !word.includes('.')) return false; // most sentence ends: no lower-casing, no tests
  if (NEVER_FINAL.has(word.toLowerCase())) return true;
  if (/^\p{L}$/u.test(word) && isUpper(word)) return true; // an initial: "H." in "Paul H. Nitze"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // e.g, i.e, U.S, U.N
  return false;
}

/** Closing quotes and brackets: " ” ’ ) ] ». */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || c === 0xbb;
}

/** Opening quotes and brackets: " “ ‘ ( [ «. */
function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x28 || c === 0x5b || c === 0xab;
}

/** May a sentence start with this character? A capital, a digit, or an opening quote or bracket; never a small letter. */
function startsSentence(c: number, ch: string): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || isOpener(c);
  if (isLower(ch)) return false;
  return isUpper(ch) || NUMBER.test(ch) || isOpener(c);
}

/** Trim trailing whitespace off [s, e) and record it when not empty. */
function pushBounds(out: number[], text: string, s: number, e: number): void {
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push(s, e);
}

/** Sentence boundaries as a flat list start0, end0, start1, end1, … (the rules are in the header). */
export function sentenceBounds(text: string): number[] {
  const spans = quotedSpans(text);
  const out: number[] = [];
  const n = text.length;
  let start = 0;
  while (start < n && isSpaceCode(text.charCodeAt(start))) start++;

  const re = SENTENCE_END; // shared: the loop runs to the end synchronously
  re.lastIndex = start;
  for (let found = re.exec(text); found; found = re.exec(text)) {
    const i = found.index;
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    if (j >= n || !isSpaceCode(text.charCodeAt(j))) continue;
    let k = j;
    while (k < n && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= n) break;
    if (!startsSentence(text.charCodeAt(k), text[k])) continue;
    // a point directly after a word may be an abbreviation; after a closing bracket or quote it is not
    if (c === 46 && j === i + 1 && isAbbreviation(wordBefore(text, i))) continue;
    // inside a quotation that does not close right after the point: one sentence
    if (spans.length > 0 && insideQuote(spans, i, j)) continue;
    pushBounds(out, text, start, j);
    start = k;
    re.lastIndex = k;
  }
  pushBounds(out, text, start, n);
  return out;
}

export function splitSentences(text: string): Sentence[] {
  const b = sentenceBounds(text);
  const out: Sentence[] = new Array(b.length / 2);
  for (let k = 0; k < b.length; k += 2) out[k / 2] = { index: k / 2 + 1, start: b[k], end: b[k + 1], text: text.slice(b[k], b[k + 1]) };
  return out;
}
