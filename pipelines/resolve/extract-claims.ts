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
import { ParagraphMemo } from './claims/paragraph-memo.ts';
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
  // body mentions by document and paragraph (nested maps: no key string built per mention)
  const byDoc = new Map<string, Map<number, MentionInput[]>>();
  for (const m of mentions) {
    if (m.in_footnote) continue;
    let byPara = byDoc.get(m.doc_id);
    if (!byPara) byDoc.set(m.doc_id, (byPara = new Map()));
    const list = byPara.get(m.para_no);
    if (list) list.push(m);
    else byPara.set(m.para_no, [m]);
  }
  const out: ClaimRow[] = [];
  const seen = new ParagraphMemo<ClaimRow[]>();
  for (const p of paras) {
    const byPara = byDoc.get(p.doc_id);
    const ms = byPara?.get(p.para_no);
    if (!ms) continue;
    byPara!.delete(p.para_no); // what is left at the end names no paragraph
    const part = p.part === null ? 'body' : CLAIM_PART_OF[p.part];
    if (!part) continue;
    const para = { text: p.text, heading: p.heading, heading_gives_theme: HEADING_PARTS.has(part) };
    const again = seen.get(para, ms);
    if (again) {
      // the same paragraph met again: its claims are the same, in this document and paragraph
      for (const c of again) {
        // an object literal with the fields in the order extractClaims makes them: one object shape for every row
        out.push({
          sentence_no: c.sentence_no, sentence: c.sentence, mechanism_id: c.mechanism_id, role: c.role, via: c.via, surface: c.surface,
          char_start: c.char_start, char_end: c.char_end, themes: c.themes, theme_sources: c.theme_sources,
          doc_id: p.doc_id, para_no: p.para_no, part,
        });
      }
      continue;
    }
    const claims = extractClaims(para, ms, rules, split) as ClaimRow[];
    for (const row of claims) { // the claim becomes the row: no copy of 300,000 objects at 1,000 documents
      row.doc_id = p.doc_id;
      row.para_no = p.para_no;
      row.part = part;
      out.push(row);
    }
    seen.set(para, ms, claims);
  }
  for (const [doc, byPara] of byDoc) {
    for (const no of byPara.keys()) {
      throw new AtlasError(`mention in paragraph ${no} of ${doc}, which is not among the paragraphs`, { stage: 'extract-claims', record: `${doc} para ${no}` });
    }
  }
  return out;
}
