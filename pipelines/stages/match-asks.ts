/**
 * Match asks: which actor claims do what a recommendation asks. An ask's cue found in
 * the sentence of a claim whose mechanism is the actor links the claim to the ask;
 * themes play no part, and a yardstick, a lack or a mention in passing never counts.
 * One row per document × ask × mechanism × paragraph (the first matching sentence).
 */
import type { AskCue } from '../registry/load-asks.ts';

export interface AskClaimInput { doc_id: string; para_no: number; sentence_no: number; mechanism_id: string; role: string; sentence: string }
export interface AskClaimRow { doc_id: string; ask_id: string; mechanism_id: string; para_no: number; sentence: string; cue: string }

export function matchAsks(claims: readonly AskClaimInput[], cues: readonly AskCue[]): AskClaimRow[] {
  const out: AskClaimRow[] = [];
  const seen = new Set<string>();
  const sorted = claims.filter((c) => c.role === 'actor')
    .sort((a, b) => a.doc_id.localeCompare(b.doc_id) || a.para_no - b.para_no || a.sentence_no - b.sentence_no);
  for (const c of sorted) {
    for (const q of cues) {
      const key = `${c.doc_id}\u0000${q.ask_id}\u0000${c.mechanism_id}\u0000${c.para_no}`;
      if (seen.has(key) || !q.re.test(c.sentence)) continue;
      seen.add(key);
      out.push({ doc_id: c.doc_id, ask_id: q.ask_id, mechanism_id: c.mechanism_id, para_no: c.para_no, sentence: c.sentence, cue: q.pattern });
    }
  }
  return out;
}
