/**
 * The language guess: the fast scan (charCodeAt, letter runs) gives exactly
 * what the plain definition gives (a regex per character, every word of the
 * lower-cased text), on real sentences and on arbitrary Unicode.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguageOfLines, type LanguageGuess } from '../../pipelines/ingest/language.ts';

const FUNCTION_WORDS = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'that', 'is', 'for', 'with', 'on', 'by', 'as', 'which', 'its', 'was', 'were', 'has', 'have', 'this', 'from']),
  fr: new Set(['le', 'la', 'les', 'des', 'et', 'du', 'dans', 'pour', 'sur', 'une', 'que', 'qui', 'est', 'sont', 'au', 'aux', 'par', 'avec', 'ces', 'été']),
  es: new Set(['el', 'los', 'las', 'del', 'y', 'en', 'para', 'con', 'una', 'que', 'por', 'se', 'su', 'sus', 'es', 'al', 'como', 'fue', 'este', 'esta']),
};

/** The definition, written the slow and obvious way (the implementation before the fast scan). */
function reference(text: string, maxChars = 200_000): LanguageGuess {
  const t = text.length > maxChars ? text.slice(0, maxChars) : text;
  let letters = 0;
  const scripts = { ru: 0, ar: 0, zh: 0 };
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x0400 && c <= 0x04ff) scripts.ru++;
    else if (c >= 0x0600 && c <= 0x06ff) scripts.ar++;
    else if (c >= 0x4e00 && c <= 0x9fff) scripts.zh++;
    else if (/\p{L}/u.test(ch)) letters++;
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

const SENTENCES = {
  en: 'The Special Rapporteur welcomes the cooperation of the regional mechanisms with the States and the organisations that were consulted for this report, which has been prepared in accordance with the resolution of the Council.',
  fr: 'La Rapporteuse spéciale se félicite de la coopération des mécanismes régionaux avec les États et les organisations qui ont été consultés pour le présent rapport, établi conformément à la résolution du Conseil et dans les délais.',
  es: 'La Relatora Especial acoge con satisfacción la cooperación de los mecanismos regionales con los Estados y las organizaciones que fueron consultados para el presente informe, preparado de conformidad con la resolución del Consejo.',
  ru: 'Специальный докладчик приветствует сотрудничество региональных механизмов с государствами и организациями, с которыми проводились консультации.',
  ar: 'ترحب المقررة الخاصة بتعاون الآليات الإقليمية مع الدول والمنظمات التي استشيرت لإعداد هذا التقرير.',
  zh: '特别报告员欢迎区域机制与各国和为本报告征求意见的组织开展合作。',
};

describe('detectLanguage', () => {
  it('names the language of each official language sample, as the definition does', () => {
    for (const [lang, s] of Object.entries(SENTENCES)) {
      const got = detectLanguage(s.repeat(3));
      expect(got).toEqual(reference(s.repeat(3)));
      expect(got.language).toBe(lang);
    }
  });

  it('agrees with the definition on the seed report', () => {
    const seed = readFileSync(new URL('../../seeds/A_HRC_14_32_en.txt', import.meta.url), 'utf8');
    expect(detectLanguage(seed)).toEqual(reference(seed));
    expect(detectLanguage(seed, 5_000)).toEqual(reference(seed, 5_000));
  });

  it('agrees with the definition on arbitrary text (astral letters, lone surrogates, case changes that grow)', () => {
    const pieces = fc.oneof(
      fc.constantFrom(' ', '\n', 'the ', 'The ', 'été ', 'İstanbul ', 'ß', 'ǅ', '𝐀𝐁 ', '\ud800', '\udc00x', 'le ', 'y ', '— ', '123 ', 'Ж', 'ع', '中'),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(fc.property(fc.array(pieces, { maxLength: 120 }), (parts) => {
      const text = parts.join('');
      expect(detectLanguage(text)).toEqual(reference(text));
    }), { numRuns: 400 });
  });

  it('of lines, gives what it gives for the lines joined by LF, within maxChars', () => {
    const line = fc.array(fc.oneof(fc.constantFrom('the ', 'The', 'été ', 'le ', 'y ', 'Ж', 'ع', '中', '𝐀', '\ud800', ' ', '—'), fc.string({ maxLength: 6 })), { maxLength: 12 })
      .map((xs) => xs.join('').replace(/\n/g, ' '));
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 0, max: 200 }), (lines, max) => {
      expect(detectLanguageOfLines(lines, max)).toEqual(detectLanguage(lines.join('\n'), max));
      expect(detectLanguageOfLines(lines)).toEqual(detectLanguage(lines.join('\n')));
    }), { numRuns: 1000 });
  });
});
