/**
 * Collect data-collection records: sentences in which the report describes a
 * mechanism collecting, sharing or exchanging data or information (kind
 * 'initiative'), and sentences stating that data are missing (kind 'gap', no
 * mechanism).
 *
 * Cues come from data/registry/data_collection.yaml. The initiative cues are also
 * the cues of the data_collection theme in the claims model (pipeline.ts), and an
 * initiative row is exactly an actor claim whose sentence matches one: so this
 * table, the data_collection theme and the finding count the same mechanisms.
 * One row per sentence × mechanism (initiative_id p<para>-s<sentence>-<mechanism>);
 * gap rows have no mechanism (p<para>-s<sentence>).
 */
import type { RowOf } from '../catalog/types.ts';
import type { paragraphs } from '../catalog/report.ts';
import type { claims as claimsSpec, data_collection_initiatives } from '../catalog/evidence.ts';
import type { CueKind, DataCollectionCue } from '../registry/load-data-collection-cues.ts';
import { compileCue, cueUnion } from '../text/cue-regex.ts';
import { memoByText } from '../text/memo-by-text.ts';
import { splitSentences } from '../text/sentences.ts';
import { CLAIM_PART_OF } from './extract-claims.ts';

/** The row type, with the nullable columns spelled out (RowOf in catalog/types.ts reads `nullable` as optional and drops null). */
export type DataInitiativeRow = Omit<RowOf<typeof data_collection_initiatives>, 'mechanism_id' | 'year'>
  & { mechanism_id: string | null; year: number | null };
export type ParagraphInput = Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'part' | 'text'>;
export type ClaimInput = Pick<RowOf<typeof claimsSpec>, 'doc_id' | 'para_no' | 'sentence_no' | 'mechanism_id' | 'role'>;

function firstMatch(text: string, cues: readonly { re: RegExp }[]): string | null {
  for (const c of cues) {
    const m = c.re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** Does the pattern use an anchor (^, $) or a look-around? Escapes and "[^" (a negated class) do not count. */
function looksAround(pattern: string): boolean {
  const bare = pattern.replace(/\\./g, '').replace(/\[\^/g, '[');
  return /[$^]|\(\?<?[=!]/.test(bare);
}

const YEAR_RE = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/u;

/** A sentence of a paragraph that a gap or an initiative cue matches. */
interface CuedSentence { index: number; text: string; year: number | null; gap: string | null; initiative: string | null }

export function collectDataInitiatives(
  paras: readonly ParagraphInput[],
  claims: readonly ClaimInput[],
  cues: readonly DataCollectionCue[],
): DataInitiativeRow[] {
  const compile = (kind: CueKind) => cues.filter((c) => c.kind === kind).map((c) => ({ re: compileCue(c.pattern, { stage: 'collect-data-initiatives', record: kind }) }));
  const initiativeCues = compile('initiative');
  const gapCues = compile('gap');
  // A cue that matches a sentence also matches its paragraph, so a paragraph no cue matches is
  // skipped without splitting it (anchors and look-arounds would break that and turn it off).
  const prefilter = !cues.some((c) => looksAround(c.pattern) || /\\[1-9]|\\k<|\(\?</.test(c.pattern))
    ? cueUnion(cues.map((c) => c.pattern), { stage: 'collect-data-initiatives' }) : null;
  // the cued sentences of a paragraph depend on its text only: a paragraph met again is not split again
  const cuedSentences = memoByText((text): CuedSentence[] => {
    if (prefilter && !prefilter.test(text)) return [];
    const found: CuedSentence[] = [];
    for (const s of splitSentences(text)) {
      const gap = firstMatch(s.text, gapCues);
      const initiative = gap === null ? firstMatch(s.text, initiativeCues) : null;
      if (gap === null && initiative === null) continue;
      const year = YEAR_RE.exec(s.text);
      found.push({ index: s.index, text: s.text, year: year ? Number(year[1]) : null, gap, initiative });
    }
    return found;
  });
  const cued: { p: ParagraphInput; sentences: CuedSentence[] }[] = [];
  // document → paragraph → sentence → its actors, in claim order; only for paragraphs with an initiative sentence
  const actors = new Map<string, Map<number, Map<number, string[]>>>();
  for (const p of paras) {
    if (p.part !== null && !CLAIM_PART_OF[p.part]) continue; // a paragraph of another document (no part) is body text
    const sentences = cuedSentences(p.text);
    if (sentences.length === 0) continue;
    cued.push({ p, sentences });
    if (!sentences.some((s) => s.initiative !== null)) continue;
    let byPara = actors.get(p.doc_id);
    if (!byPara) actors.set(p.doc_id, (byPara = new Map()));
    byPara.set(p.para_no, new Map());
  }
  for (const c of claims) {
    if (c.role !== 'actor') continue;
    const bySentence = actors.get(c.doc_id)?.get(c.para_no);
    if (!bySentence) continue;
    const list = bySentence.get(c.sentence_no);
    if (!list) bySentence.set(c.sentence_no, [c.mechanism_id]);
    else if (!list.includes(c.mechanism_id)) list.push(c.mechanism_id);
  }
  const out: DataInitiativeRow[] = [];
  for (const { p, sentences } of cued) {
    for (const s of sentences) {
      const row = { doc_id: p.doc_id, description: s.text, year: s.year, para_no: p.para_no };
      if (s.gap !== null) {
        out.push({ ...row, initiative_id: `p${p.para_no}-s${s.index}`, kind: 'gap', mechanism_id: null, cue: s.gap });
        continue;
      }
      for (const m of actors.get(p.doc_id)?.get(p.para_no)?.get(s.index) ?? []) {
        out.push({ ...row, initiative_id: `p${p.para_no}-s${s.index}-${m}`, kind: 'initiative', mechanism_id: m, cue: s.initiative! });
      }
    }
  }
  return out;
}
