import { describe, expect, it } from 'vitest';
import { regionThemeHeatmap, themeLabelOrder, type RegionThemeRow } from '../../../pipelines/report/charts/region-theme-heatmap.ts';
import { FONT } from '../../../pipelines/report/charts/theme.ts';
import { compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields } from '../../fixtures/charts/spec-helpers.ts';
import { citesOf } from '../../fixtures/cited.ts';

const rows: RegionThemeRow[] = [
  { region: 'Asia-Pacific', theme_id: 'redress', theme_label: 'Redress', pillar: 'protection', n_mechanisms: 1, n_mechanisms_in_region: 4, n_not_responded: 0, n_not_asked: 0, share: 0.25, mechanisms: ['commit'], paragraphs: [89], ...citesOf([89]) },
  { region: 'Asia-Pacific', theme_id: 'training', theme_label: 'Training', pillar: 'prevention', n_mechanisms: 0, n_mechanisms_in_region: 4, n_not_responded: 0, n_not_asked: 0, share: 0, mechanisms: [], paragraphs: [], ...citesOf([]) },
  { region: 'Africa', theme_id: 'redress', theme_label: 'Redress', pillar: 'protection', n_mechanisms: 2, n_mechanisms_in_region: 3, n_not_responded: 0, n_not_asked: 0, share: 2 / 3, mechanisms: ['au', 'ecowas'], paragraphs: [85, 88, 90], ...citesOf([85, 88, 90]) },
  { region: 'Africa', theme_id: 'training', theme_label: 'Training', pillar: 'prevention', n_mechanisms: 0, n_mechanisms_in_region: 3, n_not_responded: 0, n_not_asked: 0, share: 0, mechanisms: [], paragraphs: [], ...citesOf([]) },
  { region: 'Europe and Central Asia', theme_id: 'redress', theme_label: 'Redress', pillar: 'protection', n_mechanisms: 1, n_mechanisms_in_region: 4, n_not_responded: 0, n_not_asked: 0, share: 0.25, mechanisms: ['coe'], paragraphs: [88], ...citesOf([88]) },
  { region: 'Europe and Central Asia', theme_id: 'training', theme_label: 'Training', pillar: 'prevention', n_mechanisms: 3, n_mechanisms_in_region: 4, n_not_responded: 0, n_not_asked: 0, share: 0.75, mechanisms: ['coe', 'eu', 'osce'], paragraphs: [65, 66], ...citesOf([65, 66]) },
];
const labels = { au: 'AU', ecowas: 'ECOWAS', commit: 'COMMIT', coe: 'CoE', eu: 'EU', osce: 'OSCE' };

describe('region-theme-heatmap', () => {
  const spec = regionThemeHeatmap(rows, { mechanismLabels: labels });

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    const { vega, warnings } = compileWithWarnings(spec);
    expect(warnings).toEqual([]);
    expect(vega.marks?.length).toBeGreaterThan(0);
  });

  it('has a title, a description with the top cell, and the DejaVu font', () => {
    expect(titleText(spec)).toBe('Mechanisms in Africa are described working on 1 of 2 themes; Europe and Central Asia on 2');
    expect(description(spec)).toContain('3 regions');
    expect(description(spec)).toContain('2 themes');
    expect(description(spec)).toContain('Training in Europe and Central Asia (3 of 4 mechanisms)');
    expect(description(spec)).toContain('2 of 6 region–theme cells have no mechanism');
    expect(String((spec as { config: { font: string } }).config.font).startsWith(FONT)).toBe(true);
  });

  it('inlines every row given, with tooltip text for mechanisms and paragraphs', () => {
    const values = inlineValues(spec);
    expect(values).toHaveLength(rows.length);
    for (const r of rows) expect(values).toContainEqual(expect.objectContaining(r));
    const africa = values.find((v) => v.region === 'Africa' && v.theme_id === 'redress')!;
    expect(africa.mechanisms_text).toBe('AU, ECOWAS');
    expect(africa.paragraphs_text).toBe('paras. 85, 88, 90');
    expect(africa.count_text).toBe('2 of 3 mechanisms');
    const empty = values.find((v) => v.region === 'Africa' && v.theme_id === 'training')!;
    expect(empty.mechanisms_text).toBe('none');
    expect(empty.paragraphs_text).toBe('no paragraph');
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['region_label', 'theme_label', 'pillar_label', 'count_text', 'mechanisms_text', 'paragraphs_text']));
  });

  it("sorts regions in the report's order and themes by total (or by the order given)", () => {
    const enc = (spec as unknown as { encoding: { x: { sort: string[] }; y: { sort: string[] } } }).encoding;
    expect(enc.x.sort).toEqual(['Africa', 'Asia-Pacific', 'Europe and Central Asia']);
    expect(enc.y.sort).toEqual(['Redress', 'Training']); // 4 vs 3 mechanisms
    expect(themeLabelOrder(rows, ['training', 'redress'])).toEqual(['Training', 'Redress']);
  });

  it('never truncates labels', () => {
    const cfg = (spec as { config: { axis: { labelLimit: number } } }).config;
    expect(cfg.axis.labelLimit).toBe(0);
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(rows);
    regionThemeHeatmap(rows);
    expect(JSON.stringify(rows)).toBe(before);
  });
});
