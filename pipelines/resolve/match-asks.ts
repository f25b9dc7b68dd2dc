/**
 * Match asks: which actor claims do what a recommendation asks. An ask's cue found in
 * the sentence of a claim whose mechanism is the actor links the claim to the ask;
 * themes play no part, and a yardstick, a lack or a mention in passing never counts.
 * One row per document × ask × mechanism × paragraph (the first matching sentence).
 *
 * Each distinct sentence is tested once, however many claims (or documents) share it,
 * and only against the asks whose literal triggers it contains
 * (pipelines/resolve/claims/triggers.ts).
 */
import { isCounted } from '../catalog/evidence.ts';
import type { AskCue } from '../registry/load-asks.ts';
import { firstCue } from '../text/cue-regex.ts';
import { memoByText } from '../text/memo-by-text.ts';
import { buildTriggerIndex, triggersOf } from './claims/triggers.ts';

export interface AskClaimInput { doc_id: string; para_no: number; sentence_no: number; mechanism_id: string; role: string; sentence: string }
/** The sentence is named by its number: its words are stored once, in claims (330,000 rows repeated them at 1,000 documents). */
export interface AskClaimRow { doc_id: string; ask_id: string; mechanism_id: string; para_no: number; sentence_no: number; cue: string }

/** Actor claims in document, paragraph and sentence order: as given when they already are (the claims stage's order), else sorted. */
function actorsInOrder(claims: readonly AskClaimInput[]): AskClaimInput[] {
  const actors = claims.filter((c) => isCounted(c.role));
  const before = (a: AskClaimInput, b: AskClaimInput) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0) || a.para_no - b.para_no || a.sentence_no - b.sentence_no;
  for (let i = 1; i < actors.length; i++) if (before(actors[i - 1], actors[i]) > 0) return actors.sort(before);
  return actors;
}

export function matchAsks(claims: readonly AskClaimInput[], cues: readonly AskCue[]): AskClaimRow[] {
  const asks = [...new Set(cues.map((c) => c.ask_id))];
  const cuesOf = asks.map((a) => cues.filter((c) => c.ask_id === a));
  const index = buildTriggerIndex(cuesOf.map((cs) => triggersOf(cs.map((c) => c.pattern))));
  /** Per sentence: the asks it does (in ask order), each with the first cue that matched. */
  const asksIn = memoByText((sentence): { ask_id: string; cue: string }[] => {
    const out: { ask_id: string; cue: string }[] = [];
    for (const i of [...index.candidates(sentence.toLowerCase())].sort((a, b) => a - b)) {
      const hit = firstCue(cuesOf[i], sentence);
      if (hit) out.push({ ask_id: asks[i], cue: hit.pattern });
    }
    return out;
  });
  const out: AskClaimRow[] = [];
  // (ask, mechanism) pairs already linked in the current paragraph: claims come paragraph by paragraph
  let seen = new Set<string>();
  let doc = '';
  let para = -1;
  for (const c of actorsInOrder(claims)) {
    const found = asksIn(c.sentence);
    if (found.length === 0) continue;
    if (c.para_no !== para || c.doc_id !== doc) { seen = new Set(); doc = c.doc_id; para = c.para_no; }
    for (const f of found) {
      const key = `${f.ask_id}\u0000${c.mechanism_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ doc_id: c.doc_id, ask_id: f.ask_id, mechanism_id: c.mechanism_id, para_no: c.para_no, sentence_no: c.sentence_no, cue: f.cue });
    }
  }
  return out;
}
