/**
 * The country lens on the real seed: the build made once by test/global-setup.ts,
 * read-only. Known rows of the two indicator files are quoted as they are printed
 * (and checked to be on that line of the file), then followed through to
 * country_coverage; membership, redress and gaps are checked against the report.
 * Descriptive only: nothing here relates the indicators to the report's evidence.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../pipelines/core/db.ts';
import { countryProfileRows } from '../../pipelines/report/charts/country-profile.ts';
import { type QuartileRow, scoresByMechanismRows, summarizeScores } from '../../pipelines/report/charts/scores-by-mechanism.ts';
import { INDICATOR_SOURCES } from '../../pipelines/report/charts/indicators.ts';
import { builtOut, openBuilt } from '../helpers/built.ts';
import { INDICATORS_DIR, rows } from './helpers.ts';

let db: Db;
beforeAll(async () => { db = await openBuilt(); });
afterAll(() => db?.close());

/** Line `n` (1-based, the header is line 1) of an indicator file, as printed. */
function line(file: string, n: number): string {
  return readFileSync(join(INDICATORS_DIR, file), 'utf8').split(/\r?\n/)[n - 1]!;
}

type Coverage = Record<string, unknown> & { iso3: string };
async function coverage(iso3: string): Promise<Coverage> {
  const r = await rows<Coverage>(db, `SELECT * FROM country_coverage WHERE iso3 = '${iso3}'`);
  expect(r, `country_coverage row of ${iso3}`).toHaveLength(1);
  return r[0]!;
}

describe('known 2010 rows of the indicator files reach country_coverage', () => {
  // tip_tiers_orig.csv: "countryname","iso","year","ccode","tier"
  // policy_index.csv:   "countryname","year","cow","tier","p","prosecution","prevention","protection","country_name","iso",…
  const KNOWN = [
    {
      iso3: 'THA',
      tipLine: 2880, tip: '"Thailand","THA",2010,800,"Watchlist    "',
      policyLine: 2620, policy: '"Thailand",2010,800,2.5,11,4,4,3,"Thailand","THA",2001,TRUE,10,1,0.1',
      expected: { tip_tier_2010: 'Tier 2 Watch List', p_2010: 11, prosecution_2010: 4, prevention_2010: 4, protection_2010: 3, has_full_data: true },
    },
    {
      iso3: 'DEU',
      tipLine: 1082, tip: '"Germany","DEU",2010,255,"Tier 1    "',
      policyLine: 701, policy: '"Germany",2010,255,1,13,5,5,3,"Germany","DEU",2001,TRUE,10,-2,-0.2',
      expected: { tip_tier_2010: 'Tier 1', p_2010: 13, prosecution_2010: 5, prevention_2010: 5, protection_2010: 3, has_full_data: true },
    },
  ] as const;

  it.each(KNOWN)('$iso3: the quoted lines are in the files as printed', (k) => {
    expect(line('tip_tiers_orig.csv', k.tipLine)).toBe(k.tip);
    expect(line('policy_index.csv', k.policyLine)).toBe(k.policy);
  });

  it.each(KNOWN)('$iso3: country_coverage holds those values (watch list cleaned to "Tier 2 Watch List")', async (k) => {
    expect(await coverage(k.iso3)).toMatchObject(k.expected);
  });
});

describe('membership and redress', () => {
  it("Thailand's mechanisms include ASEAN, COMMIT and the Bali Process", async () => {
    const mechs = (await rows<{ mechanism_id: string; acronym: string }>(db,
      "SELECT mechanism_id, acronym FROM country_mechanisms WHERE iso3 = 'THA' ORDER BY mechanism_id")).map((r) => r.acronym);
    expect(mechs).toEqual(expect.arrayContaining(['ASEAN', 'COMMIT', 'Bali Process']));
    expect(((await coverage('THA')).mechanisms as string[])).toEqual(expect.arrayContaining(['asean', 'bali_process', 'commit']));
  });

  it("COMMIT's members are the six Governments of para. 24, and Thailand's membership cites it", async () => {
    // A/HRC/14/32, para. 24: "In the Mekong region, six Governments (Cambodia, China, Lao People’s
    // Democratic Republic, Myanmar, Thailand, and Viet Nam) established the COMMIT Process in 2004."
    const [p24] = await rows<{ text: string }>(db, 'SELECT text FROM paragraphs WHERE para_no = 24');
    expect(p24!.text).toContain('six Governments (Cambodia, China, Lao People’s Democratic Republic, Myanmar, Thailand, and Viet Nam)');
    const commit = await rows<{ iso3: string; paragraphs: number[] }>(db,
      "SELECT iso3, paragraphs FROM country_mechanisms WHERE mechanism_id = 'commit' ORDER BY iso3");
    expect(commit.map((r) => r.iso3)).toEqual(['CHN', 'KHM', 'LAO', 'MMR', 'THA', 'VNM']);
    expect(commit.find((r) => r.iso3 === 'THA')!.paragraphs).toContain(24);
  });

  it('Thailand: COMMIT addresses redress (para. 89), so any_redress is true with its paragraphs; ASEAN\'s support for witnesses (para. 81) is protection, not redress', async () => {
    const red = await rows<{ mechanism_id: string; paragraphs: number[] }>(db, `
      SELECT redress.mechanism_id, redress.paragraphs
      FROM redress JOIN country_mechanisms USING (mechanism_id)
      WHERE country_mechanisms.iso3 = 'THA' AND redress.addresses_redress
      ORDER BY redress.mechanism_id`);
    expect(red.map((r) => r.mechanism_id)).toEqual(['commit']);
    const expected = [...new Set(red.flatMap((r) => r.paragraphs))].sort((a, b) => a - b);
    expect(expected).toContain(89); // COMMIT under the report's "Redress" heading (paras. 85–90)
    expect(await coverage('THA')).toMatchObject({ any_redress: true, redress_mechanisms: ['commit'], redress_paragraphs: expected });
  });

  it('any_redress is true exactly for the members of a mechanism addressing redress', async () => {
    const mismatched = await rows(db, `
      WITH expected AS (
        SELECT country_mechanisms.iso3, bool_or(coalesce(redress.addresses_redress, false)) AS any_redress
        FROM country_mechanisms LEFT JOIN redress USING (mechanism_id)
        GROUP BY country_mechanisms.iso3
      )
      SELECT iso3 FROM country_coverage JOIN expected USING (iso3)
      WHERE country_coverage.any_redress <> expected.any_redress
         OR (country_coverage.any_redress AND len(country_coverage.redress_paragraphs) = 0)`);
    expect(mismatched).toEqual([]);
  });
});

describe('indicator gaps and distributions', () => {
  it('lists the United States, a member absent from both indicator files, for each of its mechanisms', async () => {
    expect(readFileSync(join(INDICATORS_DIR, 'tip_tiers_orig.csv'), 'utf8')).not.toContain('"USA"');
    expect(readFileSync(join(INDICATORS_DIR, 'policy_index.csv'), 'utf8')).not.toContain('"USA"');
    const gaps = await rows<Record<string, unknown>>(db, "SELECT * FROM indicator_gaps WHERE iso3 = 'USA' ORDER BY mechanism_id");
    const members = await rows<{ mechanism_id: string }>(db, "SELECT mechanism_id FROM country_mechanisms WHERE iso3 = 'USA' ORDER BY mechanism_id");
    expect(gaps.map((g) => g.mechanism_id)).toEqual(members.map((m) => m.mechanism_id));
    expect(gaps.map((g) => g.mechanism_id)).toContain('oas');
    for (const g of gaps) {
      expect(g).toMatchObject({ year: 2010, missing: 'tier and 3p', missing_columns: ['tier', 'p', 'prosecution', 'prevention', 'protection'], in_tier_dataset: false, in_3p_dataset: false });
    }
    expect(await coverage('USA')).toMatchObject({ tip_tier_2010: null, p_2010: null, protection_2010: null, has_full_data: false });
  });

  it('every member without full 2010 data is in indicator_gaps, and no member with full data is', async () => {
    const [r] = await rows<{ not_full: number; gap_countries: number; full_in_gaps: number }>(db, `
      SELECT
        (SELECT count(*) FROM country_coverage WHERE NOT has_full_data) AS not_full,
        (SELECT count(DISTINCT iso3) FROM indicator_gaps) AS gap_countries,
        (SELECT count(*) FROM indicator_gaps JOIN country_coverage USING (iso3) WHERE has_full_data) AS full_in_gaps`);
    expect(r!.gap_countries).toBe(r!.not_full);
    expect(r!.full_in_gaps).toBe(0);
  });

  it('mechanism_indicators: n_with_data ≤ n_members, n per score ≤ n_with_data (year), q1 ≤ median ≤ q3', async () => {
    const mi = await rows<Record<string, number | string | null>>(db, 'SELECT * FROM mechanism_indicators');
    expect(mi.length).toBeGreaterThan(0);
    for (const r of mi) {
      const at = `${r.level} ${r.subject} ${r.period}`;
      expect(r.n_with_data as number, at).toBeLessThanOrEqual(r.n_members as number);
      for (const s of ['p', 'prosecution', 'prevention', 'protection']) {
        if (r.period === 'year') expect(r[`${s}_n`] as number, `${at} ${s}_n`).toBeLessThanOrEqual(r.n_with_data as number);
        const [q1, med, q3] = [r[`${s}_q1`], r[`${s}_median`], r[`${s}_q3`]] as (number | null)[];
        if ((r[`${s}_n`] as number) === 0) { expect([q1, med, q3], `${at} ${s}`).toEqual([null, null, null]); continue; }
        expect(q1!, `${at} ${s}`).toBeLessThanOrEqual(med!);
        expect(med!, `${at} ${s}`).toBeLessThanOrEqual(q3!);
      }
    }
    const commit = mi.find((r) => r.level === 'mechanism' && r.subject === 'commit' && r.period === 'year')!;
    expect(commit).toMatchObject({ n_members: 6, n_with_data: 6, p_n: 6 });
  });

  it('the scores-by-mechanism chart rows agree with mechanism_indicators (n and quartiles, 2010)', async () => {
    const tables = {
      country_mechanisms: await rows(db, 'SELECT * FROM country_mechanisms'),
      country_coverage: await rows(db, 'SELECT * FROM country_coverage'),
      mechanisms: await rows(db, 'SELECT * FROM mechanisms'),
    } as unknown as Parameters<typeof scoresByMechanismRows>[0];
    const mi = await rows<QuartileRow & Record<string, number | string | null>>(db,
      "SELECT * FROM mechanism_indicators WHERE level = 'mechanism' AND period = 'year'");
    for (const score of ['p', 'protection'] as const) {
      // the chart draws the table's quartiles over its own member rows: the counts agree, and the
      // quartiles lie within the members' lowest and highest score
      for (const s of summarizeScores(scoresByMechanismRows(tables), mi, score)) {
        const r = mi.find((x) => x.subject === s.mechanism_id)!;
        expect([s.n_members, s.n_with_score], `${s.acronym} ${score}`).toEqual([r.n_members, r[`${score}_n`]]);
        if (s.n_with_score === 0) { expect([s.q1, s.median, s.q3]).toEqual([null, null, null]); continue; }
        expect(s.min! <= s.q1! && s.q1! <= s.median! && s.median! <= s.q3! && s.q3! <= s.max!, `${s.acronym} ${score}`).toBe(true);
      }
    }
  });
});

describe('the country-lens charts of the build', () => {
  const spec = (name: string) => JSON.parse(readFileSync(join(builtOut(), 'charts', `${name}.vl.json`), 'utf8')) as Record<string, unknown> & {
    title: { text: string; subtitle: string[] }; description: string; usermeta: Record<string, unknown>;
  };

  it('renders the three charts, citing both indicator sources', () => {
    for (const name of ['protection-map', 'scores-by-mechanism', 'country-profile']) {
      const s = spec(name);
      expect(s.title.subtitle.join(' '), name).toContain(INDICATOR_SOURCES);
      expect(s.description.length, name).toBeGreaterThan(100);
    }
  });

  it('draws Thailand in the profile, with its 2010 tier and 3P scores in the subtitle', async () => {
    const s = spec('country-profile');
    expect(s.usermeta.iso3).toBe('THA');
    expect(s.title.subtitle.join('\n')).toContain('Thailand (THA), 2010: TIP tier: Tier 2 Watch List. 3P index: 11 (prosecution 4, prevention 4, protection 3).');
    const values = (s.data as { values: { acronym: string }[] }).values;
    expect(new Set(values.map((v) => v.acronym))).toEqual(new Set(['ASEAN', 'Bali Process', 'COMMIT', 'ESCAP']));
    const expected = countryProfileRows({
      country_mechanisms: await rows(db, 'SELECT * FROM country_mechanisms'),
      coverage_mechanism_theme: await rows(db, 'SELECT * FROM coverage_mechanism_theme'),
      country_coverage: await rows(db, 'SELECT * FROM country_coverage'),
    } as unknown as Parameters<typeof countryProfileRows>[0], 'THA');
    expect(values).toHaveLength(expected.length);
  });

  it('counts the members without a 2010 protection score in the map subtitle', async () => {
    const [r] = await rows<{ n: number; none: number }>(db,
      'SELECT count(*) AS n, count(*) FILTER (WHERE protection_2010 IS NULL) AS none FROM country_coverage');
    expect(spec('protection-map').title.subtitle.join('\n')).toContain(`Grey: ${r!.none} of ${r!.n} member states with no 2010 protection score.`);
  });
});

describe('generated text is descriptive', () => {
  const CAUSAL = /\b(because|causes?|caused by|leads? to|led to|due to|effect of|results? in|explains?)\b/i;

  it('no causal wording in the briefing, the data-gap statements or the chart titles and descriptions', async () => {
    const texts: [string, string][] = [];
    // The text forms of the briefing, without the report's own words (its quotes, “…”, may say "due to").
    for (const f of readdirSync(join(builtOut(), 'briefing')).filter((x) => /\.(md|html)$/.test(x))) {
      texts.push([`briefing/${f}`, readFileSync(join(builtOut(), 'briefing', f), 'utf8').replace(/“[^”]*”/g, '“…”')]);
    }
    for (const r of await rows<{ finding_id: string; statement: string }>(db, 'SELECT finding_id, statement FROM data_gaps')) texts.push([`data_gaps ${r.finding_id}`, r.statement]);
    for (const f of readdirSync(join(builtOut(), 'charts')).filter((x) => x.endsWith('.vl.json'))) {
      const s = JSON.parse(readFileSync(join(builtOut(), 'charts', f), 'utf8')) as { title?: unknown; description?: string };
      texts.push([`charts/${f}`, `${JSON.stringify(s.title)} ${s.description ?? ''}`]);
    }
    expect(texts.length).toBeGreaterThan(10);
    const hits = texts.filter(([, t]) => CAUSAL.test(t)).map(([where, t]) => `${where}: …${t.match(CAUSAL)![0]}…`);
    expect(hits).toEqual([]);
  });
});
