import { describe, expect, it } from 'vitest';
import { rankThemes, themesRanked, thinLabel, thickLabel } from '../../../pipelines/report/charts/themes-ranked.ts';
import type { MechanismThemeRow } from '../../../pipelines/report/charts/mechanism-theme-matrix.ts';
import { compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields } from '../../fixtures/charts/spec-helpers.ts';
import { citesOf } from '../../fixtures/cited.ts';

const row = (mechanism_id: string, acronym: string, theme_id: string, theme_label: string, paragraphs: number[]): MechanismThemeRow => ({
  mechanism_id, acronym, mechanism_name: acronym, region: 'Asia-Pacific', response_status: 'responded', theme_id, theme_label, pillar: 'partnership', n_paragraphs: paragraphs.length, paragraphs, ...citesOf(paragraphs), covered: paragraphs.length > 0,
});
// Training: 3 mechanisms; Collection of data: 1; New technologies: 0.
const rows: MechanismThemeRow[] = [
  row('asean', 'ASEAN', 'training', 'Training', [65]),
  row('commit', 'COMMIT', 'training', 'Training', [68, 65]),
  row('saarc', 'SAARC', 'training', 'Training', [66]),
  row('asean', 'ASEAN', 'data_collection', 'Collection of data', []),
  row('commit', 'COMMIT', 'data_collection', 'Collection of data', [69, 70]),
  row('saarc', 'SAARC', 'data_collection', 'Collection of data', []),
  row('asean', 'ASEAN', 'new_technologies', 'New information technologies', []),
  row('commit', 'COMMIT', 'new_technologies', 'New information technologies', []),
  row('saarc', 'SAARC', 'new_technologies', 'New information technologies', []),
];

describe('themes-ranked', () => {
  const spec = themesRanked(rows);

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('ranks themes by mechanisms with the acronyms and paragraphs behind each bar', () => {
    const values = inlineValues(spec);
    expect(values.map((v) => v.theme_label)).toEqual(['Training', 'Collection of data', 'New information technologies']);
    expect(values[0]).toMatchObject({ n_mechanisms: 3, mechanisms_text: 'ASEAN, COMMIT, SAARC', paragraphs_text: 'paras. 65, 66, 68', thin: false });
    expect(values[1]).toMatchObject({ n_mechanisms: 1, mechanisms_text: 'COMMIT', paragraphs_text: 'paras. 69, 70', thin: true });
    expect(values[2]).toMatchObject({ n_mechanisms: 0, mechanisms_text: 'none', paragraphs_text: 'no paragraph', thin: true });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['theme_label', 'n_mechanisms', 'mechanisms_text', 'paragraphs_text']));
    const y = (spec as unknown as { encoding: { y: { sort: string[] } } }).encoding.y;
    expect(y.sort).toEqual(['Training', 'Collection of data', 'New information technologies']);
  });

  it('marks thin themes (≤ threshold, default 2) by colour with a legend', () => {
    const color = (spec as unknown as { layer: { encoding?: { color?: { field: string; scale: { domain: string[]; range: string[] }; legend: unknown } } }[] }).layer[0]!.encoding!.color!;
    expect(color.field).toBe('status');
    expect(color.scale.domain).toEqual([thinLabel(2), thickLabel(2)]);
    expect(color.scale.range[0]).not.toBe(color.scale.range[1]);
    expect(color.legend).toBeTruthy();
    expect(inlineValues(spec).filter((v) => v.status === thinLabel(2))).toHaveLength(2);
    // Threshold 0: only the theme nobody addresses is thin.
    expect(rankThemes(rows, 0).filter((r) => r.thin).map((r) => r.theme_id)).toEqual(['new_technologies']);
    expect(inlineValues(themesRanked(rows, { threshold: 0 })).filter((v) => v.status === thinLabel(0))).toHaveLength(1);
  });

  it('has a title and a description naming the thin themes', () => {
    expect(titleText(spec)).toBe('2 of 3 themes are addressed by 2 or fewer of the 3 mechanisms');
    expect(description(spec)).toContain('3 themes');
    expect(description(spec)).toContain('Most addressed: Training (3)');
    expect(description(spec)).toContain('Collection of data (1), New information technologies (0)');
  });
});
