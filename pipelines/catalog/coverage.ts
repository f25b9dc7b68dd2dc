import { col, type TableSpec } from './types.ts';

/** Final tables computed in SQL (pipelines/sql/final). */

const TRI = ['true', 'false', 'unknown'] as const;

export const coverage_mechanism_theme = {
  name: 'coverage_mechanism_theme', layer: 'reporting',
  description: 'Which mechanism addresses which theme, with the paragraphs that say so; zeros included.',
  grain: 'One row per mechanism × theme (full cross product).',
  key: ['mechanism_id', 'theme_id'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('region', 'VARCHAR', 'Region of the mechanism'),
    col('theme_id', 'VARCHAR', 'Theme'),
    col('theme_label', 'VARCHAR', 'Theme label'),
    col('pillar', 'VARCHAR', 'Pillar of the theme'),
    col('n_paragraphs', 'INTEGER', 'Distinct paragraphs with evidence'),
    col('paragraphs', 'INTEGER[]', 'Those paragraphs, ascending'),
    col('covered', 'BOOLEAN', 'n_paragraphs > 0'),
  ],
} as const satisfies TableSpec;

export const coverage_region_theme = {
  name: 'coverage_region_theme', layer: 'reporting',
  description: 'How many mechanisms of each region address each theme.',
  grain: 'One row per region × theme (full cross product).',
  key: ['region', 'theme_id'],
  columns: [
    col('region', 'VARCHAR', 'Region'),
    col('theme_id', 'VARCHAR', 'Theme'),
    col('theme_label', 'VARCHAR', 'Theme label'),
    col('pillar', 'VARCHAR', 'Pillar of the theme'),
    col('n_mechanisms', 'INTEGER', 'Mechanisms of the region with evidence for the theme'),
    col('n_mechanisms_in_region', 'INTEGER', 'Mechanisms of the region in the registry'),
    col('share', 'DOUBLE', 'n_mechanisms / n_mechanisms_in_region'),
    col('mechanisms', 'VARCHAR[]', 'Ids of the mechanisms with evidence, sorted'),
    col('paragraphs', 'INTEGER[]', 'Paragraphs with evidence, ascending'),
  ],
} as const satisfies TableSpec;

export const gender_inclusion = {
  name: 'gender_inclusion', layer: 'reporting',
  description: 'Whether each mechanism addresses men and boys, gender mainstreaming and children, with the supporting paragraphs.',
  grain: 'One row per mechanism.',
  key: ['mechanism_id'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('region', 'VARCHAR', 'Region'),
    col('main_instrument', 'VARCHAR', 'Reference instrument', { nullable: true }),
    col('personal_scope', 'VARCHAR', 'Personal scope of the reference instrument'),
    col('personal_scope_paragraphs', 'INTEGER[]', 'Paragraphs describing the instrument'),
    col('men_and_boys', 'VARCHAR', 'Addresses men and boys as victims', { accepted: TRI }),
    col('men_and_boys_paragraphs', 'INTEGER[]', 'Supporting paragraphs'),
    col('gender_mainstreaming', 'VARCHAR', 'Gender perspective or mainstreaming measures', { accepted: TRI }),
    col('gender_mainstreaming_paragraphs', 'INTEGER[]', 'Supporting paragraphs'),
    col('child_specific', 'VARCHAR', 'Child-specific measures', { accepted: TRI }),
    col('child_specific_paragraphs', 'INTEGER[]', 'Supporting paragraphs'),
  ],
} as const satisfies TableSpec;

export const gender_inclusion_region = {
  name: 'gender_inclusion_region', layer: 'reporting',
  description: 'Region-level summary of gender_inclusion.',
  grain: 'One row per region.',
  key: ['region'],
  columns: [
    col('region', 'VARCHAR', 'Region'),
    col('n_mechanisms', 'INTEGER', 'Mechanisms in the region'),
    col('n_men_and_boys', 'INTEGER', 'Mechanisms addressing men and boys'),
    col('n_women_and_children_only', 'INTEGER', 'Mechanisms whose reference instrument covers women and children only'),
    col('n_gender_mainstreaming', 'INTEGER', 'Mechanisms with gender mainstreaming evidence'),
    col('n_child_specific', 'INTEGER', 'Mechanisms with child-specific evidence'),
    col('paragraphs', 'INTEGER[]', 'Paragraphs behind the counts'),
  ],
} as const satisfies TableSpec;

export const REDRESS_ELEMENTS = ['legal_remedies', 'compensation', 'asset_confiscation', 'free_legal_aid', 'witness_protection', 'compensation_fund'] as const;

export const redress = {
  name: 'redress', layer: 'reporting',
  description: 'Redress elements each mechanism addresses, with the paragraphs that say so.',
  grain: 'One row per mechanism.',
  key: ['mechanism_id'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('region', 'VARCHAR', 'Region'),
    ...REDRESS_ELEMENTS.flatMap((e) => [
      col(e, 'BOOLEAN', `Addresses ${e.replaceAll('_', ' ')}`),
      col(`${e}_paragraphs`, 'INTEGER[]', `Paragraphs on ${e.replaceAll('_', ' ')}`),
    ]),
    col('n_elements', 'INTEGER', 'Redress elements addressed'),
    col('addresses_redress', 'BOOLEAN', 'At least one element addressed'),
    col('paragraphs', 'INTEGER[]', 'All paragraphs behind the row'),
  ],
} as const satisfies TableSpec;

export const recommendation_coverage = {
  name: 'recommendation_coverage', layer: 'reporting',
  description: 'Each recommendation with its themes and the mechanisms that already show evidence for them.',
  grain: 'One row per recommendation (paragraphs 106–137).',
  key: ['para_no'],
  columns: [
    col('para_no', 'INTEGER', 'Recommendation paragraph'),
    col('cluster', 'VARCHAR', 'Cluster letter', { nullable: true }),
    col('excerpt', 'VARCHAR', 'First words of the recommendation'),
    col('themes', 'VARCHAR[]', 'Themes of the recommendation'),
    col('n_mechanisms', 'INTEGER', 'Mechanisms with evidence for any of those themes'),
    col('mechanisms', 'VARCHAR[]', 'Those mechanisms'),
    col('evidence_paragraphs', 'INTEGER[]', 'Paragraphs of that evidence'),
  ],
} as const satisfies TableSpec;

export const GAP_KINDS = ['few_mechanisms', 'thin_region', 'no_response', 'missing_data_collection', 'group_left_out', 'redress'] as const;

export const data_gaps = {
  name: 'data_gaps', layer: 'reporting',
  description: "Data-gap findings computed from the coverage tables, each with a plain-language statement and its citations.",
  grain: 'One row per finding.',
  key: ['finding_id'],
  columns: [
    col('finding_id', 'VARCHAR', 'Stable id: kind and subject'),
    col('kind', 'VARCHAR', 'Kind of finding', { accepted: GAP_KINDS }),
    col('subject', 'VARCHAR', 'Theme, region, group or mechanism the finding is about'),
    col('value', 'INTEGER', 'The count'),
    col('denominator', 'INTEGER', 'What it is counted out of'),
    col('statement', 'VARCHAR', 'Generated plain-language statement'),
    col('citations', 'INTEGER[]', 'Paragraph numbers, ascending'),
  ],
} as const satisfies TableSpec;
