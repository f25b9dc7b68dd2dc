import { col, type TableSpec } from './types.ts';

/**
 * The country lens: member states of the mechanisms beside two national indicator
 * datasets (stage: load-indicators; SQL models stg_*, int_country_year_indicators and
 * the final country_* / mechanism_indicators / indicator_* tables). Descriptive only.
 * Sources and terms of use: data/raw/indicators/SOURCES.md.
 */

/** The closed tier vocabulary of the staged tables. */
export const TIERS = ['Tier 1', 'Tier 2', 'Tier 2 Watch List', 'Tier 3', 'Special case'] as const;

/** The indicator files, as named in data/raw/indicators/manifest.yaml. */
export const INDICATOR_DATASETS = ['tip_tiers_orig.csv', 'policy_index.csv'] as const;

/** The 3P scores, in the order the tables list them. */
export const SCORES = ['p', 'prosecution', 'prevention', 'protection'] as const;

const SCORE_1_5 = [1, 2, 3, 4, 5] as const;
const SCORE_3_15 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const;
const SCORE_DESCRIPTIONS = {
  p: '3P index: sum of the three scores (3–15)',
  prosecution: '3P prosecution score (1–5)',
  prevention: '3P prevention score (1–5)',
  protection: '3P protection score (1–5)',
} as const;

const raw = <N extends string>(name: N, description: string) =>
  col(name, 'VARCHAR', `${description} (text as printed; null where the file has an unquoted NA)`, { nullable: true });

// ---------------------------------------------------------------- raw (stage: load-indicators)

export const raw_tip_tiers = {
  name: 'raw_tip_tiers', layer: 'staging', export: false,
  description: 'data/raw/indicators/tip_tiers_orig.csv as parsed, every field text, after the manifest hash check.',
  grain: 'One row per data line of the file.',
  key: ['source_line'],
  columns: [
    col('source_line', 'INTEGER', 'Line of the row in the file (the header is line 1)'),
    raw('countryname', 'Country name'),
    raw('iso', 'ISO 3166-1 alpha-3 code'),
    raw('year', 'Year'),
    raw('ccode', 'Correlates of War country code'),
    raw('tier', 'TIP Report tier label'),
  ],
} as const satisfies TableSpec;

export const raw_policy_index = {
  name: 'raw_policy_index', layer: 'staging', export: false,
  description: 'data/raw/indicators/policy_index.csv as parsed, every field text, after the manifest hash check. Dots in column names become underscores.',
  grain: 'One row per data line of the file.',
  key: ['source_line'],
  columns: [
    col('source_line', 'INTEGER', 'Line of the row in the file (the header is line 1)'),
    raw('countryname', 'Country name'),
    raw('year', 'Year'),
    raw('cow', 'Correlates of War country code'),
    raw('tier', 'TIP tier coded 1, 2, 2.5, 3'),
    raw('p', '3P index'),
    raw('prosecution', 'Prosecution score'),
    raw('prevention', 'Prevention score'),
    raw('protection', 'Protection score'),
    raw('country_name', 'Second country name column'),
    raw('iso', 'ISO 3166-1 alpha-3 code'),
    raw('start_year', 'First year in the TIP Report'),
    raw('in_report', 'In the TIP Report that year (in.report)'),
    raw('time_in_report', 'Years in the report (time.in.report)'),
    raw('change_since_entering', 'Change since entering the report (change.since.entering)'),
    raw('change_time_report', 'Change per year in the report (change.time.report)'),
  ],
} as const satisfies TableSpec;

// ---------------------------------------------------------------- staging (SQL)

export const stg_cow_iso = {
  name: 'stg_cow_iso', layer: 'staging', export: false,
  description: 'Correlates of War code to ISO alpha-3, read from tip_tiers_orig.csv (ccode, iso); only codes that map to exactly one ISO code found in countries. Used to recover the ISO code of policy_index.csv rows whose iso is NA.',
  grain: 'One row per COW code.',
  key: ['cow'],
  columns: [
    col('cow', 'INTEGER', 'Correlates of War country code'),
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3 code it carries in tip_tiers_orig.csv'),
    col('n_rows', 'INTEGER', 'Rows of tip_tiers_orig.csv with this pair'),
  ],
} as const satisfies TableSpec;

export const stg_tip_tiers = {
  name: 'stg_tip_tiers', layer: 'staging', export: false,
  description: 'TIP Report tiers (US Department of State), typed, labels cleaned to one vocabulary, codes matched to countries. Rows whose code does not match are in indicator_code_mismatches instead.',
  grain: 'One row per country × year.',
  key: ['iso3', 'year'],
  columns: [
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3, present in countries'),
    col('year', 'INTEGER', 'Year as given in the file'),
    col('tier', 'VARCHAR', 'Tier, cleaned', { nullable: true, accepted: TIERS }),
    col('tier_raw', 'VARCHAR', 'Tier label as printed', { nullable: true }),
    col('countryname', 'VARCHAR', 'Country name as printed'),
    col('ccode', 'INTEGER', 'Correlates of War code', { nullable: true }),
    col('source_line', 'INTEGER', 'Line in tip_tiers_orig.csv'),
  ],
} as const satisfies TableSpec;

export const stg_policy_index = {
  name: 'stg_policy_index', layer: 'staging', export: false,
  description: '3P Anti-trafficking Policy Index (Cho, Dreher and Neumayer), typed, codes matched to countries (a missing code recovered through the COW code). Rows whose code cannot be matched are in indicator_code_mismatches instead.',
  grain: 'One row per country × year.',
  key: ['iso3', 'year'],
  columns: [
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3, present in countries'),
    col('year', 'INTEGER', 'Year as given in the file'),
    col('p', 'INTEGER', SCORE_DESCRIPTIONS.p, { nullable: true, accepted: SCORE_3_15 }),
    col('prosecution', 'INTEGER', SCORE_DESCRIPTIONS.prosecution, { nullable: true, accepted: SCORE_1_5 }),
    col('prevention', 'INTEGER', SCORE_DESCRIPTIONS.prevention, { nullable: true, accepted: SCORE_1_5 }),
    col('protection', 'INTEGER', SCORE_DESCRIPTIONS.protection, { nullable: true, accepted: SCORE_1_5 }),
    col('tier', 'VARCHAR', "The file's tier column (1, 2, 2.5, 3) in the tier vocabulary", { nullable: true, accepted: TIERS }),
    col('countryname', 'VARCHAR', 'Country name as printed'),
    col('cow', 'INTEGER', 'Correlates of War code', { nullable: true }),
    col('iso_source', 'VARCHAR', "'file': iso column; 'cow': recovered through stg_cow_iso", { accepted: ['file', 'cow'] }),
    col('source_line', 'INTEGER', 'Line in policy_index.csv'),
  ],
} as const satisfies TableSpec;

// ---------------------------------------------------------------- intermediate (SQL)

export const int_country_year_indicators = {
  name: 'int_country_year_indicators', layer: 'intermediate', export: false,
  description: 'Tier and 3P scores side by side for every country-year found in either staged dataset.',
  grain: 'One row per country × year present in stg_tip_tiers or stg_policy_index.',
  key: ['iso3', 'year'],
  columns: [
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3'),
    col('year', 'INTEGER', 'Year'),
    col('tier', 'VARCHAR', 'Tier from tip_tiers_orig.csv', { nullable: true, accepted: TIERS }),
    ...SCORES.map((s) => col(s, 'INTEGER', SCORE_DESCRIPTIONS[s], { nullable: true })),
    col('has_tier', 'BOOLEAN', 'Tier present'),
    col('has_3p', 'BOOLEAN', 'p and all three scores present'),
  ],
} as const satisfies TableSpec;

// ---------------------------------------------------------------- final (SQL)

export const country_mechanisms = {
  name: 'country_mechanisms', layer: 'reporting',
  description: 'Which mechanisms each country belonged to in 2010, with the country name and region.',
  grain: 'One row per country × mechanism it was a member of (mechanism_members).',
  key: ['iso3', 'mechanism_id'],
  columns: [
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3'),
    col('country_name', 'VARCHAR', 'Country name (countries.name)'),
    col('m49_region', 'VARCHAR', 'UN M49 region of the country', { nullable: true }),
    col('m49_subregion', 'VARCHAR', 'UN M49 sub-region of the country', { nullable: true }),
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('mechanism_region', 'VARCHAR', 'Region the report files the mechanism under'),
    col('source', 'VARCHAR', 'Public source of the membership list'),
    col('paragraphs', 'INTEGER[]', 'Paragraphs of A/HRC/14/32 naming this member, if any (the registry\'s)'),
    col('cited', 'VARCHAR', 'Their citation; null when there are none or A/HRC/14/32 is not in the corpus', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const country_coverage = {
  name: 'country_coverage', layer: 'reporting',
  description: "Each member state's view: its mechanisms, the themes they address with the paragraphs, binding instruments, redress, inclusion of men, beside its TIP tier and 3P scores for the indicator year (params.indicator_year; the _2010 columns hold that year).",
  grain: 'One row per country that is a member of at least one mechanism.',
  key: ['iso3'],
  columns: [
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3'),
    col('country_name', 'VARCHAR', 'Country name'),
    col('m49_region', 'VARCHAR', 'UN M49 region', { nullable: true }),
    col('m49_subregion', 'VARCHAR', 'UN M49 sub-region', { nullable: true }),
    col('n_mechanisms', 'INTEGER', 'Mechanisms the country is a member of'),
    col('mechanisms', 'VARCHAR[]', 'Those mechanisms, sorted'),
    col('themes', 'VARCHAR[]', 'Themes at least one of them addresses (covered in coverage_mechanism_theme), in report order'),
    col('theme_paragraphs', 'INTEGER[]', 'Paragraphs with that evidence, by document then paragraph'),
    col('theme_cited', 'VARCHAR', 'Their citation, naming each paragraph\'s document; null when none', { nullable: true }),
    col('n_themes', 'INTEGER', 'Number of those themes'),
    col('bound_by_binding_instrument', 'BOOLEAN', 'At least one of its mechanisms has a legally binding instrument'),
    col('binding_instruments', 'VARCHAR[]', 'Ids of those instruments, sorted'),
    col('binding_instrument_paragraphs', 'INTEGER[]', 'Paragraphs describing them, by document then paragraph'),
    col('binding_instrument_cited', 'VARCHAR', 'Their citation, naming each paragraph\'s document; null when none', { nullable: true }),
    col('any_redress', 'BOOLEAN', 'At least one of its mechanisms addresses redress'),
    col('redress_mechanisms', 'VARCHAR[]', 'Those mechanisms, sorted'),
    col('redress_paragraphs', 'INTEGER[]', 'Paragraphs behind them (redress.paragraphs), by document then paragraph'),
    col('redress_cited', 'VARCHAR', 'Their citation, naming each paragraph\'s document; null when none', { nullable: true }),
    col('any_all_persons_scope', 'BOOLEAN', "At least one mechanism whose main instrument's personal scope starts with 'all persons' (the instrument's scope only; explicit statements about men and boys are in gender_inclusion)"),
    col('all_persons_mechanisms', 'VARCHAR[]', 'Those mechanisms, sorted'),
    col('all_persons_paragraphs', 'INTEGER[]', 'Paragraphs describing those main instruments, by document then paragraph'),
    col('all_persons_cited', 'VARCHAR', 'Their citation, naming each paragraph\'s document; null when none', { nullable: true }),
    col('tip_tier_2010', 'VARCHAR', 'TIP tier for the indicator year', { nullable: true, accepted: TIERS }),
    col('p_2010', 'INTEGER', '3P index for the indicator year', { nullable: true }),
    col('prosecution_2010', 'INTEGER', 'Prosecution score for the indicator year', { nullable: true }),
    col('prevention_2010', 'INTEGER', 'Prevention score for the indicator year', { nullable: true }),
    col('protection_2010', 'INTEGER', 'Protection score for the indicator year', { nullable: true }),
    col('has_full_data', 'BOOLEAN', 'Tier and all 3P scores present for the indicator year'),
  ],
} as const satisfies TableSpec;

export const INDICATOR_LEVELS = ['mechanism', 'region'] as const;
export const INDICATOR_PERIODS = ['year', 'window'] as const;

export const mechanism_indicators = {
  name: 'mechanism_indicators', layer: 'reporting',
  description: "Distribution of the members' 3P scores and tiers, per mechanism and per report region, for the indicator year and for the window of years (params). Unit: countries for period 'year'; country-years for period 'window'. Quartiles are linear-interpolation quantiles (quantile_cont). Descriptive only.",
  grain: 'One row per level × subject × period.',
  key: ['level', 'subject', 'period'],
  columns: [
    col('level', 'VARCHAR', "'mechanism' or 'region'", { accepted: INDICATOR_LEVELS }),
    col('subject', 'VARCHAR', 'Mechanism id, or region (mechanisms.region)'),
    col('label', 'VARCHAR', 'Mechanism acronym, or region'),
    col('region', 'VARCHAR', 'Region of the mechanism, or the region itself'),
    col('period', 'VARCHAR', "'year': the indicator year; 'window': the window of years", { accepted: INDICATOR_PERIODS }),
    col('year_from', 'INTEGER', 'First year of the period'),
    col('year_to', 'INTEGER', 'Last year of the period'),
    col('n_members', 'INTEGER', 'Member states (distinct countries; for a region, members of any of its mechanisms)'),
    col('n_with_data', 'INTEGER', 'Members with a tier or any 3P score in the period'),
    ...SCORES.flatMap((s) => [
      col(`${s}_n`, 'INTEGER', `Observations behind the ${s} statistics (countries or country-years)`),
      col(`${s}_median`, 'DOUBLE', `Median of ${s}`, { nullable: true }),
      col(`${s}_q1`, 'DOUBLE', `First quartile of ${s}`, { nullable: true }),
      col(`${s}_q3`, 'DOUBLE', `Third quartile of ${s}`, { nullable: true }),
    ]),
    col('n_tier_1', 'INTEGER', 'Observations ranked Tier 1'),
    col('n_tier_2', 'INTEGER', 'Observations ranked Tier 2'),
    col('n_tier_2_watch_list', 'INTEGER', 'Observations ranked Tier 2 Watch List'),
    col('n_tier_3', 'INTEGER', 'Observations ranked Tier 3'),
    col('n_special_case', 'INTEGER', 'Observations ranked Special case'),
    col('n_tier_missing', 'INTEGER', 'Member-years without a tier (n_members × years in the period − the counts above)'),
  ],
} as const satisfies TableSpec;

export const indicator_gaps = {
  name: 'indicator_gaps', layer: 'reporting',
  description: 'Member states without a tier or without a complete set of 3P scores for the indicator year, by mechanism.',
  grain: 'One row per mechanism × member state lacking data for the indicator year.',
  key: ['mechanism_id', 'iso3'],
  columns: [
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('acronym', 'VARCHAR', 'Mechanism label'),
    col('mechanism_region', 'VARCHAR', 'Region of the mechanism'),
    col('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3'),
    col('country_name', 'VARCHAR', 'Country name'),
    col('m49_region', 'VARCHAR', 'UN M49 region of the country', { nullable: true }),
    col('year', 'INTEGER', 'Indicator year'),
    col('missing', 'VARCHAR', 'What is missing', { accepted: ['tier', '3p', 'tier and 3p'] }),
    col('missing_columns', 'VARCHAR[]', 'Missing values among tier, p, prosecution, prevention, protection'),
    col('in_tier_dataset', 'BOOLEAN', 'The country has any row in stg_tip_tiers'),
    col('in_3p_dataset', 'BOOLEAN', 'The country has any row in stg_policy_index'),
  ],
} as const satisfies TableSpec;

export const indicator_code_mismatches = {
  name: 'indicator_code_mismatches', layer: 'reporting',
  description: 'Country codes in the indicator files that are missing or not in countries, with what was done: resolved through the COW code, or not staged.',
  grain: 'One row per dataset × code as given × country name.',
  key: ['dataset', 'iso', 'countryname'],
  columns: [
    col('dataset', 'VARCHAR', 'File', { accepted: INDICATOR_DATASETS }),
    col('iso', 'VARCHAR', "Code as printed ('NA' where missing)"),
    col('countryname', 'VARCHAR', 'Country name as printed'),
    col('n_rows', 'INTEGER', 'Rows with this code and name'),
    col('n_rows_with_values', 'INTEGER', 'Of those, rows with a tier or any 3P score'),
    col('first_line', 'INTEGER', 'First line of those rows in the file'),
    col('problem', 'VARCHAR', 'Why it does not match', { accepted: ['code missing', 'code not in countries'] }),
    col('cow', 'INTEGER', 'Correlates of War code of the rows (when a single one)', { nullable: true }),
    col('resolved_iso3', 'VARCHAR', 'Code the rows were staged under, if any', { nullable: true }),
    col('resolution', 'VARCHAR', 'What the staging did', { accepted: ['resolved through COW code', 'partly resolved', 'not staged'] }),
  ],
} as const satisfies TableSpec;
