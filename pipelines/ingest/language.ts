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
const ASCII_FUNCTION_WORD_BITS = new Map<number, number>();
for (const [w, bits] of FUNCTION_WORD_BITS) {
  if (/^[a-z]+$/.test(w)) {
    if (w.length > ASCII_KEY_LETTERS) throw new Error(`function word "${w}" is longer than ${ASCII_KEY_LETTERS} letters`);
    ASCII_FUNCTION_WORD_BITS.set(asciiKey(w), bits);
  }
}

/**
 * Guess the language of a text; null when the sample is too small to tell.
 * The definition: letters (\p{L}) and the letters of each script, counted by
 * code point; words are the runs of letters of the lower-cased text
 * (`/\p{L}+/gu`). One charCodeAt pass computes both: lower-casing keeps every
 * non-letter a non-letter and every letter a letter except U+0130 (İ → i +
 * a combining dot), so a run of ASCII letters is one word as it stands and a
 * run holding other letters is lower-cased and split by the regex. Only runs
 * short enough to be a function word become strings. (A regex per character
 * and an array of every word made this the slowest step of text ingest.)
 */
export function detectLanguage(text: string, maxChars = 200_000): LanguageGuess {
  const t = text.length > maxChars ? text.slice(0, maxChars) : text;
  let letters = 0;
  const scripts = { ru: 0, ar: 0, zh: 0 };
  let words = 0;
  const hits = { en: 0, fr: 0, es: 0 };
  const count = (bits: number | undefined) => {
    if (bits === undefined) return;
    if (bits & 1) hits.en++;
    if (bits & 2) hits.fr++;
    if (bits & 4) hits.es++;
  };
  let start = -1;
  let ascii = true;
  /** asciiKey of the run so far, while it is ASCII and short enough. */
  let key = 0;
  const n = t.length;
  for (let i = 0; i <= n;) {
    const c = i < n ? t.charCodeAt(i) : -1;
    if (start < 0 && ((c | 32) - 97) >>> 0 < 26) {
      // most words are ASCII: take the run's ASCII letters in a tight loop (what follows is seen below)
      let j = i + 1;
      let k = (c | 32) - 96;
      for (; j < n; j++) {
        const d = t.charCodeAt(j);
        if (((d | 32) - 97) >>> 0 >= 26) break;
        if (j - i < ASCII_KEY_LETTERS) k = k * 32 + ((d | 32) - 96);
      }
      letters += j - i;
      start = i;
      ascii = true;
      key = k;
      i = j;
      continue;
    }
    let step = 1;
    let letter: boolean;
    if (c < 0) letter = false;
    else if (c < 128) {
      letter = ((c | 32) - 97) >>> 0 < 26;
      if (letter) letters++;
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = t.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000; step = 2; }
      }
      letter = isLetter(cp);
      if (cp >= 0x0400 && cp <= 0x04ff) scripts.ru++;
      else if (cp >= 0x0600 && cp <= 0x06ff) scripts.ar++;
      else if (cp >= 0x4e00 && cp <= 0x9fff) scripts.zh++;
      else if (letter) letters++;
    }
    if (letter) {
      if (start < 0) { start = i; ascii = true; key = 0; }
      if (c >= 128) ascii = false;
      else if (i - start < ASCII_KEY_LETTERS) key = key * 32 + ((c | 32) - 96);
    } else if (start >= 0) {
      if (ascii) {
        words++;
        if (i - start <= ASCII_KEY_LETTERS) count(ASCII_FUNCTION_WORD_BITS.get(key));
      } else {
        for (const m of t.slice(start, i).toLowerCase().matchAll(LETTERS)) { words++; count(FUNCTION_WORD_BITS.get(m[0])); }
      }
      start = -1;
    }
    i += step;
  }
  const total = letters + scripts.ru + scripts.ar + scripts.zh;
  for (const lang of ['ru', 'ar', 'zh'] as const) {
    if (total > 0 && scripts[lang] / total > 0.3) return { language: lang, score: scripts[lang] / total, sample: total };
  }
  if (words < 30) return { language: null, score: 0, sample: words };
  const best = WORD_LANGUAGES.reduce((a, b) => (hits[b] > hits[a] ? b : a));
  return { language: hits[best] === 0 ? null : best, score: hits[best] / words, sample: words };
}
