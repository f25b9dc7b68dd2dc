import { CITES, col, type TableSpec } from './types.ts';

/** Staging and intermediate SQL models behind the final tables (not exported). */

export const stg_main_instruments = {
  name: 'stg_main_instruments', layer: 'staging', export: false,
  description: "Each mechanism's reference instrument.",
  grain: 'One row per mechanism that has a reference instrument.',
  key: ['mechanism_id'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('instrument_id', 'VARCHAR', 'Instrument'),
    col('instrument_name', 'VARCHAR', 'Name as the report gives it'),
    col('instrument_kind', 'VARCHAR', 'Kind of instrument'),
    col('year', 'INTEGER', 'Year adopted', { nullable: true }),
    col('legally_binding', 'BOOLEAN', 'Legally binding'),
    col('personal_scope', 'VARCHAR', 'Whom it protects'),
    col('paragraphs', 'INTEGER[]', 'Paragraphs of A/HRC/14/32 that describe it (the registry\'s)'),
    col('sources', CITES, 'The same keyed to A/HRC/14/32 in the corpus (empty when it is not in the corpus)'),
  ],
} as const satisfies TableSpec;

export const int_mechanism_theme = {
  name: 'int_mechanism_theme', layer: 'intermediate', export: false,
  description: 'Evidence rolled up to mechanism × theme (description, achievement and challenge paragraphs).',
  grain: 'One row per mechanism × theme with evidence.',
  key: ['mechanism_id', 'theme_id'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('theme_id', 'VARCHAR', 'Theme'),
    col('n_paragraphs', 'INTEGER', 'Distinct paragraphs (document × paragraph)'),
    col('paragraphs', 'INTEGER[]', 'Their numbers, by document then paragraph'),
    col('sources', CITES, 'The paragraphs, each with its document'),
  ],
} as const satisfies TableSpec;

export const int_passage_cues = {
  name: 'int_passage_cues', layer: 'intermediate', export: false,
  description: "Gender and redress cues found in each mechanism's evidence passages.",
  grain: 'One row per mechanism × cue measure found.',
  key: ['mechanism_id', 'measure'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('family', 'VARCHAR', 'gender or redress'),
    col('measure', 'VARCHAR', 'Measure detected'),
    col('paragraphs', 'INTEGER[]', 'Numbers of the paragraphs whose passage matched, by document then paragraph'),
    col('sources', CITES, 'The paragraphs, each with its document'),
  ],
} as const satisfies TableSpec;
