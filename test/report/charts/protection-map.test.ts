import { describe, expect, it } from 'vitest';
import { type CountriesTopology } from '../../../pipelines/report/charts/member-map.ts';
import {
  NO_SCORE, NOT_MEMBER, REDRESS, protectionMap, protectionMapRows, type ProtectionMapRow,
} from '../../../pipelines/report/charts/protection-map.ts';
import { INDICATOR_SOURCES } from '../../../pipelines/report/charts/indicators.ts';
import { loadWorldAtlas } from '../../../pipelines/report/render.ts';
import * as F from '../../fixtures/charts/rows.ts';
import { compileWithWarnings, description, schemaErrors, titleText, tooltipFields, tooltipTitles } from '../../fixtures/charts/spec-helpers.ts';

const topology = loadWorldAtlas() as unknown as CountriesTopology;
const base = { prosecution: null, prevention: null, p: null, tier: null, mechanisms: [], redress_mechanisms: [], redress_paragraphs: [] };
const rows: ProtectionMapRow[] = [
  { ...base, m49: 764, iso3: 'THA', name: 'Thailand', protection: 3, p: 11, prosecution: 4, prevention: 4, tier: 'Tier 2 Watch List',
    any_redress: true, mechanisms: ['ASEAN', 'Bali Process', 'COMMIT', 'ESCAP'], redress_mechanisms: ['ASEAN', 'COMMIT'], redress_paragraphs: [53, 81, 89] },
  { ...base, m49: 276, iso3: 'DEU', name: 'Germany', protection: 3, p: 13, prosecution: 5, prevention: 5, tier: 'Tier 1',
    any_redress: true, mechanisms: ['CoE', 'OSCE'], redress_mechanisms: ['CoE', 'OSCE'], redress_paragraphs: [29, 88] },
  { ...base, m49: 4, iso3: 'AFG', name: 'Afghanistan', protection: 1, p: 5, prosecution: 2, prevention: 2, tier: 'Tier 2',
    any_redress: false, mechanisms: ['SAARC'] },
  { ...base, m49: 840, iso3: 'USA', name: 'United States', protection: null, any_redress: false, mechanisms: ['OAS'] },
  { ...base, m49: 702, iso3: 'SGP', name: 'Singapore', protection: 2, any_redress: true, mechanisms: ['ASEAN'], redress_mechanisms: ['ASEAN'], redress_paragraphs: [81] },
];

type Layer = { mark: { type: string; filled?: boolean }; transform?: { lookup?: string; filter?: string; from?: { data: { values: Record<string, unknown>[] } } }[]; encoding: Record<string, { scale?: { domain?: unknown[]; range?: unknown[]; scheme?: string } }> };
const layersOf = (spec: unknown) => (spec as { layer: Layer[] }).layer;
function lookupValues(spec: unknown): Record<string, unknown>[] {
  for (const l of layersOf(spec)) for (const t of l.transform ?? []) if (t.lookup) return t.from!.data.values;
  throw new Error('no lookup');
}
const subtitle = (spec: unknown) => ((spec as { title: { subtitle: string[] } }).title.subtitle).join('\n');

describe('protection-map', () => {
  const spec = protectionMap(rows, { topology });

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('inlines the world-atlas TopoJSON (nothing fetched) with an equal-area projection', () => {
    const data = (spec as unknown as { data: { values: unknown; format: unknown; url?: string } }).data;
    expect(data.url).toBeUndefined();
    expect(data.values).toBe(topology);
    expect(data.format).toEqual({ type: 'topojson', feature: 'countries' });
    expect((spec as unknown as { projection: { type: string } }).projection.type).toBe('equalEarth');
    expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
  });

  it('carries every row, joined by M49 id, with tooltip texts', () => {
    const values = lookupValues(spec);
    expect(values.map((v) => v.iso3).sort()).toEqual(['AFG', 'DEU', 'SGP', 'THA', 'USA']);
    expect(values.find((v) => v.iso3 === 'THA')).toMatchObject({
      m49_id: '764', protection: 3, protection_text: '3 of 5', tier_text: 'Tier 2 Watch List',
      scores_text: '11 (prosecution 4, prevention 4, protection 3)',
      redress_text: 'ASEAN, COMMIT', redress_paragraphs_text: 'paras. 53, 81, 89', mechanisms_text: 'ASEAN, Bali Process, COMMIT, ESCAP',
    });
    expect(values.find((v) => v.iso3 === 'USA')).toMatchObject({ m49_id: '840', status: NO_SCORE, protection_text: 'no 2010 score', tier_text: 'none', scores_text: 'none' });
    expect(values.find((v) => v.iso3 === 'AFG')).toMatchObject({ m49_id: '004', redress_text: 'none of its mechanisms', redress_paragraphs_text: 'no paragraph' });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['name', 'protection_text', 'scores_text', 'tier_text', 'mechanisms_text', 'redress_text', 'redress_paragraphs_text']));
    expect(tooltipTitles(spec)).toContain('Paragraphs (redress)');
  });

  it('shades scores 1–5 with the colour-blind-safe map scheme, greys members without a score, outlines redress members', () => {
    const [grey, scored, outline] = layersOf(spec);
    expect(grey!.encoding.color!.scale).toEqual({ domain: [NO_SCORE, NOT_MEMBER], range: ['#D9D9D9', '#EEEEEE'] });
    expect(scored!.encoding.fill!.scale).toEqual({ domain: [1, 2, 3, 4, 5], scheme: 'yellowgreenblue' });
    expect(scored!.transform).toContainEqual({ filter: 'isValid(datum.protection)' });
    expect(outline!.mark).toMatchObject({ type: 'geoshape', filled: false });
    expect(outline!.transform).toContainEqual({ filter: 'datum.any_redress === true' });
    expect(outline!.encoding.stroke!.scale!.domain).toEqual([REDRESS]);
  });

  it('has a title, cites both indicator sources, counts members without a score in the subtitle; alt text describes it', () => {
    expect(titleText(spec)).toBe('2010 3P protection scores of member states; outlined: members of mechanisms addressing redress');
    expect(subtitle(spec).replace(/\n/g, ' ')).toContain(INDICATOR_SOURCES);
    expect(subtitle(spec)).toContain('Source: Mechanism Atlas coding of A/HRC/14/32');
    expect(subtitle(spec)).toContain('Grey: 1 of 5 member states with no 2010 protection score.');
    expect(subtitle(spec)).toContain('Black outline: 3 members of a mechanism');
    expect(subtitle(spec)).toContain('Too small to draw at this scale (1): Singapore.');
    expect(description(spec)).toContain('World map (Equal Earth projection) of the 5 member states');
    expect(description(spec)).toContain('1 have none and are grey (United States)');
    expect(description(spec)).toContain('countries per score 1: 1, 2: 1, 3: 2, 4: 0, 5: 0');
    expect(description(spec)).not.toMatch(/\b(because|causes?|leads? to|due to|effect of)\b/i);
  });

  it('derives rows from country_coverage and countries, with mechanism acronyms', () => {
    const derived = protectionMapRows({ country_coverage: F.countryCoverageRows(), countries: F.countryRows(), mechanisms: F.mechanismRows() });
    expect(derived).toHaveLength(F.countryCoverageRows().length);
    const tha = derived.find((r) => r.iso3 === 'THA')!;
    expect(tha).toMatchObject({ m49: 764, name: 'Thailand', protection: 3, p: 11, tier: 'Tier 2 Watch List', mechanisms: ['ASEAN', 'COMMIT'] });
    expect(derived.find((r) => r.iso3 === 'BTN')).toMatchObject({ protection: null, tier: null });
    // A member missing from countries is left out (it cannot be placed on the map).
    expect(protectionMapRows({ country_coverage: F.countryCoverageRows().slice(0, 2), countries: [] })).toEqual([]);
  });
});
