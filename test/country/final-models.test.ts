/**
 * The final country-lens models on literal inputs (test/fixtures/country/lens.ts), each
 * expected row written out in full. Years come from params (2010; window 2008–2012).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeRows, type Db } from '../../pipelines/core/db.ts';
import { createMacros, readModel, runModel } from '../../pipelines/core/sql-models.ts';
import {
  countries, mechanisms, mechanism_members, instruments, themes, coverage_mechanism_theme, redress,
  gender_inclusion, stg_tip_tiers, stg_policy_index, documents,
} from '../../pipelines/catalog/index.ts';
import * as F from '../fixtures/country/lens.ts';
import { lensDb, runChecked, rows } from './helpers.ts';

async function loadFixtures(db: Db): Promise<void> {
  // the registry's paragraphs are A/HRC/14/32's: they are cited as that document's
  await writeRows(db, documents, [F.REGISTRY_DOCUMENT]);
  await createMacros(db);
  await writeRows(db, countries, F.COUNTRIES);
  await writeRows(db, mechanisms, F.MECHANISMS);
  await writeRows(db, mechanism_members, F.MECHANISM_MEMBERS);
  await writeRows(db, instruments, F.INSTRUMENTS);
  await writeRows(db, themes, F.THEMES);
  await writeRows(db, coverage_mechanism_theme, F.COVERAGE_MECHANISM_THEME);
  await writeRows(db, redress, F.REDRESS);
  await writeRows(db, gender_inclusion, F.GENDER_INCLUSION);
  await writeRows(db, stg_tip_tiers, F.STG_TIP_TIERS);
  await writeRows(db, stg_policy_index, F.STG_POLICY_INDEX);
}

const FINAL = ['country_mechanisms', 'country_coverage', 'mechanism_indicators', 'indicator_gaps'] as const;

async function buildLens(db: Db): Promise<void> {
  await runChecked(db, 'intermediate', 'int_country_year_indicators');
  for (const name of FINAL) await runChecked(db, 'final', name);
}

let db: Db;
beforeAll(async () => {
  db = await lensDb();
  await loadFixtures(db);
  await buildLens(db);
});
afterAll(() => db?.close());

describe('country_mechanisms', () => {
  it('has one row per country × mechanism with the country name and both regions', async () => {
    expect(await rows(db, 'SELECT * FROM country_mechanisms ORDER BY iso3, mechanism_id')).toEqual([
      { iso3: 'DEU', country_name: 'Germany', m49_region: 'Europe', m49_subregion: 'Western Europe', mechanism_id: 'coe', acronym: 'CoE', mechanism_region: 'Europe and Central Asia', source: 'test list', paragraphs: [], cited: null },
      { iso3: 'DEU', country_name: 'Germany', m49_region: 'Europe', m49_subregion: 'Western Europe', mechanism_id: 'osce', acronym: 'OSCE', mechanism_region: 'Europe and Central Asia', source: 'test list', paragraphs: [], cited: null },
      { iso3: 'FRA', country_name: 'France', m49_region: 'Europe', m49_subregion: 'Western Europe', mechanism_id: 'coe', acronym: 'CoE', mechanism_region: 'Europe and Central Asia', source: 'test list', paragraphs: [23], cited: 'A/HRC/14/32, para. 23' },
      { iso3: 'GHA', country_name: 'Ghana', m49_region: 'Africa', m49_subregion: 'Sub-Saharan Africa', mechanism_id: 'ecowas', acronym: 'ECOWAS', mechanism_region: 'Africa', source: 'test list', paragraphs: [], cited: null },
      { iso3: 'NGA', country_name: 'Nigeria', m49_region: 'Africa', m49_subregion: 'Sub-Saharan Africa', mechanism_id: 'ecowas', acronym: 'ECOWAS', mechanism_region: 'Africa', source: 'test list', paragraphs: [40], cited: 'A/HRC/14/32, para. 40' },
      { iso3: 'SRB', country_name: 'Serbia', m49_region: 'Europe', m49_subregion: 'Southern Europe', mechanism_id: 'osce', acronym: 'OSCE', mechanism_region: 'Europe and Central Asia', source: 'test list', paragraphs: [], cited: null },
    ]);
  });
});

describe('country_coverage', () => {
  it('has one row per member state, coverage beside its indicators for the indicator year', async () => {
    const base = { m49_region: 'Europe', m49_subregion: 'Western Europe' };
    expect(await rows(db, 'SELECT * FROM country_coverage ORDER BY iso3')).toEqual([
      // In two mechanisms; only coe addresses redress; coe's convention is binding and covers all
      // persons (its instrument's scope; what the report says of men and boys is not merged in).
      { iso3: 'DEU', country_name: 'Germany', ...base,
        n_mechanisms: 2, mechanisms: ['coe', 'osce'],
        themes: ['victim_identification', 'data_collection'], theme_paragraphs: [20, 22, 25, 31], theme_cited: 'A/HRC/14/32, paras. 20, 22, 25, 31', n_themes: 2,
        bound_by_binding_instrument: true, binding_instruments: ['coe_convention'], binding_instrument_paragraphs: [20, 21], binding_instrument_cited: 'A/HRC/14/32, paras. 20, 21',
        any_redress: true, redress_mechanisms: ['coe'], redress_paragraphs: [22], redress_cited: 'A/HRC/14/32, para. 22',
        any_all_persons_scope: true, all_persons_mechanisms: ['coe'], all_persons_paragraphs: [20, 21], all_persons_cited: 'A/HRC/14/32, paras. 20, 21',
        tip_tier_2010: 'Tier 1', p_2010: 13, prosecution_2010: 5, prevention_2010: 5, protection_2010: 3, has_full_data: true },
      { iso3: 'FRA', country_name: 'France', ...base,
        n_mechanisms: 1, mechanisms: ['coe'],
        themes: ['victim_identification', 'data_collection'], theme_paragraphs: [20, 22, 25], theme_cited: 'A/HRC/14/32, paras. 20, 22, 25', n_themes: 2,
        bound_by_binding_instrument: true, binding_instruments: ['coe_convention'], binding_instrument_paragraphs: [20, 21], binding_instrument_cited: 'A/HRC/14/32, paras. 20, 21',
        any_redress: true, redress_mechanisms: ['coe'], redress_paragraphs: [22], redress_cited: 'A/HRC/14/32, para. 22',
        any_all_persons_scope: true, all_persons_mechanisms: ['coe'], all_persons_paragraphs: [20, 21], all_persons_cited: 'A/HRC/14/32, paras. 20, 21',
        tip_tier_2010: 'Tier 1', p_2010: 10, prosecution_2010: 4, prevention_2010: 3, protection_2010: 3, has_full_data: true },
      // In the tier file with NA for 2010 and absent from the 3P file.
      { iso3: 'GHA', country_name: 'Ghana', m49_region: 'Africa', m49_subregion: 'Sub-Saharan Africa',
        n_mechanisms: 1, mechanisms: ['ecowas'],
        themes: ['training'], theme_paragraphs: [40], theme_cited: 'A/HRC/14/32, para. 40', n_themes: 1,
        bound_by_binding_instrument: false, binding_instruments: [], binding_instrument_paragraphs: [], binding_instrument_cited: null,
        any_redress: false, redress_mechanisms: [], redress_paragraphs: [], redress_cited: null,
        any_all_persons_scope: false, all_persons_mechanisms: [], all_persons_paragraphs: [], all_persons_cited: null,
        tip_tier_2010: null, p_2010: null, prosecution_2010: null, prevention_2010: null, protection_2010: null, has_full_data: false },
      { iso3: 'NGA', country_name: 'Nigeria', m49_region: 'Africa', m49_subregion: 'Sub-Saharan Africa',
        n_mechanisms: 1, mechanisms: ['ecowas'],
        themes: ['training'], theme_paragraphs: [40], theme_cited: 'A/HRC/14/32, para. 40', n_themes: 1,
        bound_by_binding_instrument: false, binding_instruments: [], binding_instrument_paragraphs: [], binding_instrument_cited: null,
        any_redress: false, redress_mechanisms: [], redress_paragraphs: [], redress_cited: null,
        any_all_persons_scope: false, all_persons_mechanisms: [], all_persons_paragraphs: [], all_persons_cited: null,
        tip_tier_2010: 'Tier 2', p_2010: 10, prosecution_2010: 4, prevention_2010: 3, protection_2010: 3, has_full_data: true },
      // osce: the uncovered training theme does not count; protection score missing.
      { iso3: 'SRB', country_name: 'Serbia', m49_region: 'Europe', m49_subregion: 'Southern Europe',
        n_mechanisms: 1, mechanisms: ['osce'],
        themes: ['data_collection'], theme_paragraphs: [25, 31], theme_cited: 'A/HRC/14/32, paras. 25, 31', n_themes: 1,
        bound_by_binding_instrument: false, binding_instruments: [], binding_instrument_paragraphs: [], binding_instrument_cited: null,
        any_redress: false, redress_mechanisms: [], redress_paragraphs: [], redress_cited: null,
        any_all_persons_scope: false, all_persons_mechanisms: [], all_persons_paragraphs: [], all_persons_cited: null,
        tip_tier_2010: 'Tier 2', p_2010: 12, prosecution_2010: 5, prevention_2010: 4, protection_2010: null, has_full_data: false },
    ]);
  });
});

describe('indicator_gaps', () => {
  it('lists each member lacking data for 2010, per mechanism, with what is missing', async () => {
    expect(await rows(db, 'SELECT * FROM indicator_gaps ORDER BY mechanism_id, iso3')).toEqual([
      { mechanism_id: 'ecowas', acronym: 'ECOWAS', mechanism_region: 'Africa', iso3: 'GHA', country_name: 'Ghana', m49_region: 'Africa',
        year: 2010, missing: 'tier and 3p', missing_columns: ['tier', 'p', 'prosecution', 'prevention', 'protection'],
        in_tier_dataset: true, in_3p_dataset: false },
      { mechanism_id: 'osce', acronym: 'OSCE', mechanism_region: 'Europe and Central Asia', iso3: 'SRB', country_name: 'Serbia', m49_region: 'Europe',
        year: 2010, missing: '3p', missing_columns: ['protection'], in_tier_dataset: true, in_3p_dataset: true },
    ]);
  });
});

describe('mechanism_indicators', () => {
  const COLS = `level, subject, period, year_from, year_to, n_members, n_with_data,
    p_n, p_median, p_q1, p_q3, prosecution_n, prosecution_median, prosecution_q1, prosecution_q3,
    prevention_n, prevention_median, prevention_q1, prevention_q3, protection_n, protection_median, protection_q1, protection_q3,
    n_tier_1, n_tier_2, n_tier_2_watch_list, n_tier_3, n_special_case, n_tier_missing`;
  const get = async (level: string, subject: string, period: string) =>
    (await rows(db, `SELECT ${COLS} FROM mechanism_indicators WHERE level = '${level}' AND subject = '${subject}' AND period = '${period}'`))[0];
  const score = (n: number, median: number | null, q1: number | null, q3: number | null) => ({ n, median, q1, q3 });
  const flat = (s: Record<string, ReturnType<typeof score>>) =>
    Object.fromEntries(Object.entries(s).flatMap(([k, v]) => [[`${k}_n`, v.n], [`${k}_median`, v.median], [`${k}_q1`, v.q1], [`${k}_q3`, v.q3]]));
  const noTiers = { n_tier_1: 0, n_tier_2: 0, n_tier_2_watch_list: 0, n_tier_3: 0, n_special_case: 0 };

  it('has a row for every mechanism and report region, for the year and the window', async () => {
    expect(await rows(db, 'SELECT level, subject, label, region, period, year_from, year_to FROM mechanism_indicators ORDER BY level, subject, period')).toEqual([
      ['mechanism', 'au', 'AU', 'Africa'], ['mechanism', 'coe', 'CoE', 'Europe and Central Asia'],
      ['mechanism', 'ecowas', 'ECOWAS', 'Africa'], ['mechanism', 'osce', 'OSCE', 'Europe and Central Asia'],
      ['region', 'Africa', 'Africa', 'Africa'], ['region', 'Europe and Central Asia', 'Europe and Central Asia', 'Europe and Central Asia'],
    ].flatMap(([level, subject, label, region]) => [
      { level, subject, label, region, period: 'window', year_from: 2008, year_to: 2012 },
      { level, subject, label, region, period: 'year', year_from: 2010, year_to: 2010 },
    ]));
  });

  it('gives median and quartiles of five pooled scores (ECOWAS, window 2008–2012: NGA p = 7, 9, 10, 12, 13)', async () => {
    expect(await get('mechanism', 'ecowas', 'window')).toEqual({
      level: 'mechanism', subject: 'ecowas', period: 'window', year_from: 2008, year_to: 2012,
      n_members: 2, n_with_data: 1,
      ...flat({
        p: score(5, 10, 9, 12),
        prosecution: score(5, 4, 4, 5),   // 3 4 4 5 5
        prevention: score(5, 3, 3, 4),    // 2 3 3 4 4
        protection: score(5, 3, 2, 3),    // 2 2 3 3 4
      }),
      // NGA: Tier 2 in 2008, 2010, 2011; watch list in 2009, 2012. GHA: no tier in 5 years.
      n_tier_1: 0, n_tier_2: 3, n_tier_2_watch_list: 2, n_tier_3: 0, n_special_case: 0, n_tier_missing: 5,
    });
  });

  it('interpolates quartiles between two scores (CoE, 2010: DEU and FRA)', async () => {
    expect(await get('mechanism', 'coe', 'year')).toEqual({
      level: 'mechanism', subject: 'coe', period: 'year', year_from: 2010, year_to: 2010,
      n_members: 2, n_with_data: 2,
      ...flat({
        p: score(2, 11.5, 10.75, 12.25),          // 10, 13
        prosecution: score(2, 4.5, 4.25, 4.75),   // 4, 5
        prevention: score(2, 4, 3.5, 4.5),        // 3, 5
        protection: score(2, 3, 3, 3),            // 3, 3
      }),
      ...noTiers, n_tier_1: 2, n_tier_missing: 0,
    });
  });

  it('counts a country once per region and keeps the n of each score (Europe and Central Asia, 2010)', async () => {
    // DEU is in coe and osce; SRB has no protection score.
    expect(await get('region', 'Europe and Central Asia', 'year')).toEqual({
      level: 'region', subject: 'Europe and Central Asia', period: 'year', year_from: 2010, year_to: 2010,
      n_members: 3, n_with_data: 3,
      ...flat({
        p: score(3, 12, 11, 12.5),             // 10 12 13
        prosecution: score(3, 5, 4.5, 5),      // 4 5 5
        prevention: score(3, 4, 3.5, 4.5),     // 3 4 5
        protection: score(2, 3, 3, 3),         // 3 3
      }),
      ...noTiers, n_tier_1: 2, n_tier_2: 1, n_tier_missing: 0,
    });
  });

  it('reports a mechanism without recorded members with zero counts and null statistics', async () => {
    expect(await get('mechanism', 'au', 'year')).toEqual({
      level: 'mechanism', subject: 'au', period: 'year', year_from: 2010, year_to: 2010,
      n_members: 0, n_with_data: 0,
      ...flat({ p: score(0, null, null, null), prosecution: score(0, null, null, null), prevention: score(0, null, null, null), protection: score(0, null, null, null) }),
      ...noTiers, n_tier_missing: 0,
    });
  });

  it('counts Africa as the union of its mechanisms (ECOWAS, 2010)', async () => {
    const r = await get('region', 'Africa', 'year');
    expect(r).toMatchObject({ n_members: 2, n_with_data: 1, p_n: 1, p_median: 10, p_q1: 10, p_q3: 10, n_tier_2: 1, n_tier_missing: 1 });
  });
});

describe('parameters', () => {
  it('takes the years from params, not from literals', async () => {
    const other = await lensDb({ indicator_year: 2012, indicator_year_from: 2009, indicator_year_to: 2011 });
    try {
      await loadFixtures(other);
      await buildLens(other);
      expect(await rows(other, "SELECT tip_tier_2010, p_2010, has_full_data FROM country_coverage WHERE iso3 = 'NGA'"))
        .toEqual([{ tip_tier_2010: 'Tier 2 Watch List', p_2010: 13, has_full_data: true }]);
      expect(await rows(other, "SELECT period, year_from, year_to, p_n, p_median FROM mechanism_indicators WHERE subject = 'ecowas' ORDER BY period"))
        .toEqual([
          { period: 'window', year_from: 2009, year_to: 2011, p_n: 3, p_median: 10 },
          { period: 'year', year_from: 2012, year_to: 2012, p_n: 1, p_median: 13 },
        ]);
      // In 2012 only NGA has data among the members: every other member is a gap.
      expect(await rows(other, 'SELECT iso3, missing FROM indicator_gaps ORDER BY iso3, mechanism_id')).toEqual([
        { iso3: 'DEU', missing: 'tier and 3p' }, { iso3: 'DEU', missing: 'tier and 3p' },
        { iso3: 'FRA', missing: 'tier and 3p' }, { iso3: 'GHA', missing: 'tier and 3p' }, { iso3: 'SRB', missing: 'tier and 3p' },
      ]);
    } finally { other.close(); }
  });

  it('refuses to run when the year is not bound', async () => {
    const other = await lensDb();
    try {
      await loadFixtures(other);
      await runChecked(other, 'intermediate', 'int_country_year_indicators');
      await other.conn.run('RESET VARIABLE indicator_year');
      await expect(runModel(other, readModel('final', 'country_coverage'))).rejects.toThrow(/indicator_year is not set/);
    } finally { other.close(); }
  });
});
