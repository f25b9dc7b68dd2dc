/**
 * The language of a document's text, among the six official languages of the
 * United Nations: by script for Arabic, Chinese and Russian, by the share of
 * common function words for English, French and Spanish. Enough to refuse a
 * French or Spanish version given in place of the English one; not a general
 * language identifier.
 */

export type Language = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', ar: 'Arabic', zh: 'Chinese',
};

const FUNCTION_WORDS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'that', 'is', 'for', 'with', 'on', 'by', 'as', 'which', 'its', 'was', 'were', 'has', 'have', 'this', 'from']),
  fr: new Set(['le', 'la', 'les', 'des', 'et', 'du', 'dans', 'pour', 'sur', 'une', 'que', 'qui', 'est', 'sont', 'au', 'aux', 'par', 'avec', 'ces', 'été']),
  es: new Set(['el', 'los', 'las', 'del', 'y', 'en', 'para', 'con', 'una', 'que', 'por', 'se', 'su', 'sus', 'es', 'al', 'como', 'fue', 'este', 'esta']),
};

export interface LanguageGuess {
  language: Language | null;
  /** Share of the words (or letters, for a script) that support the guess. */
  score: number;
  /** Words or letters looked at. */
  sample: number;
}

const LETTER = /\p{L}/u;
const LETTERS = /\p{L}+/gu;

/** Letter-ness of each BMP code point, looked up once (0: not yet, 1: letter, 2: not). */
const bmpLetter = new Uint8Array(0x10000);

function isLetter(cp: number): boolean {
  if (cp < 128) return ((cp | 32) - 97) >>> 0 < 26;
  if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp));
  if (bmpLetter[cp] === 0) bmpLetter[cp] = LETTER.test(String.fromCharCode(cp)) ? 1 : 2;
  return bmpLetter[cp] === 1;
}

/** Function word → the languages it belongs to (bit 1 en, 2 fr, 4 es). */
const WORD_LANGUAGES = ['en', 'fr', 'es'] as const;
const FUNCTION_WORD_BITS = new Map<string, number>();
WORD_LANGUAGES.forEach((lang, k) => {
  for (const w of FUNCTION_WORDS[lang]) FUNCTION_WORD_BITS.set(w, (FUNCTION_WORD_BITS.get(w) ?? 0) | (1 << k));
});

/**
 * A run of at most ASCII_KEY_LETTERS ASCII letters as a number, case folded
 * (5 bits a letter), so that counting the words of a text makes no strings.
 */
const ASCII_KEY_LETTERS = 6;
function asciiKey(w: string): number {
  let k = 0;
  for (let i = 0; i < w.length; i++) k = k * 32 + ((w.charCodeAt(i) | 32) - 96);
  return k;
}

/**
 * The ASCII function words by key, in an open-addressed table (a Map lookup a
 * word was a third of the scan): slot = hash of the key, probed linearly; a
 * key of 0 (no word) marks an empty slot.
 */
const KEY_SLOTS = 256;
const slotKeys = new Int32Array(KEY_SLOTS);
const slotBits = new Uint8Array(KEY_SLOTS);
const slotOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> 24;
for (const [w, bits] of FUNCTION_WORD_BITS) {
  if (!/^[a-z]+$/.test(w)) continue;
  if (w.length > ASCII_KEY_LETTERS) throw new Error(`function word "${w}" is longer than ${ASCII_KEY_LETTERS} letters`);
  let h = slotOf(asciiKey(w));
  while (slotKeys[h] !== 0) h = (h + 1) & (KEY_SLOTS - 1);
  slotKeys[h] = asciiKey(w);
  slotBits[h] = bits;
}

/** The languages (bits) of the ASCII word with this key, or 0. */
function asciiWordBits(key: number): number {
  for (let h = slotOf(key); slotKeys[h] !== 0; h = (h + 1) & (KEY_SLOTS - 1)) if (slotKeys[h] === key) return slotBits[h];
  return 0;
}

/** What the scan counts, summed over the pieces of a text. */
interface Counts {
  /** Letters outside the three scripts below. */
  letters: number;
  ru: number;
  ar: number;
  zh: number;
  words: number;
  en: number;
  fr: number;
  es: number;
}

function addWord(c: Counts, bits: number): void {
  c.words++;
  if (bits & 1) c.en++;
  if (bits & 2) c.fr++;
  if (bits & 4) c.es++;
}

/**
 * Count the letters and words of t[0, end) into c. Most words are ASCII: a
 * run of ASCII letters is taken in a tight loop and looked up by its key; a
 * run that holds any other letter goes through the definition (code points,
 * lower-casing, `/\p{L}+/gu`).
 */
function scan(t: string, end: number, c: Counts): void {
  let i = 0;
  while (i < end) {
    const ch = t.charCodeAt(i);
    if (ch < 128) {
      if (((ch | 32) - 97) >>> 0 >= 26) { i++; continue; }
      const start = i;
      let key = (ch | 32) - 96;
      let d = 0;
      // the letters that make the key, then the rest of a longer word
      const keyEnd = Math.min(end, start + ASCII_KEY_LETTERS);
      for (i++; i < keyEnd; i++) {
        d = t.charCodeAt(i);
        if (((d | 32) - 97) >>> 0 >= 26) break;
        key = key * 32 + ((d | 32) - 96);
      }
      if (i === keyEnd) {
        for (; i < end; i++) {
          d = t.charCodeAt(i);
          if (((d | 32) - 97) >>> 0 >= 26) break;
        }
      }
      if (i < end && d >= 128) { i = otherRun(t, start, end, c); continue; }
      c.letters += i - start;
      addWord(c, i - start <= ASCII_KEY_LETTERS ? asciiWordBits(key) : 0);
      continue;
    }
    i = otherRun(t, i, end, c);
  }
}

/**
 * From t[i], which is not an ASCII letter but may start a run of letters, or
 * an ASCII run that goes on with another letter: count code points to the end
 * of the run (or the one non-letter at i), words by the definition. Returns
 * where the scan goes on.
 */
function otherRun(t: string, i: number, end: number, c: Counts): number {
  const start = i;
  let ascii = true;
  while (i < end) {
    const ch = t.charCodeAt(i);
    if (ch < 128) {
      if (((ch | 32) - 97) >>> 0 >= 26) break;
      c.letters++;
      i++;
      continue;
    }
    let cp = ch;
    let step = 1;
    if (ch >= 0xd800 && ch <= 0xdbff && i + 1 < end) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { cp = (ch - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000; step = 2; }
    }
    const letter = isLetter(cp);
    // a non-letter that ends a run is counted when the scan comes back to it
    if (!letter && i > start) break;
    if (cp >= 0x0400 && cp <= 0x04ff) c.ru++;
    else if (cp >= 0x0600 && cp <= 0x06ff) c.ar++;
    else if (cp >= 0x4e00 && cp <= 0x9fff) c.zh++;
    else if (letter) c.letters++;
    if (!letter) return i + step;
    ascii = false;
    i += step;
  }
  if (ascii) addWord(c, i - start <= ASCII_KEY_LETTERS ? asciiWordBits(asciiKey(t.slice(start, i))) : 0);
  else for (const m of t.slice(start, i).toLowerCase().matchAll(LETTERS)) addWord(c, FUNCTION_WORD_BITS.get(m[0]) ?? 0);
  return i;
}

function verdict(c: Counts): LanguageGuess {
  const total = c.letters + c.ru + c.ar + c.zh;
  for (const lang of ['ru', 'ar', 'zh'] as const) {
    if (total > 0 && c[lang] / total > 0.3) return { language: lang, score: c[lang] / total, sample: total };
  }
  if (c.words < 30) return { language: null, score: 0, sample: c.words };
  const best = WORD_LANGUAGES.reduce((a, b) => (c[b] > c[a] ? b : a));
  return { language: c[best] === 0 ? null : best, score: c[best] / c.words, sample: c.words };
}

const noCounts = (): Counts => ({ letters: 0, ru: 0, ar: 0, zh: 0, words: 0, en: 0, fr: 0, es: 0 });

/**
 * Guess the language of a text; null when the sample is too small to tell.
 * The definition: letters (\p{L}) and the letters of each script, counted by
 * code point in the first maxChars UTF-16 units; words are the runs of letters
 * of the lower-cased text (`/\p{L}+/gu`). Lower-casing keeps every non-letter
 * a non-letter and every letter a letter except U+0130 (İ → i + a combining
 * dot), so a run of ASCII letters is one word as it stands and a run holding
 * other letters is lower-cased and split by the regex.
 */
export function detectLanguage(text: string, maxChars = 200_000): LanguageGuess {
  const c = noCounts();
  scan(text, Math.min(text.length, maxChars), c);
  return verdict(c);
}

/** detectLanguage of the lines joined by LF, without joining them (an LF is no letter and ends a word). */
export function detectLanguageOfLines(lines: readonly string[], maxChars = 200_000): LanguageGuess {
  const c = noCounts();
  let left = maxChars;
  for (let k = 0; k < lines.length && left > 0; k++) {
    const n = Math.min(lines[k].length, left);
    scan(lines[k], n, c);
    left -= n + 1;
  }
  return verdict(c);
}
