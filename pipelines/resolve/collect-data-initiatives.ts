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

export function collectDataInitiatives(
  paras: readonly ParagraphInput[],
  claims: readonly ClaimInput[],
  cues: readonly DataCollectionCue[],
): DataInitiativeRow[] {
  const compile = (kind: CueKind) => cues.filter((c) => c.kind === kind).map((c) => ({ re: new RegExp(c.pattern, 'i') }));
  const initiativeCues = compile('initiative');
  const gapCues = compile('gap');
  // actors of each sentence, in claim order
  const actors = new Map<string, string[]>();
  for (const c of claims) {
    if (c.role !== 'actor') continue;
    const k = `${c.doc_id}\u0000${c.para_no}\u0000${c.sentence_no}`;
    const list = actors.get(k) ?? [];
    if (!list.includes(c.mechanism_id)) list.push(c.mechanism_id);
    actors.set(k, list);
  }
  // A cue that matches a sentence also matches its paragraph, so a paragraph no cue matches is
  // skipped without splitting it (anchors and look-arounds would break that and turn it off).
  const prefilter = !cues.some((c) => looksAround(c.pattern) || /\\[1-9]|\\k<|\(\?</.test(c.pattern))
    ? new RegExp(cues.map((c) => `(?:${c.pattern})`).join('|'), 'i') : null;
  const out: DataInitiativeRow[] = [];
  for (const p of paras) {
    if (p.part !== null && !CLAIM_PART_OF[p.part]) continue; // a paragraph of another document (no part) is body text
    if (prefilter && !prefilter.test(p.text)) continue;
    for (const s of splitSentences(p.text)) {
      const gap = firstMatch(s.text, gapCues);
      const year = YEAR_RE.exec(s.text);
      const row = { doc_id: p.doc_id, description: s.text, year: year ? Number(year[1]) : null, para_no: p.para_no };
      if (gap !== null) {
        out.push({ ...row, initiative_id: `p${p.para_no}-s${s.index}`, kind: 'gap', mechanism_id: null, cue: gap });
        continue;
      }
      const initiative = firstMatch(s.text, initiativeCues);
      if (initiative === null) continue;
      for (const m of actors.get(`${p.doc_id}\u0000${p.para_no}\u0000${s.index}`) ?? []) {
        out.push({ ...row, initiative_id: `p${p.para_no}-s${s.index}-${m}`, kind: 'initiative', mechanism_id: m, cue: initiative });
      }
    }
  }
  return out;
}
