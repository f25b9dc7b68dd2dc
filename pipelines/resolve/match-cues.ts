/**
 * Which gender and redress cues each actor claim's sentence contains (only what
 * the report describes a mechanism doing counts: not a yardstick, not a lack,
 * not a mention in passing). Done here rather
 * than in SQL because DuckDB compiles a regular expression per row when the
 * pattern comes from a table (61 s on the 1,000-document corpus); here each
 * pattern is compiled once.
 */
import type { RowOfTable } from '../catalog/rows.ts';
import { AtlasError } from '../core/errors.ts';
import { themeOfMeasure } from './claims/rules.ts';

export interface CueRow { measure: string; family: string; pattern: string }
export interface ClaimSentence { doc_id: string; mechanism_id: string; para_no: number; role: string; sentence: string; themes: string[] }

/** One row per document × mechanism × paragraph × measure whose cue matches an actor claim's sentence. */
export function matchCues(claims: readonly ClaimSentence[], cues: readonly CueRow[]): RowOfTable<'passage_cues'>[] {
  const compiled = cues.map((c) => {
    try {
      return { ...c, re: new RegExp(c.pattern, 'i') };
    } catch (e) {
      throw new AtlasError(`cue pattern does not compile: ${(e as Error).message}`, { stage: 'match-cues', record: `${c.family}/${c.measure}`, field: 'pattern' });
    }
  });
  const seen = new Set<string>();
  const out: RowOfTable<'passage_cues'>[] = [];
  for (const e of claims) {
    if (e.role !== 'actor') continue;
    for (const c of compiled) {
      const theme = themeOfMeasure(c);
      if (theme !== null && !e.themes.includes(theme)) continue;
      const key = `${e.doc_id}\u0000${e.mechanism_id}\u0000${e.para_no}\u0000${c.measure}`;
      if (seen.has(key) || !c.re.test(e.sentence)) continue;
      seen.add(key);
      out.push({ doc_id: e.doc_id, mechanism_id: e.mechanism_id, para_no: e.para_no, family: c.family, measure: c.measure });
    }
  }
  return out;
}
