import { col, type TableSpec } from './types.ts';

/** Tables derived from the text through the registry (stages: resolve-mentions, attribute-evidence, collect-data-records). */

export const EVIDENCE_PARTS = ['description', 'achievement', 'challenge', 'recommendation', 'other'] as const;

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

export const evidence = {
  name: 'evidence', layer: 'primary',
  description: 'What the report says a mechanism does, by theme: the passage attributed to the mechanism in a paragraph body.',
  grain: 'One row per document × mechanism × theme × paragraph.',
  key: ['doc_id', 'mechanism_id', 'theme_id', 'para_no'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('theme_id', 'VARCHAR', 'Theme'),
    col('para_no', 'INTEGER', 'Paragraph'),
    col('part', 'VARCHAR', 'Part of the report', { accepted: EVIDENCE_PARTS }),
    col('theme_source', 'VARCHAR', 'How the theme was assigned: heading, or keyword:<cue> for description paragraphs'),
    col('quote', 'VARCHAR', 'The sentence or sentences that name the mechanism, with the sentences that continue them'),
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
