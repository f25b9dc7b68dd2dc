import { col, type TableSpec } from './types.ts';
import { CLAIM_PARTS, CLAIM_ROLES } from './evidence.ts';

/**
 * Named views (pipelines/sql/final/*_named.sql): tables whose rows carry only ids, with the
 * names a reader of a spreadsheet needs beside them (mechanism acronym and name, theme label,
 * document symbol and the citation). Same rows and key as the table they name. Views in
 * atlas.duckdb (TableSpec.view): the names are put beside the ids when a view is read or exported.
 */

export const evidence_named = {
  name: 'evidence_named', layer: 'reporting', view: true,
  description: 'evidence with names beside the ids: document symbol and citation, mechanism acronym and name, theme label and pillar. Only rows with is_counted (role actor) count toward coverage.',
  grain: 'One row per document × mechanism × theme × paragraph × role (as evidence).',
  key: ['doc_id', 'mechanism_id', 'theme_id', 'para_no', 'role'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('symbol', 'VARCHAR', 'UN document symbol'),
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('mechanism_name', 'VARCHAR', 'Full name of the mechanism'),
    col('mechanism_region', 'VARCHAR', 'Region of the mechanism'),
    col('theme_id', 'VARCHAR', 'Theme'),
    col('theme_label', 'VARCHAR', 'Theme label'),
    col('pillar', 'VARCHAR', 'Pillar of the theme'),
    col('para_no', 'INTEGER', 'Paragraph'),
    col('citation', 'VARCHAR', 'Citation of the paragraph ("A/HRC/14/32, para. 88")'),
    col('role', 'VARCHAR', 'Role of the mechanism in the claims (see claims.role)', { accepted: CLAIM_ROLES }),
    col('is_counted', 'BOOLEAN', 'role = actor: the only rows the coverage tables count'),
    col('part', 'VARCHAR', 'Part of the report', { accepted: CLAIM_PARTS }),
    col('theme_source', 'VARCHAR', 'How the theme was assigned: heading, or cue:<pattern>'),
    col('sentence', 'VARCHAR', 'The first sentence of the claims'),
    col('quote', 'VARCHAR', 'Every sentence of the claims, in text order'),
  ],
} as const satisfies TableSpec;

export const claims_named = {
  name: 'claims_named', layer: 'reporting', view: true,
  description: 'claims with names beside the ids: document symbol and citation, mechanism acronym and name, and the labels of the themes. Only rows with is_counted (role actor) count toward coverage.',
  grain: 'One row per document × paragraph × mention or continuing sentence × mechanism (as claims).',
  key: ['doc_id', 'para_no', 'char_start', 'mechanism_id'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('symbol', 'VARCHAR', 'UN document symbol'),
    col('para_no', 'INTEGER', 'Paragraph'),
    col('citation', 'VARCHAR', 'Citation of the paragraph ("A/HRC/14/32, para. 88")'),
    col('part', 'VARCHAR', 'Part of the report', { accepted: CLAIM_PARTS }),
    col('sentence_no', 'INTEGER', 'Sentence of the paragraph (from 1)'),
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('mechanism_name', 'VARCHAR', 'Full name of the mechanism'),
    col('role', 'VARCHAR', 'actor, lacking, comparison, participant or passing (see claims.role)', { accepted: CLAIM_ROLES }),
    col('is_counted', 'BOOLEAN', 'role = actor: the only claims the coverage tables count'),
    col('via', 'VARCHAR', 'mention (the sentence names it) or continuation (the sentence continues it)', { accepted: ['mention', 'continuation'] }),
    col('surface', 'VARCHAR', 'The words that refer to the mechanism'),
    col('char_start', 'INTEGER', 'Offset of those words in the paragraph text (UTF-16 units)'),
    col('char_end', 'INTEGER', 'End offset (exclusive)'),
    col('sentence', 'VARCHAR', 'The sentence'),
    col('themes', 'VARCHAR[]', 'Theme ids of the activity'),
    col('theme_labels', 'VARCHAR[]', 'Their labels, in the same order'),
    col('theme_sources', 'VARCHAR[]', 'Per theme: heading, or cue:<pattern>'),
  ],
} as const satisfies TableSpec;

export const ask_claims_named = {
  name: 'ask_claims_named', layer: 'reporting', view: true,
  description: 'ask_claims with names beside the ids: the recommendation and the words of its ask, the mechanism acronym and name, the citation.',
  grain: 'One row per document × ask × mechanism × paragraph (as ask_claims).',
  key: ['doc_id', 'ask_id', 'mechanism_id', 'para_no'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('symbol', 'VARCHAR', 'UN document symbol'),
    col('recommendation_id', 'VARCHAR', 'Recommendation: its paragraph number, or g'),
    col('ask_id', 'VARCHAR', 'Ask: <recommendation>.<n>'),
    col('ask_text', 'VARCHAR', 'The words that make the ask'),
    col('addressee', 'VARCHAR', 'Who the ask addresses'),
    col('mechanism_id', 'VARCHAR', 'Mechanism described doing it'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('mechanism_name', 'VARCHAR', 'Full name of the mechanism'),
    col('mechanism_region', 'VARCHAR', 'Region of the mechanism'),
    col('para_no', 'INTEGER', 'Paragraph'),
    col('citation', 'VARCHAR', 'Citation of the paragraph ("A/HRC/14/32, para. 88")'),
    col('sentence', 'VARCHAR', 'The first sentence of the paragraph that does it'),
    col('cue', 'VARCHAR', 'The cue that matched'),
  ],
} as const satisfies TableSpec;
