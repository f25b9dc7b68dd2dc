/**
 * The final tables on the real report: specific cells checked against what the
 * report says (quoted), and every count joined back to the evidence behind it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openBuilt, query } from '../helpers/built.ts';
import type { Db } from '../../pipelines/core/db.ts';

let db: Db;
beforeAll(async () => { db = await openBuilt(); });
afterAll(() => db.close());

const one = async <T = Record<string, unknown>>(sql: string) => {
  const rows = await query<T>(db, sql);
  expect(rows).toHaveLength(1);
  return rows[0];
};

describe('coverage_mechanism_theme', () => {
  it('is the full mechanism × theme cross product', async () => {
    const { n, m, t } = await one<{ n: number; m: number; t: number }>(`SELECT count(*)::INTEGER n,
      (SELECT count(*) FROM mechanisms)::INTEGER m, (SELECT count(*) FROM themes)::INTEGER t FROM coverage_mechanism_theme`);
    expect(n).toBe(m * t);
  });

  it('credits the CoE with redress in para. 88', async () => {
    // para 88: "The right to access effective legal remedies including compensation for victims of trafficking is
    // dealt with for the first time in a regional legally binding instrument in article 15 of the CoE Convention."
    const r = await one(`SELECT covered, paragraphs FROM coverage_mechanism_theme WHERE mechanism_id = 'coe' AND theme_id = 'redress'`);
    expect(r).toEqual({ covered: true, paragraphs: [88] });
  });

  it('credits COMMIT with cooperation with the private sector (para. 64) and the CoE alone with new technologies (para. 103)', async () => {
    // para 64: "COMMIT in the Mekong region has also started addressing this concern. Its efforts have focused on
    // identifying private tourism sector partners"
    expect((await one<{ paragraphs: number[] }>(`SELECT paragraphs FROM coverage_mechanism_theme WHERE mechanism_id = 'commit' AND theme_id = 'private_sector'`)).paragraphs).toContain(64);
    // para 103: "The CoE is one of the few organizations that has addressed the impact of new information technologies"
    // para 72: the CoE "prepared a study entitled "Trafficking in human beings: Internet recruitment""
    const rows = await query(db, `SELECT mechanism_id, paragraphs FROM coverage_mechanism_theme WHERE theme_id = 'new_technologies' AND covered`);
    expect(rows).toEqual([{ mechanism_id: 'coe', paragraphs: [72, 103] }]);
  });

  it('gives no theme to organisations the report only lists in para. 3', async () => {
    // para 3 lists the Economic Commission for Europe among those that did not respond; nothing else is said of it
    const r = await one<{ n: number }>(`SELECT count(*) FILTER (WHERE covered)::INTEGER n FROM coverage_mechanism_theme WHERE mechanism_id = 'ece'`);
    expect(r.n).toBe(0);
  });

  it('counts exactly the distinct evidence paragraphs behind every non-zero cell', async () => {
    const bad = await query(db, `
      WITH behind AS (
        SELECT mechanism_id, theme_id, count(DISTINCT para_no)::INTEGER n, list(DISTINCT para_no ORDER BY para_no) p
        FROM evidence WHERE role = 'actor' GROUP BY ALL)
      SELECT c.mechanism_id, c.theme_id, c.n_paragraphs, behind.n FROM coverage_mechanism_theme c
      LEFT JOIN behind USING (mechanism_id, theme_id)
      WHERE c.n_paragraphs > 0 AND (behind.n IS NULL OR behind.n <> c.n_paragraphs OR behind.p <> c.paragraphs)`);
    expect(bad).toEqual([]);
    const nonZero = await one<{ n: number }>(`SELECT count(*)::INTEGER n FROM coverage_mechanism_theme WHERE n_paragraphs > 0`);
    expect(nonZero.n).toBeGreaterThan(50);
  });
});

describe('coverage_document_theme', () => {
  it('counts what coverage_mechanism_theme counts: the seed is one document, so every pair has the same paragraphs', async () => {
    const [{ bad, pairs }] = await query<{ bad: bigint; pairs: bigint }>(db, `
      SELECT count(*) FILTER (WHERE d.paragraphs IS DISTINCT FROM m.paragraphs) AS bad, count(*) AS pairs
      FROM coverage_document_theme d
      FULL JOIN (SELECT mechanism_id, theme_id, paragraphs FROM coverage_mechanism_theme WHERE covered) m USING (mechanism_id, theme_id)`);
    expect(pairs).toBeGreaterThan(50n);
    expect(bad).toBe(0n);
  });

  it('does not credit LAS with funding: para. 105 says it "lacked the necessary funds"', async () => {
    const rows = await query(db, `SELECT 1 FROM coverage_document_theme WHERE mechanism_id = 'las' AND list_contains(paragraphs, 105)`);
    expect(rows).toEqual([]);
  });
});

describe('coverage_region_theme', () => {
  it('counts the CoE and OSCE for redress in Europe and Central Asia (para. 88)', async () => {
    // para 88: "... article 15 of the CoE Convention ... In 2008, OSCE also published a study on
    // "Compensation for Trafficked and Exploited Persons in the OSCE Region"."
    const r = await one<{ mechanisms: string[]; paragraphs: number[]; n_mechanisms: number; share: number; n_mechanisms_in_region: number }>(
      `SELECT * FROM coverage_region_theme WHERE region = 'Europe and Central Asia' AND theme_id = 'redress'`);
    expect(r.mechanisms).toEqual(expect.arrayContaining(['coe', 'osce']));
    expect(r.paragraphs).toContain(88);
    expect(r.share).toBeCloseTo(r.n_mechanisms / r.n_mechanisms_in_region, 10);
  });

  it('equals the number of mechanisms with evidence, for every cell', async () => {
    const bad = await query(db, `
      WITH behind AS (
        SELECT m.region, e.theme_id, count(DISTINCT e.mechanism_id)::INTEGER n FROM evidence e
        JOIN mechanisms m USING (mechanism_id) WHERE e.role = 'actor' GROUP BY ALL)
      SELECT c.region, c.theme_id, c.n_mechanisms, behind.n FROM coverage_region_theme c LEFT JOIN behind USING (region, theme_id)
      WHERE coalesce(behind.n, 0) <> c.n_mechanisms`);
    expect(bad).toEqual([]);
  });
});

describe('gender_inclusion', () => {
  it('keeps the instrument\'s scope apart from what the report describes: SAARC (para. 25), COMMIT (para. 99)', async () => {
    // para 25: "adopted a Regional Convention on Combating the Crime of Trafficking in Women and Children for Prostitution"
    const saarc = await one(`SELECT personal_scope, men_and_boys_explicit FROM gender_inclusion WHERE mechanism_id = 'saarc'`);
    expect(saarc).toEqual({ personal_scope: 'women and children only', men_and_boys_explicit: 'not stated' });
    // para 99: "COMMIT in the Mekong region has taken relevant steps to include men and boys in the COMMIT national plans"
    const commit = await one<{ men_and_boys_explicit: string; men_and_boys_paragraphs: number[]; men_and_boys_quote: string }>(
      `SELECT men_and_boys_explicit, men_and_boys_paragraphs, men_and_boys_quote FROM gender_inclusion WHERE mechanism_id = 'commit'`);
    expect(commit).toEqual({ men_and_boys_explicit: 'yes', men_and_boys_paragraphs: [99], men_and_boys_quote: expect.stringContaining('to include men and boys') });
  });

  it('says men and boys are addressed explicitly for COMMIT alone (paras. 98-99: "a number of regional cooperation initiatives only cover trafficking in women and children")', async () => {
    const rows = await query(db, `SELECT mechanism_id FROM gender_inclusion WHERE men_and_boys_explicit = 'yes'`);
    expect(rows).toEqual([{ mechanism_id: 'commit' }]);
  });

  it('finds the CoE Convention\'s gender mainstreaming and child measures in para. 94', async () => {
    // para 94: "The CoE Convention, in addition to requiring the use of gender mainstreaming ... also contains special measures for children."
    const coe = await one(`SELECT gender_mainstreaming, gender_mainstreaming_paragraphs, child_specific FROM gender_inclusion WHERE mechanism_id = 'coe'`);
    expect(coe).toEqual({ gender_mainstreaming: 'true', gender_mainstreaming_paragraphs: [94], child_specific: 'true' });
  });

  it('summarises by region with counts that add up', async () => {
    const bad = await query(db, `SELECT r.region FROM gender_inclusion_region r JOIN (
      SELECT region, count(*) FILTER (WHERE men_and_boys_explicit = 'yes')::INTEGER n FROM gender_inclusion GROUP BY region) g USING (region)
      WHERE g.n <> r.n_men_and_boys_explicit`);
    expect(bad).toEqual([]);
  });
});

describe('redress', () => {
  it('gives the CoE legal aid, information on proceedings and compensation, and the OSCE compensation only (para. 88)', async () => {
    // para 88: "victims should have access ... to information on relevant judicial and administrative proceedings ...
    // They should also have access to free legal aid. ... the right of victims to compensation" (CoE Convention,
    // art. 15); "OSCE also published a study on Compensation ..."
    const coe = await one(`SELECT legal_aid, information, compensation FROM redress WHERE mechanism_id = 'coe'`);
    expect(coe).toEqual({ legal_aid: true, information: true, compensation: true });
    const osce = await one(`SELECT legal_aid, compensation, compensation_paragraphs FROM redress WHERE mechanism_id = 'osce'`);
    expect(osce).toEqual({ legal_aid: false, compensation: true, compensation_paragraphs: [88] });
  });

  it('uses one definition of redress: the table and the redress theme count the same mechanisms', async () => {
    const table = await query(db, `SELECT mechanism_id FROM redress WHERE addresses_redress ORDER BY 1`);
    const theme = await query(db, `SELECT mechanism_id FROM coverage_mechanism_theme WHERE theme_id = 'redress' AND covered ORDER BY 1`);
    expect(table).toEqual(theme);
    expect(table.length).toBeGreaterThan(0);
  });

  it('gives the Ouagadougou Action Plan (AU) confiscation and compensation (para. 90)', async () => {
    // para 90: "the Ouagadougou Action Plan calls upon States to adopt legislative provisions for the confiscation of
    // instruments and proceeds of trafficking ... the possibility of obtaining compensation for damage suffered."
    const au = await one(`SELECT asset_confiscation, compensation, compensation_paragraphs FROM redress WHERE mechanism_id = 'au'`);
    expect(au).toEqual({ asset_confiscation: true, compensation: true, compensation_paragraphs: [90] });
  });

  it('agrees with the data-gap finding on how many mechanisms address redress', async () => {
    const { n } = await one<{ n: number }>(`SELECT count(*) FILTER (WHERE addresses_redress)::INTEGER n FROM redress`);
    const gap = await one<{ value: number }>(`SELECT value FROM data_gaps WHERE finding_id = 'redress:mechanisms'`);
    expect(gap.value).toBe(n);
    // para 85: "these aspects have received attention from only a few regional organizations"
    expect(n).toBeLessThanOrEqual(6);
  });
});

describe('recommendation_coverage', () => {
  it('has every recommendation 106–137 and (g), split into asks; the CoE alone studies the Internet (122.1)', async () => {
    const ids = (await query<{ id: string }>(db, 'SELECT DISTINCT recommendation_id id FROM recommendation_coverage')).map((r) => r.id);
    expect(ids.sort()).toEqual([...Array.from({ length: 32 }, (_, i) => String(106 + i)), 'g'].sort());
    // para 103: the CoE issued "a report on the "Impact of the use of new information technologies on trafficking""
    expect(await one(`SELECT mechanisms FROM recommendation_coverage WHERE ask_id = '122.1'`)).toEqual({ mechanisms: ['coe'] });
  });

  it('shows zero where no mechanism is described doing the ask: financial support for regional mechanisms (g.1)', async () => {
    // para 105: "LAS lacked the necessary funds to provide it" — a lack, not an activity
    expect(await one(`SELECT n_mechanisms, recommendation_text LIKE 'The international community should explore%' g FROM recommendation_coverage WHERE ask_id = 'g.1'`))
      .toEqual({ n_mechanisms: 0, g: true });
  });
});

describe('data_gaps', () => {
  it('states what LAS lacks as a gap in the report\'s words, and credits nobody with it (para. 105)', async () => {
    const r = await one<{ statement: string }>(`SELECT statement FROM data_gaps WHERE finding_id = 'lacking:las:105'`);
    expect(r.statement).toContain('LAS lacked the necessary funds to provide it');
    const funding = await query(db, `SELECT mechanism_id FROM coverage_mechanism_theme WHERE theme_id = 'funding' AND covered`);
    expect(funding).not.toContainEqual({ mechanism_id: 'las' });
  });

  it('states every denominator in words', async () => {
    const bad = await query<{ finding_id: string }>(db, `SELECT finding_id FROM data_gaps WHERE kind <> 'lacking'
      AND (NOT contains(statement, denominator::VARCHAR) OR NOT contains(statement, denominator_words))`);
    expect(bad).toEqual([]);
  });

  it('counts the organisations that did not answer the request for information (para. 3)', async () => {
    // para 3: "She regrets not having yet received a response from the Andean Community of Nations (CAN), ... and the
    // Southern Africa Development Community." — 14 organisations; 13 were thanked.
    const r = await one(`SELECT value, denominator, citations FROM data_gaps WHERE finding_id = 'no_response:request_for_information'`);
    expect(r).toEqual({ value: 14, denominator: 27, citations: [3] });
  });

  it('lists the themes addressed by few mechanisms, each with its paragraphs', async () => {
    const rows = await query<{ finding_id: string; value: number; citations: number[]; statement: string }>(db,
      `SELECT finding_id, value, citations, statement FROM data_gaps WHERE kind = 'few_mechanisms' ORDER BY 1`);
    expect(rows.map((r) => r.finding_id)).toContain('few_mechanisms:new_technologies');
    for (const r of rows) {
      expect(r.value).toBeLessThanOrEqual(2);
      if (r.value > 0) expect(r.citations.length).toBeGreaterThan(0);
      expect(r.statement).toMatch(/A\/HRC\/14\/32, paras?\. \d+/);
    }
  });

  it('cites only paragraphs that exist, in ascending order', async () => {
    const bad = await query(db, `SELECT finding_id FROM data_gaps, unnest(citations) AS u(p)
      WHERE p NOT IN (SELECT para_no FROM paragraphs) GROUP BY 1`);
    expect(bad).toEqual([]);
    const unsorted = await query(db, `SELECT finding_id FROM data_gaps WHERE citations <> list_sort(citations)`);
    expect(unsorted).toEqual([]);
  });
});
