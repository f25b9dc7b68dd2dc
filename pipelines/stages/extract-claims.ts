/**
 * Extract claims: for every paragraph of the description, achievements and
 * challenges parts, what each sentence says about each mechanism it names or
 * continues (pipelines/text/claims/extract.ts), and the evidence rows those
 * claims make: one per document × mechanism × theme × paragraph × role.
 * Only `actor` evidence counts toward coverage; `lacking` rows are gaps in the
 * report's own words. Recommendations are asks, not claims.
 */
import type { RowOf } from '../catalog/types.ts';
import type { paragraphs } from '../catalog/report.ts';
import type { claims as claimsSpec, evidence as evidenceSpec, mentions as mentionsSpec } from '../catalog/evidence.ts';
import { AtlasError } from '../lib/errors.ts';
import { extractClaims, type SentenceSplitter } from '../text/claims/extract.ts';
import type { CompiledRules } from '../text/claims/rules.ts';

export type ClaimRow = RowOf<typeof claimsSpec>;
export type EvidenceRow = RowOf<typeof evidenceSpec>;
export type ParagraphInput = Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'part' | 'text'> & { heading: string | null };
export type MentionInput = Pick<RowOf<typeof mentionsSpec>, 'doc_id' | 'para_no' | 'in_footnote' | 'mechanism_id' | 'surface' | 'char_start' | 'char_end'>;

/** Report part → claim part. Parts not listed make no claims. */
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
  for (const p of paras) {
    const part = CLAIM_PART_OF[p.part];
    const ms = byPara.get(`${p.doc_id}\u0000${p.para_no}`);
    if (!part || !ms) continue;
    for (const c of extractClaims({ text: p.text, heading: p.heading, heading_gives_theme: HEADING_PARTS.has(part) }, ms, rules, split)) {
      out.push({ doc_id: p.doc_id, para_no: p.para_no, part, ...c });
    }
  }
  return out;
}

/** Claims → evidence: one row per document × mechanism × theme × paragraph × role; the quote joins the claims' sentences. */
export function evidenceOf(claimRows: readonly ClaimRow[]): EvidenceRow[] {
  const by = new Map<string, { row: EvidenceRow; sentences: string[] }>();
  for (const c of claimRows) {
    c.themes.forEach((theme_id, k) => {
      const key = [c.doc_id, c.mechanism_id, theme_id, c.para_no, c.role].join('\u0000');
      const e = by.get(key);
      if (e) {
        if (!e.sentences.includes(c.sentence)) e.sentences.push(c.sentence);
        return;
      }
      by.set(key, {
        row: {
          doc_id: c.doc_id, mechanism_id: c.mechanism_id, theme_id, para_no: c.para_no, role: c.role, part: c.part,
          theme_source: c.theme_sources[k], sentence: c.sentence, quote: '',
        },
        sentences: [c.sentence],
      });
    });
  }
  return [...by.values()].map(({ row, sentences }) => ({ ...row, quote: sentences.join(' ') }));
}

export function checkMentionsKnown(paras: readonly { doc_id: string; para_no: number }[], mentions: readonly MentionInput[]): void {
  const known = new Set(paras.map((p) => `${p.doc_id}\u0000${p.para_no}`));
  for (const m of mentions) {
    if (!m.in_footnote && !known.has(`${m.doc_id}\u0000${m.para_no}`)) {
      throw new AtlasError(`mention in paragraph ${m.para_no} of ${m.doc_id}, which is not among the paragraphs`, { stage: 'extract-claims', record: `${m.doc_id} para ${m.para_no}` });
    }
  }
}
