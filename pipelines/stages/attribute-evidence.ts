/**
 * Attribute evidence: for every paragraph of the description, achievements,
 * challenges and recommendations parts, the passage the paragraph body devotes
 * to each mechanism it names, with the theme(s) it is evidence for.
 *
 * - Only paragraph-body mentions count; footnote mentions never make evidence.
 * - Passage of mechanism m in paragraph p: every sentence naming m, plus the
 *   sentences after it that name no mechanism, until a sentence names another
 *   (pipelines/text/attribution.ts). The quote is the passage's sentences joined
 *   by a space.
 * - Theme: achievements and challenges paragraphs take the theme whose headings
 *   contain the paragraph's thematic heading (theme_source 'heading').
 *   Description paragraphs, and achievements/challenges paragraphs printed before
 *   the first thematic heading (34, 96), take every theme one of whose keywords
 *   matches the passage (theme_source 'keyword:<keyword>', the first keyword of
 *   the theme's list that matches); no keyword, no row. Recommendations take the
 *   themes listed for the paragraph in recommendation_themes ('recommendation').
 */
import type { RowOf } from '../catalog/types.ts';
import type { paragraphs } from '../catalog/report.ts';
import type { recommendation_themes, themes } from '../catalog/registry.ts';
import type { evidence as evidenceSpec, mentions as mentionsSpec } from '../catalog/evidence.ts';
import { AtlasError } from '../lib/errors.ts';
import { attributeSentences, passagesByMechanism, type AttributedSentence } from '../text/attribution.ts';

export type EvidenceRow = RowOf<typeof evidenceSpec>;
export type MentionInput = Pick<RowOf<typeof mentionsSpec>, 'doc_id' | 'para_no' | 'in_footnote' | 'mechanism_id' | 'char_start' | 'char_end'>;
export type ParagraphInput = Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'part' | 'text'> & { heading: string | null };
/** A theme row; `keywords` (case-insensitive regular expressions from data/registry/themes.yaml) drive description paragraphs. */
export type ThemeInput = Pick<RowOf<typeof themes>, 'theme_id' | 'headings'> & { keywords?: readonly string[] | null };
export type RecommendationThemeInput = Pick<RowOf<typeof recommendation_themes>, 'para_no' | 'theme_id'>;

const STAGE = 'attribute-evidence';

/** Report part → evidence part. Parts not listed make no evidence. */
export const EVIDENCE_PART_OF: Readonly<Record<string, EvidenceRow['part']>> = {
  description: 'description',
  achievements: 'achievement',
  challenges: 'challenge',
  recommendations: 'recommendation',
};

/** Attach keyword cues given as separate rows (loadRegistry's extra.theme_keywords) to the theme rows, keeping their order. */
export function withKeywords<T extends Pick<ThemeInput, 'theme_id' | 'headings'>>(
  themeRows: readonly T[], keywords: readonly { theme_id: string; pattern: string }[],
): (T & { keywords: string[] })[] {
  const ids = new Set(themeRows.map((t) => t.theme_id));
  for (const k of keywords) {
    if (!ids.has(k.theme_id)) throw new AtlasError(`keyword ${JSON.stringify(k.pattern)} names unknown theme ${k.theme_id}`, { stage: STAGE, record: k.theme_id });
  }
  return themeRows.map((t) => ({ ...t, keywords: keywords.filter((k) => k.theme_id === t.theme_id).map((k) => k.pattern) }));
}

export function normalizeHeading(h: string): string {
  return h.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ').trim().toLowerCase();
}

interface CompiledTheme {
  theme_id: string;
  keywords: { source: string; re: RegExp }[];
  /**
   * All the theme's keywords as one alternation, or null when they cannot be
   * combined safely (back-references, named groups). It matches exactly when one
   * of the keywords does, so one test rules out a theme instead of one per keyword.
   */
  any: RegExp | null;
}

/** Patterns whose meaning could change inside a larger alternation. */
const NOT_COMBINABLE = /\\[1-9]|\\k<|\(\?<[^=!]/;

export function compileThemeKeywords(themeRows: readonly ThemeInput[]): CompiledTheme[] {
  return themeRows.map((t) => {
    const keywords = (t.keywords ?? []).map((k) => {
      try {
        return { source: k, re: new RegExp(k, 'i') };
      } catch (e) {
        throw new AtlasError(`keyword ${JSON.stringify(k)} is not a valid regular expression: ${(e as Error).message}`, {
          file: 'data/registry/themes.yaml', record: t.theme_id, field: 'keywords', stage: STAGE,
        });
      }
    });
    const any = keywords.length > 1 && !keywords.some((k) => NOT_COMBINABLE.test(k.source))
      ? new RegExp(keywords.map((k) => `(?:${k.source})`).join('|'), 'i') : null;
    return { theme_id: t.theme_id, keywords, any };
  });
}

/** The first keyword of the theme (in list order) that matches the text, or undefined. */
function firstKeyword(t: CompiledTheme, text: string): { source: string; re: RegExp } | undefined {
  if (t.any && !t.any.test(text)) return undefined;
  for (const k of t.keywords) if (k.re.test(text)) return k;
  return undefined;
}

/** Key "doc_id\u0000para_no" → body mentions of that paragraph. */
export function bodyMentionsByParagraph<M extends MentionInput>(mentions: readonly M[]): Map<string, M[]> {
  const by = new Map<string, M[]>();
  for (const m of mentions) {
    if (m.in_footnote) continue;
    const k = `${m.doc_id}\u0000${m.para_no}`;
    let list = by.get(k);
    if (!list) by.set(k, (list = []));
    list.push(m);
  }
  return by;
}

export function quoteOf(sentences: readonly AttributedSentence[]): string {
  return sentences.map((s) => s.text).join(' ');
}

export function attributeEvidence(
  paras: readonly ParagraphInput[],
  mentions: readonly MentionInput[],
  themeRows: readonly ThemeInput[],
  recommendationThemes: readonly RecommendationThemeInput[],
  /**
   * Documents the curated recommendation themes and thematic headings were
   * written for (A/HRC/14/32). When given, a recommendation of another document
   * makes no evidence (it has no curated themes) and another document's heading
   * unknown to the themes falls back to the keywords. Undefined: every document.
   */
  curatedDocs?: ReadonlySet<string>,
): EvidenceRow[] {
  const compiled = compileThemeKeywords(themeRows);
  const byHeading = new Map<string, string[]>();
  for (const t of themeRows) {
    for (const h of t.headings ?? []) {
      const k = normalizeHeading(h);
      const list = byHeading.get(k) ?? [];
      if (!list.includes(t.theme_id)) list.push(t.theme_id);
      byHeading.set(k, list);
    }
  }
  const themeIds = new Set(themeRows.map((t) => t.theme_id));
  const recThemes = new Map<number, string[]>();
  for (const r of recommendationThemes) {
    if (!themeIds.has(r.theme_id)) {
      throw new AtlasError(`recommendation theme ${r.theme_id} is not a theme`, { stage: STAGE, record: `para ${r.para_no}`, field: 'theme_id' });
    }
    const list = recThemes.get(r.para_no) ?? [];
    if (!list.includes(r.theme_id)) list.push(r.theme_id);
    recThemes.set(r.para_no, list);
  }

  const byPara = bodyMentionsByParagraph(mentions);
  const known = new Set(paras.map((p) => `${p.doc_id}\u0000${p.para_no}`));
  for (const k of byPara.keys()) {
    if (!known.has(k)) {
      const [doc, no] = k.split('\u0000');
      throw new AtlasError(`mention in paragraph ${no} of ${doc}, which is not among the paragraphs`, { stage: STAGE, record: `${doc} para ${no}` });
    }
  }

  const out: EvidenceRow[] = [];
  // (doc, paragraph) → mechanism\u0000theme pairs already written
  const seenIn = new Map<string, Set<string>>();
  const headingThemes = new Map<string, string[] | undefined>(); // heading as printed → themes
  for (const p of paras) {
    const part = p.part === null ? undefined : EVIDENCE_PART_OF[p.part];
    if (!part) continue;
    const curated = !curatedDocs || curatedDocs.has(p.doc_id);
    if (part === 'recommendation' && !curated) continue;
    const ms = byPara.get(`${p.doc_id}\u0000${p.para_no}`);
    if (!ms || ms.length === 0) continue;
    const where = { stage: STAGE, record: `${p.doc_id} para ${p.para_no}` };
    const passages = passagesByMechanism(attributeSentences(p.text, ms));
    const paraKey = `${p.doc_id}\u0000${p.para_no}`;
    let seen = seenIn.get(paraKey);
    if (!seen) seenIn.set(paraKey, (seen = new Set()));

    for (const [mech, sentences] of passages) {
      const quote = quoteOf(sentences);
      const assigned: { theme_id: string; source: string }[] = [];
      if (part === 'recommendation') {
        const ts = recThemes.get(p.para_no);
        if (!ts || ts.length === 0) {
          throw new AtlasError(`recommendation names ${mech} but has no themes in recommendation_themes`, {
            ...where, file: 'data/registry/themes.yaml', hint: 'list the themes of this recommendation',
          });
        }
        for (const t of ts) assigned.push({ theme_id: t, source: 'recommendation' });
      } else if ((part === 'achievement' || part === 'challenge') && p.heading && (curated || byHeading.has(normalizeHeading(p.heading)))) {
        if (!headingThemes.has(p.heading)) headingThemes.set(p.heading, byHeading.get(normalizeHeading(p.heading)));
        const ts = headingThemes.get(p.heading);
        if (!ts) {
          throw new AtlasError(`thematic heading "${p.heading}" belongs to no theme`, {
            ...where, file: 'data/registry/themes.yaml', field: 'headings', hint: 'add the heading to the headings of a theme',
          });
        }
        for (const t of ts) assigned.push({ theme_id: t, source: 'heading' });
      } else {
        for (const t of compiled) {
          const kw = firstKeyword(t, quote);
          if (kw) assigned.push({ theme_id: t.theme_id, source: `keyword:${kw.source}` });
        }
      }
      for (const a of assigned) {
        const key = `${mech}\u0000${a.theme_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          doc_id: p.doc_id, mechanism_id: mech, theme_id: a.theme_id, para_no: p.para_no,
          part, theme_source: a.source, quote,
        });
      }
    }
  }
  return out;
}
