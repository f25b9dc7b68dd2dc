import { describe, expect, it } from 'vitest';
import { COVERED, NOT_COVERED, mechanismThemeMatrix, type MechanismThemeRow } from '../../../pipelines/report/charts/mechanism-theme-matrix.ts';
import { compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields } from '../../fixtures/charts/spec-helpers.ts';
import { citesOf } from '../../fixtures/cited.ts';

const row = (mechanism_id: string, acronym: string, region: string, theme_id: string, theme_label: string, paragraphs: number[]): MechanismThemeRow => ({
  mechanism_id, acronym, mechanism_name: acronym, region, response_status: 'responded', theme_id, theme_label, pillar: 'protection', n_paragraphs: paragraphs.length, paragraphs, ...citesOf(paragraphs), covered: paragraphs.length > 0,
});
const rows: MechanismThemeRow[] = [
  row('eu', 'EU', 'Europe and Central Asia', 'redress', 'Redress', [88]),
  row('eu', 'EU', 'Europe and Central Asia', 'training', 'Training', []),
  row('coe', 'CoE', 'Europe and Central Asia', 'redress', 'Redress', [85, 88]),
  row('coe', 'CoE', 'Europe and Central Asia', 'training', 'Training', [65]),
  row('ecowas', 'ECOWAS', 'Africa', 'redress', 'Redress', [90]),
  row('ecowas', 'ECOWAS', 'Africa', 'training', 'Training', []),
];

describe('mechanism-theme-matrix', () => {
  const spec = mechanismThemeMatrix(rows);

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('the schema check is real: a broken spec fails it', () => {
    expect(schemaErrors({ ...spec, facet: { row: { field: 'region', type: 'not-a-type' } } })).not.toEqual([]);
  });

  it('has a title and a description counting filled cells', () => {
    expect(titleText(spec)).toBe('CoE is described working on 2 of 2 themes; 0 of 3 mechanisms on none');
    expect(description(spec)).toContain('3 mechanisms');
    expect(description(spec)).toContain('2 regions');
    expect(description(spec)).toContain('4 of 6 cells are filled');
    expect(description(spec)).toContain('CoE covers the most themes (2)');
  });

  it('inlines every row with coverage and paragraph text for the tooltip', () => {
    const values = inlineValues(spec);
    for (const r of rows) expect(values).toContainEqual(expect.objectContaining(r));
    const coeRedress = values.find((v) => v.mechanism_id === 'coe' && v.theme_id === 'redress')!;
    expect(coeRedress).toMatchObject({ covered_text: COVERED, paragraphs_text: 'paras. 85, 88', cell_text: '2' });
    expect(values.find((v) => v.mechanism_id === 'eu' && v.theme_id === 'training')).toMatchObject({ covered_text: NOT_COVERED, paragraphs_text: 'no paragraph', cell_text: '' });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['acronym', 'region_label', 'theme_label', 'pillar_label', 'covered_text', 'paragraphs_text']));
  });

  it('groups mechanisms by region (row facet in report order, acronyms sorted within)', () => {
    const s = spec as unknown as { facet: { row: { field: string; sort: string[] } }; spec: { encoding: { y: { sort: string[] }; x: { sort: string[] } } } };
    expect(s.facet.row.field).toBe('region');
    expect(s.facet.row.sort).toEqual(['Africa', 'Europe and Central Asia']);
    expect(s.spec.encoding.y.sort).toEqual(['ECOWAS', 'CoE', 'EU']);
    expect(mechanismThemeMatrix(rows, { themeOrder: ['training', 'redress'] }) as unknown as typeof s).toMatchObject({ spec: { encoding: { x: { sort: ['Training', 'Redress'] } } } });
  });
});
