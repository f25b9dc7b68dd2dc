import { describe, expect, it } from 'vitest';
import { COVERED, UNCOVERED, recommendationLabel, recommendationsCoverage, type RecommendationRow } from '../../pipelines/charts/recommendations-coverage.ts';
import { compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields } from '../fixtures/charts/spec-helpers.ts';

const rows: RecommendationRow[] = [
  { para_no: 135, cluster: 'f', excerpt: 'Mechanisms are in place that allow victims to safely exercise their right to access legal remedies', themes: ['redress'], n_mechanisms: 2, mechanisms: ['coe', 'ecowas'], evidence_paragraphs: [85, 88, 90] },
  { para_no: 125, cluster: 'c', excerpt: 'Promote the inclusion of human trafficking information into school curricula', themes: [], n_mechanisms: 0, mechanisms: [], evidence_paragraphs: [] },
  { para_no: 106, cluster: null, excerpt: 'Whenever possible, regional mechanisms should be established', themes: ['normative_framework'], n_mechanisms: 1, mechanisms: ['coe'], evidence_paragraphs: [35] },
];

describe('recommendations-coverage', () => {
  const spec = recommendationsCoverage(rows, { mechanismLabels: { coe: 'CoE', ecowas: 'ECOWAS' }, themeLabels: { redress: 'Redress' } });

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('inlines every row in paragraph order with the tooltip texts', () => {
    const values = inlineValues(spec);
    for (const r of rows) expect(values).toContainEqual(expect.objectContaining(r));
    expect(values.map((v) => v.para_no)).toEqual([106, 125, 135]);
    expect(values[2]).toMatchObject({
      status: COVERED, mechanisms_text: 'CoE, ECOWAS', paragraphs_text: 'paras. 85, 88, 90', themes_text: 'Redress',
      recommendation_text: 'A/HRC/14/32, para. 135', cluster_text: '(f)', bar_text: '2',
    });
    expect(values[0]).toMatchObject({ cluster_text: 'none (general recommendations)', themes_text: 'normative_framework' });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['recommendation_text', 'excerpt', 'mechanisms_text', 'paragraphs_text']));
  });

  it('makes uncovered recommendations stand out: own colour, a "none" label, a red bold axis label', () => {
    const values = inlineValues(spec);
    expect(values[1]).toMatchObject({ status: UNCOVERED, bar_text: 'none', mechanisms_text: 'none', paragraphs_text: 'no paragraph' });
    const enc = (spec as unknown as { encoding: { color: { scale: { domain: string[]; range: string[] } }; y: { axis: { labelColor: { condition: { test: string } } } } } }).encoding;
    expect(enc.color.scale.domain).toEqual([COVERED, UNCOVERED]);
    expect(enc.color.scale.range[0]).not.toBe(enc.color.scale.range[1]);
    expect(enc.y.axis.labelColor.condition.test).toContain(JSON.stringify(values[1]!.label));
    expect(description(spec)).toContain('1 recommendation no mechanism covers: paras. 125.');
  });

  it('wraps long labels on at most two lines, never cutting words', () => {
    const lines = recommendationLabel(rows[0]!);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.join(' ')).toBe(`135 ${rows[0]!.excerpt}`);
  });

  it('has a title', () => {
    expect(titleText(spec)).toBe('1 of 3 recommendations ask for work no mechanism is described doing');
    expect(description(spec)).toContain('paras. 106–135');
  });
});
