/**
 * Extract claims: for every paragraph of the description, achievements and
 * challenges parts, what each sentence says about each mechanism it names or
 * continues (pipelines/resolve/claims/extract.ts). The SQL model evidence.sql
 * groups them by theme. Only `actor` claims count toward coverage; `lacking`
 * ones are gaps in the report's own words. Recommendations are asks, not claims.
 */
import type { RowOf } from '../catalog/types.ts';
import type { paragraphs } from '../catalog/report.ts';
import type { claims as claimsSpec, mentions as mentionsSpec } from '../catalog/evidence.ts';
import { AtlasError } from '../core/errors.ts';
import { extractClaims, type SentenceSplitter } from './claims/extract.ts';
import type { CompiledRules } from './claims/rules.ts';

export type ClaimRow = RowOf<typeof claimsSpec>;
export type ParagraphInput = Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'text'> & { heading: string | null; part: string | null };
export type MentionInput = Pick<RowOf<typeof mentionsSpec>, 'doc_id' | 'para_no' | 'in_footnote' | 'mechanism_id' | 'surface' | 'char_start' | 'char_end'>;

/** Report part → claim part. Parts not listed make no claims; a paragraph no heading assigns a part (another document than A/HRC/14/32) is 'body'. */
export const CLAIM_PART_OF: Readonly<Record<string, ClaimRow['part']>> = {
  description: 'description',
  achievements: 'achievement',
  challenges: 'challenge',
};

/** Parts whose thematic heading gives a theme. */
const HEADING_PARTS = new Set(['achievement', 'challenge']);

export function claimsOf(paras: readonly ParagraphInput[], mentions: readonly MentionInput[], rules: CompiledRules, split?: SentenceSplitter): ClaimRow[] {
  const byPara = new Map<string, MentionInput[]>();
  for (const m of mentions) {
    if (m.in_footnote) continue;
    const k = `${m.doc_id}\u0000${m.para_no}`;
    let list = byPara.get(k);
    if (!list) byPara.set(k, (list = []));
    list.push(m);
  }
  const out: ClaimRow[] = [];
  const known = new Set<string>();
  for (const p of paras) {
    known.add(`${p.doc_id}\u0000${p.para_no}`);
    const part = p.part === null ? 'body' : CLAIM_PART_OF[p.part];
    const ms = byPara.get(`${p.doc_id}\u0000${p.para_no}`);
    if (!part || !ms) continue;
    for (const c of extractClaims({ text: p.text, heading: p.heading, heading_gives_theme: HEADING_PARTS.has(part) }, ms, rules, split)) {
      const row = c as ClaimRow; // the claim becomes the row: no copy of 300,000 objects at 1,000 documents
      row.doc_id = p.doc_id;
      row.para_no = p.para_no;
      row.part = part;
      out.push(row);
    }
  }
  for (const k of byPara.keys()) {
    if (known.has(k)) continue;
    const [doc, no] = k.split('\u0000');
    throw new AtlasError(`mention in paragraph ${no} of ${doc}, which is not among the paragraphs`, { stage: 'extract-claims', record: `${doc} para ${no}` });
  }
  return out;
}
