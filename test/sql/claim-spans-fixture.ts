/**
 * Worded claims (as the claims model gives them) written back as extract-claims writes them, for
 * the SQL fixtures: claim_spans, with offsets into the paragraph text, and claim_theme_sets,
 * numbered by extract-claims' own ThemeSets. Each claim's sentence must be in its paragraph's text
 * and its surface word (any case) in its sentence; the claim's offsets and surface are filled in.
 */
import { ThemeSets, type ClaimRow, type ThemeSetRow } from '../../pipelines/resolve/extract-claims.ts';

export type WordedClaim = Omit<ClaimRow, 'sentence_start' | 'sentence_end' | 'theme_set' | 'astral'>;
export type SpanRow = Omit<ClaimRow, 'sentence' | 'surface' | 'themes' | 'theme_sources'>;

export function claimSpans(
  claims: WordedClaim[], textOf: (c: WordedClaim) => string, surfaceWord: (c: WordedClaim) => string,
): { claim_spans: SpanRow[]; claim_theme_sets: ThemeSetRow[] } {
  const themeSets = new ThemeSets();
  const claim_spans = claims.map((c) => {
    const sentence_start = textOf(c).indexOf(c.sentence);
    const word = surfaceWord(c);
    const at = c.sentence.toLowerCase().indexOf(word.toLowerCase());
    if (sentence_start < 0 || at < 0) throw new Error(`fixture claim of ${c.mechanism_id} in para ${c.para_no}: sentence not in the text, or "${word}" not in the sentence`);
    c.char_start = sentence_start + at;
    c.char_end = c.char_start + word.length;
    c.surface = c.sentence.slice(at, at + word.length);
    return {
      doc_id: c.doc_id, para_no: c.para_no, part: c.part, sentence_no: c.sentence_no, mechanism_id: c.mechanism_id, role: c.role, via: c.via,
      char_start: c.char_start, char_end: c.char_end, sentence_start, sentence_end: sentence_start + c.sentence.length,
      theme_set: themeSets.numberOf(c.themes, c.theme_sources), astral: false,
    };
  });
  return { claim_spans, claim_theme_sets: themeSets.rows };
}
