import { describe, expect, it } from 'vitest';
import {
  type MemberScoreRow, type QuartileRow, scoresByMechanism, scoresByMechanismRows, sizeLegendValues, summarizeScores,
} from '../../../pipelines/report/charts/scores-by-mechanism.ts';
import { INDICATOR_SOURCES } from '../../../pipelines/report/charts/indicators.ts';
import * as F from '../../fixtures/charts/rows.ts';
import {
  compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields, tooltipTitles,
} from '../../fixtures/charts/spec-helpers.ts';

const member = (mechanism_id: string, acronym: string, region: string, iso3: string, country_name: string,
  p: number | null, protection: number | null, mechanism_paragraphs: number[] = [], member_paragraphs: number[] = []): MemberScoreRow => ({
  mechanism_id, acronym, region, iso3, country_name, p, protection,
  prosecution: p === null ? null : 4, prevention: p === null ? null : p - 4 - (protection ?? 0), tier: null,
  mechanism_paragraphs, member_paragraphs,
});
// COMMIT's six (para 24) with their 2010 3P index; ASEAN with one member lacking scores.
const rows: MemberScoreRow[] = [
  member('commit', 'COMMIT', 'Asia-Pacific', 'KHM', 'Cambodia', 9, 3, [24, 89], [24]),
  member('commit', 'COMMIT', 'Asia-Pacific', 'CHN', 'China', 9, 2, [24, 89], [24]),
  member('commit', 'COMMIT', 'Asia-Pacific', 'LAO', 'Lao PDR', 11, 3, [24, 89], [24]),
  member('commit', 'COMMIT', 'Asia-Pacific', 'MMR', 'Myanmar', 8, 2, [24, 89], [24]),
  member('commit', 'COMMIT', 'Asia-Pacific', 'THA', 'Thailand', 11, 3, [24, 89], [24]),
  member('commit', 'COMMIT', 'Asia-Pacific', 'VNM', 'Viet Nam', 12, 3, [24, 89], [24]),
  member('asean', 'ASEAN', 'Asia-Pacific', 'THA', 'Thailand', 11, 3, [23, 81]),
  member('asean', 'ASEAN', 'Asia-Pacific', 'BRN', 'Brunei', null, null, [23, 81]),
  member('coe', 'CoE', 'Europe and Central Asia', 'DEU', 'Germany', 13, 3, [27, 88]),
  member('au', 'AU', 'Africa', 'NGA', 'Nigeria', 12, 4, [17, 90]),
];

// mechanism_indicators' rows for 2010, quartiles worked out by hand from the scores above (linear
// interpolation, as quantile_cont): COMMIT p 8 9 9 11 11 12, protection 2 2 3 3 3 3.
const quartile = (subject: string, p: [number, number, number] | null, protection: [number, number, number] | null, year = 2010): QuartileRow => ({
  level: 'mechanism', subject, period: 'year', year_from: year, year_to: year,
  p_q1: p?.[0] ?? null, p_median: p?.[1] ?? null, p_q3: p?.[2] ?? null,
  protection_q1: protection?.[0] ?? null, protection_median: protection?.[1] ?? null, protection_q3: protection?.[2] ?? null,
});
const indicators: QuartileRow[] = [
  quartile('commit', [9, 10, 11], [2.25, 3, 3]), quartile('asean', [11, 11, 11], [3, 3, 3]),
  quartile('coe', [13, 13, 13], [3, 3, 3]), quartile('au', [12, 12, 12], [4, 4, 4]),
  { ...quartile('commit', [1, 1, 1], [1, 1, 1]), period: 'window', year_from: 2008, year_to: 2012 },
];

type Layer = { mark: { type: string }; transform?: { filter?: string }[]; encoding: Record<string, unknown> };
const layersOf = (spec: unknown) => (spec as { spec: { layer: Layer[] } }).spec.layer;
const subtitle = (spec: unknown) => ((spec as { title: { subtitle: string[] } }).title.subtitle).join('\n');

describe('scores-by-mechanism', () => {
  const spec = scoresByMechanism(rows, { withoutMembers: ['OIF', 'IPU'], indicators });

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
    const protection = scoresByMechanism(rows, { score: 'protection', indicators });
    expect(schemaErrors(protection)).toEqual([]);
    expect(compileWithWarnings(protection).warnings).toEqual([]);
  });

  it('has one summary per mechanism with n (members with a score / members) and quartiles as quantile_cont', () => {
    const values = inlineValues(spec);
    const summaries = values.filter((v) => v.kind === 'summary');
    expect(summaries.map((v) => v.acronym)).toEqual(['AU', 'ASEAN', 'COMMIT', 'CoE']); // region order of the report, then acronym
    expect(summaries.find((v) => v.acronym === 'COMMIT')).toMatchObject({
      n_members: 6, n_with_score: 6, n_label: '6/6', median: 10, q1: 9, q3: 11, median_text: '10 (quartiles 9–11)',
      missing_text: 'none', paragraphs_text: 'paras. 24, 89',
    });
    expect(summaries.find((v) => v.acronym === 'ASEAN')).toMatchObject({ n_members: 2, n_with_score: 1, n_label: '1/2', median: 11, missing_text: 'Brunei' });
    // q1 ≤ median ≤ q3 everywhere.
    for (const s of summaries) if (s.median !== null) expect((s.q1 as number) <= (s.median as number) && (s.median as number) <= (s.q3 as number)).toBe(true);
  });

  it('has one dot per mechanism × score, with the countries and paragraphs behind it', () => {
    const dots = inlineValues(spec).filter((v) => v.kind === 'dot');
    expect(dots.filter((d) => d.acronym === 'COMMIT').map((d) => [d.score, d.n_countries])).toEqual([[8, 1], [9, 2], [11, 2], [12, 1]]);
    expect(dots.find((d) => d.acronym === 'COMMIT' && d.score === 11)).toMatchObject({ countries_text: 'Lao PDR, Thailand', paragraphs_text: 'paras. 24, 89', n_text: '6 of 6' });
    expect(dots.filter((d) => d.acronym === 'ASEAN')).toHaveLength(1);
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['acronym', 'score', 'n_countries', 'countries_text', 'paragraphs_text', 'n_text', 'median_text', 'missing_text']));
    expect(tooltipTitles(spec)).toContain('Paragraphs');
  });

  it('draws IQR bars, dots sized by count, median ticks and the n label on a 3–15 axis with every integer', () => {
    const layers = layersOf(spec);
    expect(layers.map((l) => l.mark.type)).toEqual(['bar', 'circle', 'tick', 'text']);
    const x = layers[0]!.encoding.x as { scale: { domain: number[] }; axis: { values: number[] } };
    expect(x.scale.domain).toEqual([2.5, 15.5]);
    expect(x.axis.values).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(layers[3]!.encoding.text).toEqual({ field: 'n_label', type: 'nominal' });
    const protection = scoresByMechanism(rows, { score: 'protection', indicators });
    expect(((layersOf(protection)[0]!.encoding.x) as { axis: { values: number[] } }).axis.values).toEqual([1, 2, 3, 4, 5]);
    expect(titleText(protection)).toBe('2010 Protection scores of the member states, by mechanism');
    expect(sizeLegendValues(17)).toEqual([1, 5, 10, 15]);
    expect(sizeLegendValues(3)).toEqual([1, 2, 3]);
  });

  it('has a title, the sources and the omitted mechanisms in the subtitle, and descriptive alt text', () => {
    expect(titleText(spec)).toBe('2010 3P index scores of the member states, by mechanism');
    expect(subtitle(spec).replace(/\n/g, ' ')).toContain(INDICATOR_SOURCES);
    expect(subtitle(spec)).toContain('n: members with a score / members');
    expect(subtitle(spec)).toContain('Not shown (no member list): IPU, OIF.');
    expect(description(spec)).toContain('Dot plot of the 2010 3P index');
    expect(description(spec)).toContain('8 of 9 member states have a score');
    expect(description(spec)).toContain('Highest median: CoE (13, n = 1), AU (12, n = 1); lowest: COMMIT (10, n = 6), ASEAN (11, n = 1).');
    expect(description(spec)).not.toMatch(/\b(because|causes?|leads? to|due to|effect of)\b/i);
  });

  it('draws the quartiles of mechanism_indicators for the year (not the window), with n, min and max from the member rows', () => {
    const s = summarizeScores(rows, indicators, 'protection').find((x) => x.acronym === 'COMMIT')!;
    expect(s).toMatchObject({ n_members: 6, n_with_score: 6, median: 3, q1: 2.25, q3: 3, min: 2, max: 3 });
    expect(summarizeScores(rows, indicators, 'p').find((x) => x.acronym === 'COMMIT')).toMatchObject({ q1: 9, median: 10, q3: 11 });
    // a mechanism the table lacks gets no quartiles, not invented ones
    expect(summarizeScores(rows, indicators.filter((r) => r.subject !== 'au'), 'p').find((x) => x.acronym === 'AU')).toMatchObject({ q1: null, median: null, q3: null });
  });

  it('refuses quartiles of another year than the dots it draws, naming the record', () => {
    expect(() => summarizeScores(rows, [quartile('commit', [9, 10, 11], null, 2011)], 'p'))
      .toThrow(/record mechanism_indicators commit: mechanism_indicators holds the year 2011, the chart shows 2010/);
  });

  it('derives member rows from country_mechanisms and country_coverage', () => {
    const derived = scoresByMechanismRows({ country_mechanisms: F.countryMechanismRows(), country_coverage: F.countryCoverageRows(), mechanisms: F.mechanismRows() });
    expect(derived).toHaveLength(F.countryMechanismRows().length);
    expect(derived.find((r) => r.mechanism_id === 'commit' && r.iso3 === 'THA')).toEqual({
      mechanism_id: 'commit', acronym: 'COMMIT', region: 'Asia-Pacific', iso3: 'THA', country_name: 'Thailand',
      p: 11, prosecution: 4, prevention: 4, protection: 3, tier: 'Tier 2 Watch List',
      mechanism_paragraphs: [17], member_paragraphs: [24],
    });
    expect(derived.find((r) => r.iso3 === 'BTN')).toMatchObject({ p: null, protection: null, tier: null });
  });
});
