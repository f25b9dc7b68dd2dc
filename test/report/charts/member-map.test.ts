import { describe, expect, it } from 'vitest';
import { type CountriesTopology, m49Id, memberMap, memberMapRows, type MemberMapRow } from '../../../pipelines/report/charts/member-map.ts';
import { loadWorldAtlas } from '../../../pipelines/report/render.ts';
import { compileWithWarnings, description, schemaErrors, subtitleLines, titleText, tooltipFields } from '../../fixtures/charts/spec-helpers.ts';
import { citesOf } from '../../fixtures/cited.ts';

const topology = loadWorldAtlas() as unknown as CountriesTopology;
const rows: MemberMapRow[] = [
  { m49: 764, iso3: 'THA', name: 'Thailand', n_themes: 12, mechanisms: ['ASEAN', 'COMMIT'], paragraphs: [24, 45, 89] },
  { m49: 4, iso3: 'AFG', name: 'Afghanistan', n_themes: 3, mechanisms: ['SAARC'], paragraphs: [25] },
  { m49: 702, iso3: 'SGP', name: 'Singapore', n_themes: 5, mechanisms: ['ASEAN'], paragraphs: [23] },
];

function lookupValues(spec: unknown): Record<string, unknown>[] {
  const layers = (spec as { layer: { transform?: { lookup?: string; from?: { data: { values: Record<string, unknown>[] } } }[] }[] }).layer;
  for (const l of layers) for (const t of l.transform ?? []) if (t.lookup) return t.from!.data.values;
  throw new Error('no lookup');
}

describe('member-map', () => {
  const spec = memberMap(rows, { topology, themeCount: 18 });

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('inlines the world-atlas TopoJSON (nothing fetched at run time) and uses an equal-area projection', () => {
    const data = (spec as unknown as { data: { values: unknown; format: { type: string; feature: string }; url?: string } }).data;
    expect(data.url).toBeUndefined();
    expect(data.values).toBe(topology);
    expect(data.format).toEqual({ type: 'topojson', feature: 'countries' });
    expect((spec as unknown as { projection: { type: string } }).projection.type).toBe('equalEarth');
    expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
  });

  it('joins the rows by zero-padded M49 id with tooltip texts; others are grey', () => {
    const values = lookupValues(spec);
    for (const r of rows) expect(values).toContainEqual(expect.objectContaining(r));
    expect(m49Id(4)).toBe('004');
    expect(values.find((v) => v.iso3 === 'AFG')).toMatchObject({ m49_id: '004', themes_text: '3 of 18', paragraphs_text: 'para. 25', mechanisms_text: 'SAARC' });
    expect(values.find((v) => v.iso3 === 'THA')).toMatchObject({ m49_id: '764', paragraphs_text: 'paras. 24, 45, 89', mechanisms_text: 'ASEAN, COMMIT' });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['name', 'themes_text', 'mechanisms_text', 'paragraphs_text', 'properties.name']));
    const base = (spec as unknown as { layer: { mark: { fill?: string } }[] }).layer[0]!;
    expect(base.mark.fill).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('names members too small to draw at 110m in the subtitle and description', () => {
    expect(titleText(spec)).toBe('Thailand belongs to mechanisms covering the most themes: 12 of 18');
    expect(subtitleLines(spec)).toContain('Members too small to draw at this scale (1): Singapore.');
    expect(description(spec)).toContain('Too small to draw at this scale: Singapore.');
    expect(description(spec)).toContain('Most themes: Thailand (12)');
  });

  it('derives rows from members, countries and coverage', () => {
    const derived = memberMapRows({
      mechanism_members: [
        { mechanism_id: 'commit', iso3: 'THA', source: 's', paragraphs: [24] },
        { mechanism_id: 'asean', iso3: 'THA', source: 's', paragraphs: [] },
        { mechanism_id: 'asean', iso3: 'XXX', source: 's', paragraphs: [] },
      ],
      countries: [{ iso3: 'THA', iso2: 'TH', m49: 764, name: 'Thailand', m49_region: 'Asia', m49_subregion: 'South-eastern Asia' }],
      coverage_mechanism_theme: [
        { mechanism_id: 'commit', acronym: 'COMMIT', mechanism_name: 'COMMIT', region: 'Asia-Pacific', response_status: 'responded', theme_id: 'training', theme_label: 'Training', pillar: 'prevention', n_paragraphs: 1, paragraphs: [68], ...citesOf([68]), covered: true },
        { mechanism_id: 'commit', acronym: 'COMMIT', mechanism_name: 'COMMIT', region: 'Asia-Pacific', response_status: 'responded', theme_id: 'redress', theme_label: 'Redress', pillar: 'protection', n_paragraphs: 1, paragraphs: [89], ...citesOf([89]), covered: true },
        { mechanism_id: 'asean', acronym: 'ASEAN', mechanism_name: 'ASEAN', region: 'Asia-Pacific', response_status: 'responded', theme_id: 'training', theme_label: 'Training', pillar: 'prevention', n_paragraphs: 1, paragraphs: [65], ...citesOf([65]), covered: true },
        { mechanism_id: 'asean', acronym: 'ASEAN', mechanism_name: 'ASEAN', region: 'Asia-Pacific', response_status: 'responded', theme_id: 'redress', theme_label: 'Redress', pillar: 'protection', n_paragraphs: 0, paragraphs: [], ...citesOf([]), covered: false },
      ],
    });
    expect(derived).toEqual([{
      m49: 764, iso3: 'THA', name: 'Thailand', n_themes: 2, mechanisms: ['ASEAN', 'COMMIT'], paragraphs: [65, 68, 89], sources: citesOf([65, 68, 89]).sources,
      mechanisms_detail: 'COMMIT: 2 themes; ASEAN: 1 theme',
    }]);
  });
});
