import { col, type TableSpec } from './types.ts';

/** Tables derived from the text through the registry (stages: resolve-mentions, extract-claims, collect-data-requests, collect-data-initiatives, match-asks). */

export const mentions = {
  name: 'mentions', layer: 'intermediate',
  description: 'Every occurrence of a registry reference in paragraphs and footnotes, resolved to its mechanism.',
  grain: 'One row per document × paragraph or footnote × matched span.',
  key: ['doc_id', 'para_no', 'in_footnote', 'note_no', 'char_start'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('para_no', 'INTEGER', 'Paragraph (for a footnote: the paragraph carrying its marker)'),
    col('in_footnote', 'BOOLEAN', 'Found in a footnote rather than the paragraph body'),
    col('note_no', 'INTEGER', 'Footnote number (0 in a paragraph body)'),
    col('mechanism_id', 'VARCHAR', 'Mechanism the reference resolves to'),
    col('surface', 'VARCHAR', 'Exact text matched'),
    col('ref_kind', 'VARCHAR', 'Kind of reference matched'),
    col('char_start', 'INTEGER', 'Offset of the match in the paragraph or footnote text (UTF-16 units)'),
    col('char_end', 'INTEGER', 'End offset (exclusive)'),
  ],
} as const satisfies TableSpec;

export const unresolved_acronyms = {
  name: 'unresolved_acronyms', layer: 'intermediate',
  description: 'Acronyms in the text that resolve to no mechanism and are not listed as known non-regional bodies.',
  grain: 'One row per document × acronym.',
  key: ['doc_id', 'acronym'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('acronym', 'VARCHAR', 'Acronym as printed'),
    col('n_occurrences', 'INTEGER', 'Times it occurs'),
    col('paragraphs', 'INTEGER[]', 'Paragraphs where it occurs'),
  ],
} as const satisfies TableSpec;

/** Parts of A/HRC/14/32 that make claims, and 'body' for a paragraph of another document (no part named). */
export const CLAIM_PARTS = ['description', 'achievement', 'challenge', 'body'] as const;
export const CLAIM_ROLES = ['actor', 'lacking', 'comparison', 'participant', 'passing'] as const;

/**
 * What counts toward coverage: the report describes the mechanism doing the activity (actor).
 * The SQL models use the macro is_counted (sql/macros.sql); a test checks the two agree.
 */
export function isCounted(role: string): boolean {
  return role === 'actor';
}

/** The first columns of claims and claim_spans: where the claim is, about whom, and what role it gives them. */
const CLAIM_WHO = [
  col('doc_id', 'VARCHAR', 'Document id'),
  col('para_no', 'INTEGER', 'Paragraph'),
  col('part', 'VARCHAR', 'Part of the report', { accepted: CLAIM_PARTS }),
  col('sentence_no', 'INTEGER', 'Sentence of the paragraph (from 1)'),
  col('mechanism_id', 'VARCHAR', 'Mechanism'),
  col('role', 'VARCHAR', 'actor (described doing it), lacking (said to lack or fail), comparison (a yardstick), participant (in another body\'s act), passing (named, no activity)', { accepted: CLAIM_ROLES }),
  col('via', 'VARCHAR', 'mention (the sentence names it) or continuation (the sentence continues it: "It", "This plan")', { accepted: ['mention', 'continuation'] }),
] as const;

export const claim_spans = {
  name: 'claim_spans', layer: 'intermediate', export: false,
  description: 'The claims as extract-claims finds them, with offsets instead of words: the SQL model claims slices the sentence and the surface from the paragraph text and takes the themes from claim_theme_sets; evidence groups these offsets by theme and slices only the quotes it keeps. (Writing 300,000 sentences at 1,000 documents from JavaScript cost more than finding the claims.)',
  grain: 'One row per document × paragraph × mention or continuing sentence × mechanism.',
  key: ['doc_id', 'para_no', 'char_start', 'mechanism_id'],
  columns: [
    // its strings are a few hundred distinct values over 300,000 rows at 1,000 documents: codes
    ...CLAIM_WHO.map((c) => (c.type === 'VARCHAR' ? { ...c, dictionary: true } : c)),
    col('char_start', 'INTEGER', 'Offset of the words that refer to the mechanism in the paragraph text (UTF-16 units)'),
    col('char_end', 'INTEGER', 'End offset (exclusive)'),
    col('sentence_start', 'INTEGER', 'Offset of the sentence in the paragraph text (UTF-16 units)'),
    col('sentence_end', 'INTEGER', 'End offset of the sentence (exclusive)'),
    col('theme_set', 'INTEGER', 'The claim\'s themes: a row of claim_theme_sets'),
    col('astral', 'BOOLEAN', 'Whether the paragraph text has a character outside the BMP, which counts two UTF-16 units but one DuckDB character (claims.sql then slices with utf16_slice)'),
  ],
} as const satisfies TableSpec;

export const claim_theme_sets = {
  name: 'claim_theme_sets', layer: 'intermediate', export: false,
  description: 'The distinct theme lists of the claims (a few hundred however many claims), numbered in the order the claims first use them.',
  grain: 'One row per distinct list of themes with their sources.',
  key: ['theme_set'],
  columns: [
    col('theme_set', 'INTEGER', 'Number of the list (from 0)'),
    col('themes', 'VARCHAR[]', 'See claims.themes'),
    col('theme_sources', 'VARCHAR[]', 'See claims.theme_sources'),
  ],
} as const satisfies TableSpec;

export const claims = {
  name: 'claims', layer: 'primary', view: true,
  description: 'What one sentence of the report says about one mechanism: the role the mechanism plays in it (only actor claims count toward coverage) and the themes of the activity.',
  grain: 'One row per document × paragraph × mention or continuing sentence × mechanism.',
  key: ['doc_id', 'para_no', 'char_start', 'mechanism_id'],
  columns: [
    ...CLAIM_WHO,
    col('surface', 'VARCHAR', 'The words that refer to the mechanism'),
    col('char_start', 'INTEGER', 'Offset of those words in the paragraph text (UTF-16 units)'),
    col('char_end', 'INTEGER', 'End offset (exclusive)'),
    col('sentence', 'VARCHAR', 'The sentence'),
    col('themes', 'VARCHAR[]', 'Themes of the activity: the heading\'s theme, then the themes whose cues the sentence matches'),
    col('theme_sources', 'VARCHAR[]', 'Per theme: heading, or cue:<pattern>'),
  ],
} as const satisfies TableSpec;

export const evidence = {
  name: 'evidence', layer: 'primary',
  description: 'Claims by theme: what the report says a mechanism does (role actor), lacks (lacking), or where it is only a yardstick, a participant or named in passing. Only actor rows count toward coverage.',
  grain: 'One row per document × mechanism × theme × paragraph × role.',
  key: ['doc_id', 'mechanism_id', 'theme_id', 'para_no', 'role'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('theme_id', 'VARCHAR', 'Theme'),
    col('para_no', 'INTEGER', 'Paragraph'),
    col('role', 'VARCHAR', 'Role of the mechanism in the claims (see claims.role)', { accepted: CLAIM_ROLES }),
    col('part', 'VARCHAR', 'Part of the report', { accepted: CLAIM_PARTS }),
    col('theme_source', 'VARCHAR', 'How the theme was assigned: heading, or cue:<pattern>'),
    col('sentence', 'VARCHAR', 'The first sentence of the claims'),
    col('quote', 'VARCHAR', 'Every sentence of the claims, in text order'),
  ],
} as const satisfies TableSpec;

export const recommendation_asks = {
  name: 'recommendation_asks', layer: 'primary',
  description: 'The asks of the recommendations of A/HRC/14/32, from data/registry/recommendation_asks.yaml.',
  grain: 'One row per recommendation × ask.',
  key: ['ask_id'],
  columns: [
    col('recommendation_id', 'VARCHAR', 'Recommendation: its paragraph number, or g'),
    col('ask_id', 'VARCHAR', 'Ask: <recommendation>.<n>'),
    col('cluster', 'VARCHAR', 'Cluster letter', { nullable: true }),
    col('cluster_text', 'VARCHAR', 'What the cluster\'s lead-in says (who is addressed, on what)', { nullable: true }),
    col('sort_order', 'INTEGER', 'Order in the report'),
    col('recommendation_text', 'VARCHAR', 'The recommendation, in full'),
    col('ask_text', 'VARCHAR', 'The words that make this ask'),
    col('addressee', 'VARCHAR', 'Who the ask addresses'),
  ],
} as const satisfies TableSpec;

export const ask_claims = {
  name: 'ask_claims', layer: 'primary',
  description: 'Actor claims that do what an ask asks: the ask\'s cue found in the claim\'s sentence.',
  grain: 'One row per document × ask × mechanism × paragraph.',
  key: ['doc_id', 'ask_id', 'mechanism_id', 'para_no'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('ask_id', 'VARCHAR', 'Ask'),
    col('mechanism_id', 'VARCHAR', 'Mechanism described doing it'),
    col('para_no', 'INTEGER', 'Paragraph'),
    col('sentence_no', 'INTEGER', 'The first sentence of the paragraph that does it (from 1); its words are in claims.sentence and ask_claims_named.sentence'),
    col('cue', 'VARCHAR', 'The cue that matched'),
  ],
} as const satisfies TableSpec;

export const data_requests = {
  name: 'data_requests', layer: 'primary',
  description: "Organisations the Special Rapporteur asked for information (paragraph 3) and whether they answered.",
  grain: 'One row per document × organisation asked.',
  key: ['doc_id', 'mechanism_id'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('mechanism_id', 'VARCHAR', 'Organisation asked'),
    col('name_in_text', 'VARCHAR', 'Name as printed in the list'),
    col('region', 'VARCHAR', 'Region of the organisation'),
    col('responded', 'BOOLEAN', 'Thanked for a response (true) or listed as not yet responding (false)'),
    col('para_no', 'INTEGER', 'Paragraph that says so'),
    col('quote', 'VARCHAR', 'The clause of the paragraph that lists it'),
  ],
} as const satisfies TableSpec;

export const data_collection_initiatives = {
  name: 'data_collection_initiatives', layer: 'primary',
  description: 'Data-collection and information-exchange activities attributed to mechanisms, and statements about the lack of data.',
  grain: 'One row per document × paragraph × statement.',
  key: ['doc_id', 'initiative_id'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('initiative_id', 'VARCHAR', 'Stable id: paragraph and sentence number'),
    col('kind', 'VARCHAR', 'initiative (an activity) or gap (a statement on missing data)', { accepted: ['initiative', 'gap'] }),
    col('mechanism_id', 'VARCHAR', 'Mechanism it is attributed to', { nullable: true }),
    col('description', 'VARCHAR', 'The sentence from the report'),
    col('year', 'INTEGER', 'Year given in the sentence', { nullable: true }),
    col('para_no', 'INTEGER', 'Paragraph'),
    col('cue', 'VARCHAR', 'Phrase that identified the statement'),
  ],
} as const satisfies TableSpec;

export const passage_cues = {
  name: 'passage_cues', layer: 'intermediate', export: false,
  description: "Gender and redress cues (data/registry/cues.yaml) found in a mechanism's evidence passage.",
  grain: 'One row per document × mechanism × paragraph × cue measure found.',
  key: ['doc_id', 'mechanism_id', 'para_no', 'measure'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('para_no', 'INTEGER', 'Paragraph'),
    col('family', 'VARCHAR', 'gender or redress'),
    col('measure', 'VARCHAR', 'Measure detected'),
  ],
} as const satisfies TableSpec;
