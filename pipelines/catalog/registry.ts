import { col, type TableSpec } from './types.ts';

/** Tables loaded from the curated registry under data/registry (stage: load-registry). */

export const REGIONS = [
  'Africa', 'Latin America and the Caribbean', 'Asia-Pacific',
  'Europe and Central Asia', 'Middle East and North Africa', 'cross-regional',
] as const;

export const MECHANISM_KINDS = [
  'regional organisation', 'subregional organisation', 'interregional process',
  'UN regional commission', 'parliamentary body', 'interregional organisation',
] as const;

export const INSTRUMENT_KINDS = [
  'convention', 'agreement', 'MOU', 'declaration', 'plan of action', 'framework decision',
  'directive', 'model law', 'guidelines', 'policy', 'decision', 'resolution', 'programme',
] as const;

export const PERSONAL_SCOPES = [
  'all persons', 'all persons, especially women and children', 'women and children only', 'unknown',
] as const;

export const PILLARS = ['prevention', 'protection', 'prosecution', 'partnership'] as const;

export const mechanisms = {
  name: 'mechanisms', layer: 'primary',
  description: 'Regional and subregional mechanisms the report names, from data/registry/mechanisms/ (one file a mechanism).',
  grain: 'One row per mechanism.',
  key: ['mechanism_id'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Stable lowercase id'),
    col('name', 'VARCHAR', 'Full name'),
    col('acronym', 'VARCHAR', 'Acronym or short label used in charts'),
    col('kind', 'VARCHAR', 'Kind of body', { accepted: MECHANISM_KINDS }),
    col('region', 'VARCHAR', 'Region the report files it under', { accepted: REGIONS }),
    col('bodies', 'VARCHAR[]', 'Secretariat or bodies named in the report'),
    col('paragraphs', 'INTEGER[]', 'Paragraphs the registry record cites'),
    col('n_members', 'INTEGER', 'Member states as of 2010 (0 where not recorded)'),
    col('members_source', 'VARCHAR', 'Public source of the membership list', { nullable: true }),
    col('response_status', 'VARCHAR', "Answer to the Special Rapporteur's request for information (A/HRC/14/32, para. 3): responded, did not respond, or not asked", { accepted: ['responded', 'did not respond', 'not asked'] }),
  ],
} as const satisfies TableSpec;

export const mechanism_references = {
  name: 'mechanism_references', layer: 'primary',
  description: 'Every surface form that resolves to a mechanism: names, acronyms, instruments, bodies, projects, campaigns.',
  grain: 'One row per reference string.',
  key: ['surface'],
  columns: [
    col('surface', 'VARCHAR', 'Exact text as it appears in the report'),
    col('mechanism_id', 'VARCHAR', 'Mechanism it resolves to'),
    col('ref_kind', 'VARCHAR', 'What the string names', { accepted: ['name', 'acronym', 'instrument', 'body', 'project', 'campaign', 'event', 'alias'] }),
  ],
} as const satisfies TableSpec;

export const reference_citations = {
  name: 'reference_citations', layer: 'primary',
  description: 'Where a reference that A/HRC/14/32 does not print is printed in another document (the registry\'s cited_in), checked against the text when the corpus holds that document.',
  grain: 'One row per reference string × document × paragraph.',
  key: ['surface', 'symbol', 'para_no'],
  columns: [
    col('surface', 'VARCHAR', 'The reference, as mechanism_references has it'),
    col('mechanism_id', 'VARCHAR', 'Mechanism it resolves to'),
    col('symbol', 'VARCHAR', 'Symbol of the document that prints it'),
    col('para_no', 'INTEGER', 'Paragraph whose text or footnotes print it'),
  ],
} as const satisfies TableSpec;

export const instruments = {
  name: 'instruments', layer: 'primary',
  description: 'Instruments adopted by each mechanism, as the report describes them.',
  grain: 'One row per mechanism × instrument.',
  key: ['instrument_id'],
  columns: [
    col('instrument_id', 'VARCHAR', 'Stable id'),
    col('mechanism_id', 'VARCHAR', 'Mechanism that adopted it'),
    col('name', 'VARCHAR', 'Name as the report gives it'),
    col('kind', 'VARCHAR', 'Kind of instrument', { accepted: INSTRUMENT_KINDS }),
    col('year', 'INTEGER', 'Year adopted', { nullable: true }),
    col('legally_binding', 'BOOLEAN', 'Legally binding on its parties'),
    col('personal_scope', 'VARCHAR', 'Whom it protects', { accepted: PERSONAL_SCOPES }),
    col('is_main', 'BOOLEAN', "The mechanism's reference instrument"),
    col('paragraphs', 'INTEGER[]', 'Paragraphs that say so'),
  ],
} as const satisfies TableSpec;

export const mechanism_members = {
  name: 'mechanism_members', layer: 'primary',
  description: 'Member states of each mechanism as of 2010, with the public source of the list.',
  grain: 'One row per mechanism × member state.',
  key: ['mechanism_id', 'iso3'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3 code'),
    col('source', 'VARCHAR', 'Public source of the membership list'),
    col('paragraphs', 'INTEGER[]', 'Report paragraphs naming this member, if any'),
  ],
} as const satisfies TableSpec;

export const countries = {
  name: 'countries', layer: 'primary',
  description: 'Country reference: ISO codes, UN M49 names and regions, from the datasets/country-codes package.',
  grain: 'One row per country or territory with an ISO 3166-1 code.',
  key: ['iso3'],
  columns: [
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3'),
    col('iso2', 'VARCHAR', 'ISO 3166-1 alpha-2', { nullable: true }),
    col('m49', 'INTEGER', 'UN M49 numeric code'),
    col('name', 'VARCHAR', 'UN name (M49 "Country or Area", e.g. "United States of America"), with the corrections of data/registry/country_names.yaml'),
    col('m49_region', 'VARCHAR', 'UN M49 region', { nullable: true }),
    col('m49_subregion', 'VARCHAR', 'UN M49 sub-region', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const themes = {
  name: 'themes', layer: 'primary',
  description: "The theme taxonomy, taken from the report's thematic headings, each mapped to a pillar.",
  grain: 'One row per theme.',
  key: ['theme_id'],
  columns: [
    col('theme_id', 'VARCHAR', 'Stable id'),
    col('label', 'VARCHAR', 'Short label'),
    col('pillar', 'VARCHAR', 'Prevention, protection, prosecution or partnership', { accepted: PILLARS }),
    col('headings', 'VARCHAR[]', 'Thematic headings of the report that belong to the theme'),
    col('sort_order', 'INTEGER', 'Order of first appearance in the report'),
  ],
} as const satisfies TableSpec;

export const cues = {
  name: 'cues', layer: 'staging',
  description: 'Phrases that mark gender, child and redress content in a passage, from data/registry/cues.yaml.',
  grain: 'One row per measure × pattern.',
  key: ['measure', 'pattern'],
  columns: [
    col('measure', 'VARCHAR', 'What the pattern detects, e.g. compensation'),
    col('family', 'VARCHAR', 'gender or redress', { accepted: ['gender', 'redress'] }),
    col('pattern', 'VARCHAR', 'Case-insensitive regular expression (RE2)'),
  ],
} as const satisfies TableSpec;

export const non_mechanisms = {
  name: 'non_mechanisms', layer: 'primary',
  description: 'Names and acronyms in the text that are deliberately not regional mechanisms, with the reason, from data/registry/non_mechanisms.yaml.',
  grain: 'One row per surface string.',
  key: ['surface'],
  columns: [
    col('surface', 'VARCHAR', 'Text as printed'),
    col('kind', 'VARCHAR', 'acronym or name', { accepted: ['acronym', 'name'] }),
    col('name', 'VARCHAR', 'What it stands for'),
    col('reason', 'VARCHAR', 'Why it is not a regional mechanism'),
    col('related_mechanism', 'VARCHAR', 'Mechanism it belongs to, if any', { nullable: true }),
  ],
} as const satisfies TableSpec;
