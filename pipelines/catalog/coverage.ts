import { CITES, col, type TableSpec } from './types.ts';

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
    col('mechanism_name', 'VARCHAR', 'Full name of the mechanism'),
    col('region', 'VARCHAR', 'Region of the mechanism'),
    col('response_status', 'VARCHAR', "Answer to the Special Rapporteur's request for information (para. 3): a mechanism that did not respond may simply be undescribed"),
    col('theme_id', 'VARCHAR', 'Theme'),
    col('theme_label', 'VARCHAR', 'Theme label'),
    col('pillar', 'VARCHAR', 'Pillar of the theme'),
    col('n_paragraphs', 'INTEGER', 'Distinct paragraphs with evidence (document × paragraph)'),
    col('paragraphs', 'INTEGER[]', 'Their numbers, by document then paragraph (with one document: ascending)'),
    col('sources', CITES, 'The same paragraphs, each with its document (doc_id, para_no): the key to join on in a corpus'),
    col('cited', 'VARCHAR', 'Those paragraphs as a citation naming each one\'s document ("A/HRC/14/32, paras. 24, 62; A/HRC/14/37, para. 5"); null when there are none', { nullable: true }),
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
    col('n_not_responded', 'INTEGER', "Mechanisms of the region that did not respond to the request for information (para. 3)"),
    col('n_not_asked', 'INTEGER', 'Mechanisms of the region that were not asked (absent from para. 3)'),
    col('share', 'DOUBLE', 'n_mechanisms / n_mechanisms_in_region'),
    col('mechanisms', 'VARCHAR[]', 'Ids of the mechanisms with evidence, sorted'),
    col('paragraphs', 'INTEGER[]', 'Numbers of the paragraphs with evidence, by document then paragraph'),
    col('sources', CITES, 'The same paragraphs, each with its document (doc_id, para_no): the key to join on in a corpus'),
    col('cited', 'VARCHAR', 'Those paragraphs as a citation naming each one\'s document ("A/HRC/14/32, paras. 24, 62; A/HRC/14/37, para. 5"); null when there are none', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const gender_inclusion = {
  name: 'gender_inclusion', layer: 'reporting',
  description: 'Per mechanism: the personal scope of its main instrument, and apart from it whether the report describes it addressing men and boys (with the quote), gender mainstreaming and children.',
  grain: 'One row per mechanism.',
  key: ['mechanism_id'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('region', 'VARCHAR', 'Region'),
    col('response_status', 'VARCHAR', "Answer to the Special Rapporteur's request for information (para. 3)"),
    col('main_instrument', 'VARCHAR', 'Reference instrument', { nullable: true }),
    col('personal_scope', 'VARCHAR', 'Whom the reference instrument covers: all persons; all persons, especially women and children; women and children only; unknown'),
    col('personal_scope_paragraphs', 'INTEGER[]', 'Paragraphs of A/HRC/14/32 describing the instrument (the registry\'s)'),
    col('personal_scope_cited', 'VARCHAR', 'Their citation; null when A/HRC/14/32 is not in the corpus or no instrument is recorded', { nullable: true }),
    col('men_and_boys_explicit', 'VARCHAR', 'The report describes the mechanism addressing men or boys (yes), or says nothing of it (not stated)', { accepted: ['yes', 'not stated'] }),
    col('men_and_boys_paragraphs', 'INTEGER[]', 'Paragraphs where the report says so, by document then paragraph'),
    col('men_and_boys_cited', 'VARCHAR', 'Their citation, naming each paragraph\'s document; null when none', { nullable: true }),
    col('men_and_boys_quote', 'VARCHAR', 'The sentence that says so', { nullable: true }),
    col('gender_mainstreaming', 'VARCHAR', 'Gender perspective or mainstreaming measures', { accepted: TRI }),
    col('gender_mainstreaming_paragraphs', 'INTEGER[]', 'Supporting paragraphs, by document then paragraph'),
    col('gender_mainstreaming_cited', 'VARCHAR', 'Their citation, naming each paragraph\'s document; null when none', { nullable: true }),
    col('child_specific', 'VARCHAR', 'Child-specific measures', { accepted: TRI }),
    col('child_specific_paragraphs', 'INTEGER[]', 'Supporting paragraphs, by document then paragraph'),
    col('child_specific_cited', 'VARCHAR', 'Their citation, naming each paragraph\'s document; null when none', { nullable: true }),
    col('sources', CITES, 'Every paragraph behind the row (the four lists above), each with its document (doc_id, para_no)'),
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
    col('n_men_and_boys_explicit', 'INTEGER', 'Mechanisms the report describes addressing men or boys'),
    col('n_all_persons_scope', 'INTEGER', 'Mechanisms whose reference instrument covers all persons'),
    col('n_women_and_children_only', 'INTEGER', 'Mechanisms whose reference instrument covers women and children only'),
    col('n_gender_mainstreaming', 'INTEGER', 'Mechanisms with gender mainstreaming evidence'),
    col('n_child_specific', 'INTEGER', 'Mechanisms with child-specific evidence'),
    col('paragraphs', 'INTEGER[]', 'Numbers of the paragraphs behind the counts, by document then paragraph'),
    col('sources', CITES, 'The same paragraphs, each with its document (doc_id, para_no): the key to join on in a corpus'),
    col('cited', 'VARCHAR', 'Those paragraphs as a citation naming each one\'s document ("A/HRC/14/32, paras. 24, 62; A/HRC/14/37, para. 5"); null when there are none', { nullable: true }),
  ],
} as const satisfies TableSpec;

/** The report's elements of redress (Redress section, paras 85–90; recommendations 135–137). Protecting witnesses is protection, not redress. */
export const REDRESS_ELEMENTS = ['legal_remedies', 'information', 'legal_aid', 'compensation', 'asset_confiscation'] as const;

export const redress = {
  name: 'redress', layer: 'reporting',
  description: "Elements of redress (the report's: legal remedies, information on proceedings, legal aid, compensation, assets confiscated for compensation) that the report describes each mechanism addressing, with the paragraphs that say so.",
  grain: 'One row per mechanism.',
  key: ['mechanism_id'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('region', 'VARCHAR', 'Region'),
    col('response_status', 'VARCHAR', "Answer to the Special Rapporteur's request for information (para. 3)"),
    ...REDRESS_ELEMENTS.flatMap((e) => [
      col(e, 'BOOLEAN', `Addresses ${e.replaceAll('_', ' ')}`),
      col(`${e}_paragraphs`, 'INTEGER[]', `Paragraphs on ${e.replaceAll('_', ' ')}, by document then paragraph`),
      col(`${e}_cited`, 'VARCHAR', 'Their citation, naming each paragraph\'s document; null when none', { nullable: true }),
    ]),
    col('n_elements', 'INTEGER', 'Redress elements addressed'),
    col('addresses_redress', 'BOOLEAN', 'At least one element addressed'),
    col('paragraphs', 'INTEGER[]', 'Numbers of all paragraphs behind the row, by document then paragraph'),
    col('sources', CITES, 'The same paragraphs, each with its document (doc_id, para_no): the key to join on in a corpus'),
    col('cited', 'VARCHAR', 'Those paragraphs as a citation naming each one\'s document ("A/HRC/14/32, paras. 24, 62; A/HRC/14/37, para. 5"); null when there are none', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const recommendation_coverage = {
  name: 'recommendation_coverage', layer: 'reporting',
  description: 'Each ask of each recommendation of A/HRC/14/32 with the mechanisms the report describes doing it (actor claims matching the ask\'s cues), so an ask nobody is described doing shows zero.',
  grain: 'One row per recommendation × ask (106–137 and (g)).',
  key: ['ask_id'],
  columns: [
    col('recommendation_id', 'VARCHAR', 'Recommendation: its paragraph number, or g for the unnumbered (g)'),
    col('ask_id', 'VARCHAR', 'Ask: <recommendation>.<n>'),
    col('sort_order', 'INTEGER', 'Order of the ask in the report'),
    col('cluster', 'VARCHAR', 'Cluster letter of the recommendation', { nullable: true }),
    col('cluster_text', 'VARCHAR', 'What the cluster\'s lead-in says (who is addressed, on what)', { nullable: true }),
    col('recommendation_text', 'VARCHAR', 'The recommendation, in full'),
    col('ask_text', 'VARCHAR', 'The words of the recommendation that make this ask'),
    col('addressee', 'VARCHAR', 'Who the ask addresses'),
    col('n_mechanisms', 'INTEGER', 'Mechanisms described doing it'),
    col('mechanisms', 'VARCHAR[]', 'Those mechanisms, sorted'),
    col('evidence_paragraphs', 'INTEGER[]', 'Paragraphs of the claims (see ask_claims for the sentences), by document then paragraph'),
    col('sources', CITES, 'The same paragraphs, each with its document (doc_id, para_no): the key to join on in a corpus'),
    col('evidence_cited', 'VARCHAR', 'Those paragraphs as a citation naming each one\'s document ("A/HRC/14/32, paras. 24, 62; A/HRC/14/37, para. 5"); null when there are none', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const GAP_KINDS = ['few_mechanisms', 'lacking', 'thin_region', 'no_response', 'missing_data_collection', 'group_left_out', 'personal_scope', 'redress'] as const;

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
    col('denominator_words', 'VARCHAR', 'The denominator in words, as the statement gives it'),
    col('statement', 'VARCHAR', 'Generated plain-language statement'),
    col('citations', 'INTEGER[]', 'Paragraph numbers, by document then paragraph (with one document: ascending)'),
    col('sources', CITES, 'The cited paragraphs, each with its document (doc_id, para_no)'),
    col('cited', 'VARCHAR', 'The citation as the statement gives it, naming each paragraph\'s document; null for a finding that cites nothing', { nullable: true }),
  ],
} as const satisfies TableSpec;
