/**
 * Match asks: which actor claims do what a recommendation asks. An ask's cue found in
 * the sentence of a claim whose mechanism is the actor links the claim to the ask;
 * themes play no part, and a yardstick, a lack or a mention in passing never counts.
 * One row per document × ask × mechanism × paragraph (the first matching sentence).
 *
 * Each sentence is tested once, however many claims share it, and only against the
 * asks whose literal triggers it contains (pipelines/resolve/claims/triggers.ts).
 */
import type { AskCue } from '../registry/load-asks.ts';
import { buildTriggerIndex, triggersOf } from './claims/triggers.ts';

export interface AskClaimInput { doc_id: string; para_no: number; sentence_no: number; mechanism_id: string; role: string; sentence: string }
export interface AskClaimRow { doc_id: string; ask_id: string; mechanism_id: string; para_no: number; sentence: string; cue: string }

export function matchAsks(claims: readonly AskClaimInput[], cues: readonly AskCue[]): AskClaimRow[] {
  const asks = [...new Set(cues.map((c) => c.ask_id))];
  const cuesOf = asks.map((a) => cues.filter((c) => c.ask_id === a));
  const index = buildTriggerIndex(cuesOf.map((cs) => triggersOf(cs.map((c) => c.pattern))));
  /** Per sentence: the asks it does, each with the first cue that matched. */
  const asksIn = (sentence: string): { ask_id: string; cue: string }[] => {
    const out: { ask_id: string; cue: string }[] = [];
    for (const i of [...index.candidates(sentence.toLowerCase())].sort((a, b) => a - b)) {
      const hit = cuesOf[i].find((c) => c.re.test(sentence));
      if (hit) out.push({ ask_id: asks[i], cue: hit.pattern });
    }
    return out;
  };
  const out: AskClaimRow[] = [];
  const seen = new Set<string>();
  let cache = new Map<string, { ask_id: string; cue: string }[]>();
  let cachePara = '';
  const sorted = claims.filter((c) => c.role === 'actor')
    .sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0) || a.para_no - b.para_no || a.sentence_no - b.sentence_no);
  for (const c of sorted) {
    const para = `${c.doc_id}\u0000${c.para_no}`;
    if (para !== cachePara) { cache = new Map(); cachePara = para; } // sentences repeat within a paragraph only
    let found = cache.get(c.sentence);
    if (!found) cache.set(c.sentence, (found = asksIn(c.sentence)));
    for (const f of found) {
      const key = `${para}\u0000${f.ask_id}\u0000${c.mechanism_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ doc_id: c.doc_id, ask_id: f.ask_id, mechanism_id: c.mechanism_id, para_no: c.para_no, sentence: c.sentence, cue: f.cue });
    }
  }
  return out;
}
