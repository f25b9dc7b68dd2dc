/**
 * One number for one quantity: every number printed in the briefing's findings and in
 * the chart titles and subtitles is recomputed here, from the tables, by SQL written
 * for this test (not the models' own), and compared in print order. A new number in a
 * title or a statement fails until this test knows how to recompute it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtOut, openBuilt, query } from '../helpers/built.ts';
import type { Db } from '../../pipelines/core/db.ts';
import { PARAMS } from '../../pipelines/core/params.ts';
import { COUNTS, type Gap, coveringTheme, expectedNumbers, oneNumber, printedNumbers } from '../helpers/gap-numbers.ts';

let db: Db;
beforeAll(async () => { db = await openBuilt(); });
afterAll(() => db.close());

const one = (sql: string): Promise<number> => oneNumber(db, sql);

function titleOf(name: string): { title: string; subtitle: string[] } {
  const spec = JSON.parse(readFileSync(join(builtOut(), 'charts', `${name}.vl.json`), 'utf8'));
  const t = spec.title;
  const text = typeof t === 'string' ? t : Array.isArray(t.text) ? t.text.join(' ') : t.text;
  const sub = t.subtitle === undefined ? [] : Array.isArray(t.subtitle) ? t.subtitle : [t.subtitle];
  return { title: text, subtitle: sub };
}

describe('numbers in the chart titles and subtitles', () => {
  it('redress-elements: mechanisms described addressing an element of redress, of all mechanisms', async () => {
    expect(printedNumbers(titleOf('redress-elements').title)).toEqual([await one(coveringTheme('redress')), await one(COUNTS.mechanisms)]);
  });

  it('gender-inclusion: mechanisms described addressing men and boys, of all mechanisms', async () => {
    expect(printedNumbers(titleOf('gender-inclusion').title)).toEqual([await one(coveringTheme('gender_men')), await one(COUNTS.mechanisms)]);
  });

  it('mechanism-theme-matrix: the widest coverage, of all themes; mechanisms with none, of all', async () => {
    const widest = await one(`SELECT max(n) FROM (SELECT count(DISTINCT theme_id) n FROM evidence WHERE role = 'actor' GROUP BY mechanism_id)`);
    expect(printedNumbers(titleOf('mechanism-theme-matrix').title))
      .toEqual([widest, await one(COUNTS.themes), await one(COUNTS.undescribed), await one(COUNTS.mechanisms)]);
  });

  it('the grids name the mechanisms without evidence by their answer to para. 3', async () => {
    const by = async (status: string) => one(`SELECT count(*) FROM mechanisms WHERE response_status = '${status}'
      AND mechanism_id NOT IN (SELECT mechanism_id FROM evidence WHERE role = 'actor')`);
    const expected = [await one(COUNTS.undescribed), await by('did not respond'), await by('not asked'), await by('responded')];
    for (const name of ['mechanism-theme-matrix', 'redress-elements', 'gender-inclusion']) {
      const lines = titleOf(name).subtitle.filter((l) => /^(Not shown|Did not respond|Not asked|Responded)/.test(l));
      expect(lines.flatMap((l) => printedNumbers(l.replace(/\(para\. 3\)/, ''))), name).toEqual(expected);
    }
  });

  it('themes-ranked: themes addressed by few mechanisms, of all themes, with the threshold and the mechanisms', async () => {
    const max = PARAMS.few_mechanisms_max;
    const few = await one(`SELECT count(*) FROM themes t WHERE (SELECT count(DISTINCT mechanism_id) FROM evidence e
      WHERE e.role = 'actor' AND e.theme_id = t.theme_id) <= ${max}`);
    expect(printedNumbers(titleOf('themes-ranked').title)).toEqual([few, await one(COUNTS.themes), max, await one(COUNTS.mechanisms)]);
    expect(printedNumbers(titleOf('themes-ranked').subtitle.slice(1).join(' '))).toEqual([await one(COUNTS.mechanisms), max]);
  });

  it('region-theme-heatmap: the fewest themes a region covers, of all themes, and the most', async () => {
    const per = `SELECT m.region, count(DISTINCT e.theme_id) n FROM mechanisms m LEFT JOIN evidence e ON e.mechanism_id = m.mechanism_id AND e.role = 'actor' GROUP BY m.region`;
    expect(printedNumbers(titleOf('region-theme-heatmap').title))
      .toEqual([await one(`SELECT min(n) FROM (${per})`), await one(COUNTS.themes), await one(`SELECT max(n) FROM (${per})`)]);
  });

  it('request-responses: organisations that had not responded, of those asked', async () => {
    expect(printedNumbers(titleOf('request-responses').title))
      .toEqual([await one('SELECT count(*) FILTER (WHERE NOT responded) FROM data_requests'), await one('SELECT count(*) FROM data_requests')]);
  });

  it('recommendations-coverage: asks no mechanism is described doing, of all asks', async () => {
    expect(printedNumbers(titleOf('recommendations-coverage').title)).toEqual([
      await one('SELECT count(*) FROM recommendation_asks WHERE ask_id NOT IN (SELECT ask_id FROM ask_claims)'),
      await one('SELECT count(*) FROM recommendation_asks'),
    ]);
  });

  it('member-map: member states whose mechanisms cover the most themes, that number, of all themes', async () => {
    const per = `SELECT mm.iso3, count(DISTINCT e.theme_id) n FROM mechanism_members mm JOIN evidence e ON e.mechanism_id = mm.mechanism_id AND e.role = 'actor' GROUP BY mm.iso3`;
    const most = await one(`SELECT max(n) FROM (${per})`);
    expect(printedNumbers(titleOf('member-map').title))
      .toEqual([await one(`SELECT count(*) FROM (${per}) WHERE n = ${most}`), most, await one(COUNTS.themes)]);
  });

  it('protection-map: members without a protection score, of all members; members of a mechanism addressing redress', async () => {
    const line = titleOf('protection-map').subtitle.find((l) => l.startsWith('Grey:'))!;
    expect(printedNumbers(line)).toEqual([
      await one('SELECT count(*) FILTER (WHERE protection_2010 IS NULL) FROM country_coverage'),
      await one('SELECT count(*) FROM country_coverage'),
      await one(`SELECT count(DISTINCT mm.iso3) FROM mechanism_members mm WHERE mm.mechanism_id IN
        (SELECT mechanism_id FROM evidence WHERE role = 'actor' AND theme_id = 'redress')`),
    ]);
  });

  it('country-profile: the country\'s mechanisms and its 3P scores', async () => {
    const { title, subtitle } = titleOf('country-profile');
    expect(printedNumbers(title)).toEqual([await one(`SELECT count(*) FROM mechanism_members WHERE iso3 = 'THA'`)]);
    const scores = subtitle.find((l) => l.includes('3P index'))!;
    const row = (await query<Record<string, number>>(db, `SELECT p_2010, prosecution_2010, prevention_2010, protection_2010 FROM country_coverage WHERE iso3 = 'THA'`))[0]!;
    expect(printedNumbers(scores.replace(/Tier \d/g, ''))).toEqual([row.p_2010, row.prosecution_2010, row.prevention_2010, row.protection_2010].map(Number));
  });
});

describe('numbers in the findings of the briefing', () => {
  let gaps: Gap[];
  beforeAll(async () => { gaps = await query<Gap>(db, 'SELECT finding_id, kind, subject, statement, value, denominator FROM data_gaps ORDER BY finding_id'); });

  it('every finding prints the numbers the tables give, in order', async () => {
    expect(gaps.length).toBeGreaterThan(5);
    for (const g of gaps) expect(printedNumbers(g.statement), `${g.finding_id}: ${g.statement}`).toEqual(await expectedNumbers(db, g));
  });

  it('the briefing prints the findings and the chart titles as they are in the tables and specs', () => {
    const html = readFileSync(join(builtOut(), 'briefing', 'briefing.html'), 'utf8');
    const md = readFileSync(join(builtOut(), 'briefing', 'briefing.md'), 'utf8');
    // the page's text: tags dropped, entities decoded
    const text = html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!).replace(/\s+/g, ' ');
    for (const g of gaps) expect(text.includes(g.statement.replace(/\s+/g, ' ')), `${g.finding_id}: ${g.statement}`).toBe(true);
    for (const name of ['redress-elements', 'gender-inclusion', 'themes-ranked', 'request-responses', 'region-theme-heatmap']) {
      expect(md.includes(titleOf(name).title), name).toBe(true);
    }
    const methods = md.slice(md.indexOf('## Methods and caveats'));
    const asked = printedNumbers(methods.match(/\d+ of the \d+ organisations asked/)![0]);
    expect(asked).toEqual(printedNumbers(gaps.find((g) => g.kind === 'no_response')!.statement).slice(0, 2));
  });
});
