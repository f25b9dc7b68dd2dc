/**
 * The actor claims with their words, for the stages that test cues against claims' sentences
 * (match-asks, match-cues). claim_spans holds offsets, not words (claims.sql puts the words back
 * in SQL); here each sentence is sliced from its paragraph's text in memory, and the themes are
 * taken from the claim's theme set.
 */
import { isCounted } from '../catalog/evidence.ts';
import { AtlasError } from '../core/errors.ts';

export interface ClaimSpanInput { doc_id: string; para_no: number; sentence_no: number; mechanism_id: string; role: string; sentence_start: number; sentence_end: number; theme_set: number }
export interface ActorClaim { doc_id: string; para_no: number; sentence_no: number; mechanism_id: string; role: string; sentence: string; themes: readonly string[] }

/** Actor claims in claim_spans order, each with its sentence and themes. */
export function actorClaims(
  spans: readonly ClaimSpanInput[],
  paragraphs: readonly { doc_id: string; para_no: number; text: string }[],
  themeSets: readonly { theme_set: number; themes: readonly string[] }[],
): ActorClaim[] {
  const textOf = new Map<string, Map<number, string>>();
  for (const p of paragraphs) {
    let byPara = textOf.get(p.doc_id);
    if (!byPara) textOf.set(p.doc_id, (byPara = new Map()));
    byPara.set(p.para_no, p.text);
  }
  const themesOf = new Map(themeSets.map((t) => [t.theme_set, t.themes]));
  const out: ActorClaim[] = [];
  for (const c of spans) {
    if (!isCounted(c.role)) continue;
    const text = textOf.get(c.doc_id)?.get(c.para_no);
    if (text === undefined) throw new AtlasError(`a claim on paragraph ${c.para_no} of ${c.doc_id}, which is not among the paragraphs`, { record: recordOf(c) });
    const themes = themesOf.get(c.theme_set);
    if (themes === undefined) throw new AtlasError(`a claim with theme set ${c.theme_set}, which claim_theme_sets does not have`, { record: recordOf(c) });
    out.push({
      doc_id: c.doc_id, para_no: c.para_no, sentence_no: c.sentence_no, mechanism_id: c.mechanism_id, role: c.role,
      sentence: text.slice(c.sentence_start, c.sentence_end), themes,
    });
  }
  return out;
}

/** The claim's place, for an error (built only then: there are 300,000 claims at 1,000 documents). */
const recordOf = (c: ClaimSpanInput) => `${c.doc_id} para ${c.para_no}`;
