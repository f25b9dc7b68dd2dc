/**
 * Extract claims: for every paragraph of the description, achievements and
 * challenges parts, what each sentence says about each mechanism it names or
 * continues (pipelines/resolve/claims/extract.ts). They are written as offsets
 * (claim_spans, claim_theme_sets); the SQL model claims.sql puts the words back,
 * and evidence.sql groups the offsets by theme, then slices the quotes. Only
 * `actor` claims count toward coverage; `lacking` ones are gaps in the report's
 * own words. Recommendations are asks, not claims.
 */
import type { RowOf } from '../catalog/types.ts';
import type { paragraphs } from '../catalog/report.ts';
import type { claim_spans, claim_theme_sets, claims as claimsSpec, mentions as mentionsSpec } from '../catalog/evidence.ts';
import { AtlasError } from '../core/errors.ts';
import { extractClaims, type SentenceSplitter } from './claims/extract.ts';
import { ParagraphMemo } from './claims/paragraph-memo.ts';
import type { CompiledRules } from './claims/rules.ts';

/** A claim as a claim_spans row, with its words beside the offsets (the stage writes only the offsets; claims.sql slices the words back). */
export type ClaimRow = RowOf<typeof claim_spans> & Pick<RowOf<typeof claimsSpec>, 'sentence' | 'surface' | 'themes' | 'theme_sources'>;
export type ThemeSetRow = RowOf<typeof claim_theme_sets>;
export type ParagraphInput = Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'text'> & { heading: string | null; part: string | null };
export type MentionInput = Pick<RowOf<typeof mentionsSpec>, 'doc_id' | 'para_no' | 'in_footnote' | 'mechanism_id' | 'surface' | 'char_start' | 'char_end'>;

/** Report part → claim part. Parts not listed make no claims; a paragraph no heading assigns a part (another document than A/HRC/14/32) is 'body'. */
export const CLAIM_PART_OF: Readonly<Record<string, ClaimRow['part']>> = {
  description: 'description',
  achievements: 'achievement',
  challenges: 'challenge',
};

/**
 * A character outside the BMP (two UTF-16 units) in a paragraph: its offsets, in UTF-16 units, then
 * differ from DuckDB's character positions, and claims.sql slices it with care (utf16_slice).
 */
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Parts whose thematic heading gives a theme. */
const HEADING_PARTS = new Set(['achievement', 'challenge']);

/** The claims (claimsOf) as the stage writes them: spans numbering their theme lists, and those lists. */
export function claimTables(paras: readonly ParagraphInput[], mentions: readonly MentionInput[], rules: CompiledRules): { claim_spans: ClaimRow[]; claim_theme_sets: ThemeSetRow[] } {
  const themeSets = new ThemeSets();
  const claim_spans = claimsOf(paras, mentions, rules, undefined, themeSets);
  return { claim_spans, claim_theme_sets: themeSets.rows };
}

/**
 * Numbers the distinct theme lists (themes with their sources) in order of first use. The claims
 * of one sentence share one list object (extract.ts caches themes by sentence), so a list's content
 * is keyed once per object, not once per claim.
 */
export class ThemeSets {
  readonly rows: ThemeSetRow[] = [];
  /** By the sources list object, the themes list object it came with and their number. */
  private byObject = new Map<readonly string[], { themes: readonly string[]; n: number }>();
  private byContent = new Map<string, number>();

  numberOf(themes: string[], sources: string[]): number {
    const known = this.byObject.get(sources);
    if (known !== undefined && known.themes === themes) return known.n;
    const key = JSON.stringify([themes, sources]);
    let n = this.byContent.get(key);
    if (n === undefined) {
      n = this.rows.length;
      this.byContent.set(key, n);
      this.rows.push({ theme_set: n, themes, theme_sources: sources });
    }
    this.byObject.set(sources, { themes, n });
    return n;
  }
}

export function claimsOf(paras: readonly ParagraphInput[], mentions: readonly MentionInput[], rules: CompiledRules, split?: SentenceSplitter, themeSets = new ThemeSets()): ClaimRow[] {
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
          char_start: c.char_start, char_end: c.char_end, sentence_start: c.sentence_start, sentence_end: c.sentence_end,
          themes: c.themes, theme_sources: c.theme_sources, doc_id: p.doc_id, para_no: p.para_no, part, theme_set: c.theme_set, astral: c.astral,
        });
      }
      continue;
    }
    const claims = extractClaims(para, ms, rules, split) as ClaimRow[];
    const astral = HIGH_SURROGATE.test(p.text);
    for (const row of claims) { // the claim becomes the row: no copy of 300,000 objects at 1,000 documents
      row.doc_id = p.doc_id;
      row.para_no = p.para_no;
      row.part = part;
      row.theme_set = themeSets.numberOf(row.themes, row.theme_sources);
      row.astral = astral;
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
