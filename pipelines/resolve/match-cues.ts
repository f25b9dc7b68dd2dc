/**
 * Which gender and redress cues each actor claim's sentence contains (only what
 * the report describes a mechanism doing counts: not a yardstick, not a lack,
 * not a mention in passing). Done here rather
 * than in SQL because DuckDB compiles a regular expression per row when the
 * pattern comes from a table (61 s on the 1,000-document corpus); here each
 * pattern is compiled once, and each distinct sentence is tested once however
 * many claims share it.
 */
import { isCounted } from '../catalog/evidence.ts';
import type { RowOfTable } from '../catalog/rows.ts';
import { compileCue } from '../text/cue-regex.ts';
import { memoByText } from '../text/memo-by-text.ts';
import { themeOfMeasure } from './claims/rules.ts';

export interface CueRow { measure: string; family: string; pattern: string }
export interface ClaimSentence { doc_id: string; mechanism_id: string; para_no: number; role: string; sentence: string; themes: readonly string[] }

/** One row per document × mechanism × paragraph × measure whose cue matches an actor claim's sentence. */
export function matchCues(claims: readonly ClaimSentence[], cues: readonly CueRow[]): RowOfTable<'passage_cues'>[] {
  const compiled = cues.map((c) => ({
    ...c, theme: themeOfMeasure(c), re: compileCue(c.pattern, { stage: 'match-cues', record: `${c.family}/${c.measure}` }),
  }));
  // the cues (as indexes, in cue order) a sentence matches
  const matching = memoByText((sentence) => compiled.flatMap((c, i) => (c.re.test(sentence) ? [i] : [])));
  const seen = new Set<string>();
  const out: RowOfTable<'passage_cues'>[] = [];
  for (const e of claims) {
    if (!isCounted(e.role)) continue;
    for (const i of matching(e.sentence)) {
      const c = compiled[i];
      if (c.theme !== null && !e.themes.includes(c.theme)) continue;
      const key = `${e.doc_id}\u0000${e.mechanism_id}\u0000${e.para_no}\u0000${c.measure}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ doc_id: e.doc_id, mechanism_id: e.mechanism_id, para_no: e.para_no, family: c.family, measure: c.measure });
    }
  }
  return out;
}
