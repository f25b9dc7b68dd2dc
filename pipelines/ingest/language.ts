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

/** Guess the language of a text; null when the sample is too small to tell. */
export function detectLanguage(text: string, maxChars = 200_000): LanguageGuess {
  const t = text.length > maxChars ? text.slice(0, maxChars) : text;
  let letters = 0;
  const scripts = { ru: 0, ar: 0, zh: 0 };
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x0400 && c <= 0x04ff) scripts.ru++;
    else if (c >= 0x0600 && c <= 0x06ff) scripts.ar++;
    else if (c >= 0x4e00 && c <= 0x9fff) scripts.zh++;
    else if (/\p{L}/u.test(ch)) letters++;
    else continue;
  }
  const total = letters + scripts.ru + scripts.ar + scripts.zh;
  for (const lang of ['ru', 'ar', 'zh'] as const) {
    if (total > 0 && scripts[lang] / total > 0.3) return { language: lang, score: scripts[lang] / total, sample: total };
  }
  const words = t.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 30) return { language: null, score: 0, sample: words.length };
  const hits = { en: 0, fr: 0, es: 0 };
  for (const w of words) for (const lang of ['en', 'fr', 'es'] as const) if (FUNCTION_WORDS[lang].has(w)) hits[lang]++;
  const best = (['en', 'fr', 'es'] as const).reduce((a, b) => (hits[b] > hits[a] ? b : a));
  return { language: hits[best] === 0 ? null : best, score: hits[best] / words.length, sample: words.length };
}
