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

const CLOSERS = new Set(['"', '\u201d', '\u2019', ')', ']', '\u00bb']);
const OPENERS = new Set(['"', '\u201c', '\u2018', '(', '[', '\u00ab']);

/** Quoted spans [open, close] (indexes of the quote marks); unclosed quotes are ignored. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\u201c' || ch === '\u00ab') {
      const close = text.indexOf(ch === '\u201c' ? '\u201d' : '\u00bb', i + 1);
      if (close > 0) { spans.push([i, close]); i = close; }
    } else if (ch === '"') {
      const close = text.indexOf('"', i + 1);
      if (close > 0) { spans.push([i, close]); i = close; }
    }
  }
  return spans;
}

/** The word (letters and inner points) just before position i, e.g. "art", "e.g", "U.S", "H". */
function wordBefore(text: string, i: number): string {
  let k = i;
  while (k > 0 && /[\p{L}.]/u.test(text[k - 1])) k--;
  return text.slice(k, i);
}

function isAbbreviation(word: string): boolean {
  if (word === '') return false;
  if (NEVER_FINAL.has(word.toLowerCase())) return true;
  if (/^\p{L}$/u.test(word) && isUpper(word)) return true; // an initial: "H." in "Paul H. Nitze"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // e.g, i.e, U.S, U.N
  return false;
}

export function splitSentences(text: string): Sentence[] {
  const spans = quotedSpans(text);
  // the point at i is quoted unless its quotation closes among the closers i+1..j-1
  const insideQuote = (i: number, j: number): boolean => spans.some(([o, c]) => o < i && c >= j);
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;
  while (start < n && isSpaceCode(text.charCodeAt(start))) start++;

  const push = (s: number, e: number) => {
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ index: out.length + 1, start: s, end: e, text: text.slice(s, e) });
  };

  for (let i = start; i < n; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < n && CLOSERS.has(text[j])) j++;
    if (j >= n || !isSpaceCode(text.charCodeAt(j))) continue;
    let k = j;
    while (k < n && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= n) break;
    const next = text[k];
    if (isLower(next)) continue;
    if (!(isUpper(next) || /\p{N}/u.test(next) || OPENERS.has(next))) continue;
    // a point directly after a word may be an abbreviation; after a closing bracket or quote it is not
    if (ch === '.' && j === i + 1 && isAbbreviation(wordBefore(text, i))) continue;
    // inside a quotation that does not close right after the point: one sentence
    if (insideQuote(i, j)) continue;
    push(start, j);
    start = k;
    i = k - 1;
  }
  push(start, n);
  return out;
}
