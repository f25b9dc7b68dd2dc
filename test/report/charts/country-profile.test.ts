import { describe, expect, it } from 'vitest';
import {
  type CountryProfileRow, countryProfile, countryProfileRows, defaultProfileCountry,
} from '../../../pipelines/report/charts/country-profile.ts';
import { INDICATOR_SOURCES } from '../../../pipelines/report/charts/indicators.ts';
import * as F from '../../fixtures/charts/rows.ts';
import {
  compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields, tooltipTitles,
} from '../../fixtures/charts/spec-helpers.ts';

const THA = {
  iso3: 'THA', country_name: 'Thailand', tip_tier_2010: 'Tier 2 Watch List', p_2010: 11, prosecution_2010: 4, prevention_2010: 4, protection_2010: 3,
};
const cell = (country: typeof THA, mechanism_id: string, acronym: string, theme_id: string, theme_label: string,
  paragraphs: number[], member_paragraphs: number[] = []): CountryProfileRow => ({
  ...country, mechanism_id, acronym, mechanism_region: 'Asia-Pacific', theme_id, theme_label, pillar: 'protection',
  covered: paragraphs.length > 0, paragraphs, member_paragraphs,
});
const KHM = { ...THA, iso3: 'KHM', country_name: 'Cambodia', tip_tier_2010: null as unknown as string, p_2010: null as unknown as number, prosecution_2010: null as unknown as number, prevention_2010: null as unknown as number, protection_2010: null as unknown as number };
const rows: CountryProfileRow[] = [
  cell(THA, 'commit', 'COMMIT', 'redress', 'Redress', [89], [24]),
  cell(THA, 'commit', 'COMMIT', 'training', 'Training', [68], [24]),
  cell(THA, 'commit', 'COMMIT', 'protection', 'Protection of victims', [], [24]),
  cell(THA, 'asean', 'ASEAN', 'redress', 'Redress', []),
  cell(THA, 'asean', 'ASEAN', 'training', 'Training', [65]),
  cell(THA, 'asean', 'ASEAN', 'protection', 'Protection of victims', []),
  cell(THA, 'bali_process', 'Bali Process', 'redress', 'Redress', []),
  cell(THA, 'bali_process', 'Bali Process', 'training', 'Training', []),
  cell(THA, 'bali_process', 'Bali Process', 'protection', 'Protection of victims', [76]),
  cell(KHM, 'commit', 'COMMIT', 'redress', 'Redress', [89], [24]),
  cell(KHM, 'commit', 'COMMIT', 'training', 'Training', [68], [24]),
  cell(KHM, 'commit', 'COMMIT', 'protection', 'Protection of victims', [], [24]),
];
const themeOrder = ['training', 'protection', 'redress'];
const subtitle = (spec: unknown) => ((spec as { title: { subtitle: string[] } }).title.subtitle).join('\n');

describe('country-profile', () => {
  const spec = countryProfile(rows, { themeOrder });

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('draws Thailand by default: its theme × mechanism cells only, with paragraphs in the tooltips', () => {
    const values = inlineValues(spec);
    expect(values).toHaveLength(9);
    expect(new Set(values.map((v) => v.iso3))).toEqual(new Set(['THA']));
    expect(values.find((v) => v.acronym === 'COMMIT' && v.theme_id === 'redress')).toMatchObject({
      covered: true, covered_text: 'Evidence in the report', cell_text: '1', paragraphs_text: 'para. 89',
      member_paragraphs_text: 'para. 24', themes_of_mechanism: '2 of 3',
    });
    expect(values.find((v) => v.acronym === 'ASEAN' && v.theme_id === 'redress')).toMatchObject({
      covered: false, cell_text: '', paragraphs_text: 'no paragraph', member_paragraphs_text: 'not named in the report',
    });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['country_name', 'acronym', 'theme_label', 'covered_text', 'paragraphs_text', 'member_paragraphs_text']));
    expect(tooltipTitles(spec)).toContain('Paragraphs');
  });

  it('sorts mechanisms by themes covered and themes in the report order', () => {
    const enc = (spec as unknown as { encoding: { x: { sort: string[]; axis: { labelExpr: string } }; y: { sort: string[] } } }).encoding;
    expect(enc.x.sort).toEqual(['COMMIT', 'ASEAN', 'Bali Process']);
    expect(enc.y.sort).toEqual(['Training', 'Protection of victims', 'Redress']);
    expect(enc.x.axis.labelExpr).toContain('"COMMIT":["COMMIT","2 themes"]');
  });

  it('has the tier, the 3P scores and their sources in the subtitle; alt text describes the matrix', () => {
    expect(titleText(spec)).toBe('Thailand: themes addressed by its 3 mechanisms');
    const sub = subtitle(spec);
    expect(sub).toContain('Thailand (THA), 2010: TIP tier: Tier 2 Watch List. 3P index: 11 (prosecution 4, prevention 4, protection 3).');
    expect(sub.replace(/\n/g, ' ')).toContain(INDICATOR_SOURCES);
    expect(sub).toContain('Source: Mechanism Atlas coding of A/HRC/14/32');
    expect(sub).toContain('Report paragraphs naming Thailand as a member: COMMIT (para. 24).');
    expect(description(spec)).toContain('Matrix of the 3 mechanisms Thailand (THA) was a member of in 2010');
    expect(description(spec)).toContain('Together they cover 3 of 3 themes; COMMIT 2, ASEAN 1, Bali Process 1.');
    expect(description(spec)).not.toMatch(/\b(because|causes?|leads? to|due to|effect of)\b/i);
    expect((spec as unknown as { usermeta: { iso3: string } }).usermeta.iso3).toBe('THA');
  });

  it('draws another country on request, saying when it has no indicators, and refuses an unknown one', () => {
    const khm = countryProfile(rows, { iso3: 'KHM', themeOrder });
    expect(schemaErrors(khm)).toEqual([]);
    expect(inlineValues(khm)).toHaveLength(3);
    expect(titleText(khm)).toBe('Cambodia: themes addressed by its 1 mechanism');
    expect(subtitle(khm)).toContain('Cambodia (KHM), 2010: TIP tier: none. 3P index: none.');
    expect(() => countryProfile(rows, { iso3: 'FRA' })).toThrow(/no rows for FRA/);
  });

  it('derives rows from country_mechanisms, coverage and country_coverage; defaults to THA, else the member of most mechanisms', () => {
    const all = countryProfileRows({
      country_mechanisms: F.countryMechanismRows(), coverage_mechanism_theme: F.mechanismThemeRows(), country_coverage: F.countryCoverageRows(),
    });
    const tha = all.filter((r) => r.iso3 === 'THA');
    expect(new Set(tha.map((r) => r.acronym))).toEqual(new Set(['ASEAN', 'COMMIT']));
    expect(tha).toHaveLength(2 * F.THEMES.length);
    expect(tha.find((r) => r.mechanism_id === 'commit' && r.theme_id === 'redress')).toMatchObject({
      covered: true, member_paragraphs: [24], tip_tier_2010: 'Tier 2 Watch List', p_2010: 11, protection_2010: 3,
    });
    expect(countryProfileRows({
      country_mechanisms: F.countryMechanismRows(), coverage_mechanism_theme: F.mechanismThemeRows(), country_coverage: F.countryCoverageRows(),
    }, 'KHM').every((r) => r.iso3 === 'KHM')).toBe(true);
    expect(defaultProfileCountry(all)).toBe('THA');
    expect(defaultProfileCountry(all.filter((r) => r.iso3 !== 'THA'))).toBe('ARE'); // in LAS and GCC: first code among the members of two
    const spec2 = countryProfile(all, { themeOrder: F.THEMES.map((t) => t[0]) });
    expect(schemaErrors(spec2)).toEqual([]);
    expect(titleText(spec2)).toBe('Thailand: themes addressed by its 2 mechanisms');
  });
});
