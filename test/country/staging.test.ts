/**
 * Staging on the real files in data/raw/indicators, against the country reference in
 * test/fixtures/country/countries.csv. Each expectation quotes the source line it checks.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeRows, type Db } from '../../pipelines/core/db.ts';
import { raw_tip_tiers, raw_policy_index, TIERS } from '../../pipelines/catalog/index.ts';
import { loadIndicators } from '../../pipelines/ingest/load-indicators.ts';
import { lensDb, loadCountriesFixture, runChecked, rows, INDICATORS_DIR } from './helpers.ts';

let db: Db;
const counts: Record<string, number> = {};

beforeAll(async () => {
  db = await lensDb();
  await loadCountriesFixture(db);
  const t = loadIndicators(INDICATORS_DIR);
  await writeRows(db, raw_tip_tiers, t.raw_tip_tiers);
  await writeRows(db, raw_policy_index, t.raw_policy_index);
  // runChecked also runs the catalog checks: types, not-null, accepted values, unique key.
  counts.stg_cow_iso = await runChecked(db, 'staging', 'stg_cow_iso');
  counts.stg_tip_tiers = await runChecked(db, 'staging', 'stg_tip_tiers');
  counts.stg_policy_index = await runChecked(db, 'staging', 'stg_policy_index');
  counts.int_country_year_indicators = await runChecked(db, 'intermediate', 'int_country_year_indicators');
  counts.indicator_code_mismatches = await runChecked(db, 'final', 'indicator_code_mismatches');
});
afterAll(() => db?.close());

describe('stg_tip_tiers', () => {
  it('stages every row whose code is in countries (3,208 rows less 17 for KOS)', () => {
    expect(counts.stg_tip_tiers).toBe(3191);
  });

  it('types and cleans quoted source rows', async () => {
    const got = await rows(db, `SELECT source_line, iso3, year, tier, tier_raw FROM stg_tip_tiers
      WHERE source_line IN (2, 5, 13, 1082, 2473, 2880) ORDER BY source_line`);
    expect(got).toEqual([
      // line 2:    "Afghanistan","AFG",1999,700,NA
      { source_line: 2, iso3: 'AFG', year: 1999, tier: null, tier_raw: null },
      // line 5:    "Afghanistan","AFG",2002,700,"Tier 3"
      { source_line: 5, iso3: 'AFG', year: 2002, tier: 'Tier 3', tier_raw: 'Tier 3' },
      // line 13:   "Afghanistan","AFG",2010,700,"Watchlist    "
      { source_line: 13, iso3: 'AFG', year: 2010, tier: 'Tier 2 Watch List', tier_raw: 'Watchlist    ' },
      // line 1082: "Germany","DEU",2010,255,"Tier 1    "
      { source_line: 1082, iso3: 'DEU', year: 2010, tier: 'Tier 1', tier_raw: 'Tier 1    ' },
      // line 2473: "Serbia","SRB",2010,1003,"Tier 2    "
      { source_line: 2473, iso3: 'SRB', year: 2010, tier: 'Tier 2', tier_raw: 'Tier 2    ' },
      // line 2880: "Thailand","THA",2010,800,"Watchlist    "
      { source_line: 2880, iso3: 'THA', year: 2010, tier: 'Tier 2 Watch List', tier_raw: 'Watchlist    ' },
    ]);
  });

  it('maps every raw label into the closed vocabulary', async () => {
    const labels = await rows<{ tier_raw: string | null; tier: string | null; n: number }>(db,
      'SELECT tier_raw, tier, count(*) AS n FROM stg_tip_tiers GROUP BY ALL ORDER BY tier_raw NULLS FIRST');
    expect(labels).toEqual([
      { tier_raw: null, tier: null, n: 947 },
      { tier_raw: 'Tier 1    ', tier: 'Tier 1', n: 387 },
      { tier_raw: 'Tier 2    ', tier: 'Tier 2', n: 1106 },
      { tier_raw: 'Tier 3', tier: 'Tier 3', n: 257 },
      { tier_raw: 'Watchlist    ', tier: 'Tier 2 Watch List', n: 494 },
    ]);
    for (const l of labels) if (l.tier !== null) expect(TIERS).toContain(l.tier);
  });

  it('stops on a label outside the vocabulary instead of nulling it', async () => {
    const other = await lensDb();
    try {
      await loadCountriesFixture(other);
      await writeRows(other, raw_tip_tiers, [
        { source_line: 2, countryname: 'Germany', iso: 'DEU', year: '2010', ccode: '255', tier: 'Special Case ' },
        { source_line: 3, countryname: 'Germany', iso: 'DEU', year: '2011', ccode: '255', tier: 'Tier 4' },
      ]);
      await expect(runChecked(other, 'staging', 'stg_tip_tiers'))
        .rejects.toThrow(/unknown tier label "Tier 4" at line 3 of tip_tiers_orig\.csv/);
      await writeRows(other, raw_tip_tiers, [
        { source_line: 2, countryname: 'Germany', iso: 'DEU', year: '2010', ccode: '255', tier: 'Special Case ' },
        { source_line: 3, countryname: 'Germany', iso: 'DEU', year: '2011', ccode: '255', tier: 'Special' },
      ]);
      await runChecked(other, 'staging', 'stg_tip_tiers');
      expect(await rows(other, 'SELECT tier FROM stg_tip_tiers ORDER BY year')).toEqual([{ tier: 'Special case' }, { tier: 'Special case' }]);
    } finally { other.close(); }
  });
});

describe('stg_policy_index', () => {
  it('stages every row whose code is in countries or recovered through the COW code (3,021 less 16 for KOS)', async () => {
    expect(counts.stg_policy_index).toBe(3005);
    expect(await rows(db, 'SELECT iso_source, count(*) AS n FROM stg_policy_index GROUP BY ALL ORDER BY 1'))
      .toEqual([{ iso_source: 'cow', n: 239 }, { iso_source: 'file', n: 2766 }]);
  });

  it('types known 2010 rows', async () => {
    const got = await rows(db, `SELECT source_line, iso3, year, p, prosecution, prevention, protection, tier, iso_source
      FROM stg_policy_index WHERE source_line IN (701, 2620, 3018) ORDER BY source_line`);
    expect(got).toEqual([
      // line 701:  "Germany",2010,255,1,13,5,5,3,"Germany","DEU",2001,TRUE,10,-2,-0.2
      { source_line: 701, iso3: 'DEU', year: 2010, p: 13, prosecution: 5, prevention: 5, protection: 3, tier: 'Tier 1', iso_source: 'file' },
      // line 2620: "Thailand",2010,800,2.5,11,4,4,3,"Thailand","THA",2001,TRUE,10,1,0.1
      { source_line: 2620, iso3: 'THA', year: 2010, p: 11, prosecution: 4, prevention: 4, protection: 3, tier: 'Tier 2 Watch List', iso_source: 'file' },
      // line 3018: "Serbia",2010,1003,2,12,5,4,3,NA,NA,NA,NA,NA,NA,NA  (iso NA; COW 1003 is SRB in tip_tiers_orig.csv)
      { source_line: 3018, iso3: 'SRB', year: 2010, p: 12, prosecution: 5, prevention: 4, protection: 3, tier: 'Tier 2', iso_source: 'cow' },
    ]);
  });

  it('keeps scores within 1–5 and p within 3–15', async () => {
    const [r] = await rows(db, `SELECT
        min(prosecution) AS min_pros, max(prosecution) AS max_pros, min(prevention) AS min_prev, max(prevention) AS max_prev,
        min(protection) AS min_prot, max(protection) AS max_prot, min(p) AS min_p, max(p) AS max_p,
        count(*) FILTER (WHERE p <> prosecution + prevention + protection) AS n_sum_mismatch
      FROM stg_policy_index`);
    expect(r).toEqual({ min_pros: 1, max_pros: 5, min_prev: 1, max_prev: 5, min_prot: 1, max_prot: 5, min_p: 3, max_p: 15, n_sum_mismatch: 0 });
  });

  it("agrees with tip_tiers_orig.csv on the tier of every country-year in both", async () => {
    const [r] = await rows(db, `SELECT count(*) AS n, count(*) FILTER (WHERE t.tier IS DISTINCT FROM p.tier) AS disagree
      FROM stg_tip_tiers t JOIN stg_policy_index p USING (iso3, year) WHERE t.tier IS NOT NULL OR p.tier IS NOT NULL`);
    expect(r).toEqual({ n: 2059, disagree: 0 });
  });
});

describe('indicator_code_mismatches', () => {
  it('lists every code that does not match countries, with what was done', async () => {
    const got = await rows(db, `SELECT dataset, iso, countryname, n_rows, problem, resolved_iso3, resolution
      FROM indicator_code_mismatches ORDER BY dataset, iso, countryname`);
    const resolved = (countryname: string, n_rows: number, iso3: string) => ({
      dataset: 'policy_index.csv', iso: 'NA', countryname, n_rows, problem: 'code missing', resolved_iso3: iso3, resolution: 'resolved through COW code',
    });
    expect(got).toEqual([
      { dataset: 'policy_index.csv', iso: 'KOS', countryname: 'Kosovo', n_rows: 16, problem: 'code not in countries', resolved_iso3: null, resolution: 'not staged' },
      resolved('CapeVerde', 16, 'CPV'),
      resolved('Comoros', 16, 'COM'),
      resolved('Dominica', 16, 'DMA'),
      resolved('Hong Kong', 16, 'HKG'),
      resolved('Macau', 15, 'MAC'),
      resolved('MarshallIs', 16, 'MHL'),
      resolved('Palau', 16, 'PLW'),
      resolved('Samoa', 16, 'WSM'),
      resolved('Sao Tome', 16, 'STP'),
      resolved('Serbia', 16, 'SRB'),
      resolved('Seychelles', 16, 'SYC'),
      resolved('St.Kitts&Nevis', 16, 'KNA'),
      resolved('St.Lucia', 16, 'LCA'),
      resolved('Tonga', 16, 'TON'),
      resolved('Vanuatu', 16, 'VUT'),
      { dataset: 'tip_tiers_orig.csv', iso: 'KOS', countryname: 'Kosovo', n_rows: 17, problem: 'code not in countries', resolved_iso3: null, resolution: 'not staged' },
    ]);
  });

  it('accounts for every raw row: staged or listed as not staged', async () => {
    const [r] = await rows(db, `SELECT
        (SELECT count(*) FROM raw_tip_tiers) AS raw_tip,
        (SELECT count(*) FROM stg_tip_tiers) + (SELECT coalesce(sum(n_rows), 0) FROM indicator_code_mismatches
           WHERE dataset = 'tip_tiers_orig.csv' AND resolution = 'not staged') AS tip_accounted,
        (SELECT count(*) FROM raw_policy_index) AS raw_policy,
        (SELECT count(*) FROM stg_policy_index) + (SELECT coalesce(sum(n_rows), 0) FROM indicator_code_mismatches
           WHERE dataset = 'policy_index.csv' AND resolution = 'not staged') AS policy_accounted`);
    expect(r.tip_accounted).toBe(r.raw_tip);
    expect(r.policy_accounted).toBe(r.raw_policy);
  });
});

describe('indicator coverage of the indicator year (params.indicator_year = 2010)', () => {
  it('counts the countries with a tier and with 3P scores', async () => {
    const [r] = await rows(db, `SELECT count(*) AS n_rows,
        count(*) FILTER (WHERE has_tier) AS n_tier, count(*) FILTER (WHERE has_3p) AS n_3p,
        count(*) FILTER (WHERE has_tier AND has_3p) AS n_both
      FROM int_country_year_indicators WHERE year = getvariable('indicator_year')`);
    expect(r).toEqual({ n_rows: 188, n_tier: 171, n_3p: 179, n_both: 171 });
  });
});
