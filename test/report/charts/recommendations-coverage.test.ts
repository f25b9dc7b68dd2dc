import { describe, expect, it } from 'vitest';
import { COVERED, UNCOVERED, recommendationsCoverage, type RecommendationRow } from '../../../pipelines/report/charts/recommendations-coverage.ts';
import { compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields } from '../../fixtures/charts/spec-helpers.ts';
import { withCites } from '../../fixtures/cited.ts';

const ask = (recommendation_id: string, ask_id: string, sort_order: number, ask_text: string, mechanisms: string[], evidence_paragraphs: number[], cluster: string | null = null): RecommendationRow => withCites({
  recommendation_id, ask_id, sort_order, cluster, cluster_text: cluster ? 'On redress:' : null, recommendation_text: `${ask_text}.`, ask_text,
  addressee: 'regional mechanisms', n_mechanisms: mechanisms.length, mechanisms, evidence_paragraphs,
});
const rows: RecommendationRow[] = [
  ask('137', '137.1', 3, 'Mechanisms to provide compensation to victims are established', ['coe', 'ecowas'], [88, 90], '(f)'),
  ask('134', '134.1', 2, 'Promote the adoption of extradition and mutual legal assistance agreements', [], []),
  ask('106', '106.1', 1, 'Whenever possible, regional mechanisms should be established', ['coe'], [35]),
];

describe('recommendations-coverage', () => {
  const spec = recommendationsCoverage(rows, { mechanismLabels: { coe: 'CoE', ecowas: 'ECOWAS' } });

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('inlines every ask in the report\'s order with the tooltip texts', () => {
    const values = inlineValues(spec);
    for (const r of rows) expect(values).toContainEqual(expect.objectContaining(r));
    expect(values.map((v) => v.ask_id)).toEqual(['106.1', '134.1', '137.1']);
    expect(values[2]).toMatchObject({
      status: COVERED, mechanisms_text: 'CoE, ECOWAS', paragraphs_text: 'paras. 88, 90',
      recommendation_cite: 'A/HRC/14/32, para. 137', cluster_label: 'Cluster (f): On redress:', bar_text: '2',
    });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['recommendation_cite', 'ask_text', 'mechanisms_text', 'paragraphs_text']));
  });

  it('makes asks nobody is described doing stand out: own colour, a "none" label, a red bold axis label', () => {
    const values = inlineValues(spec);
    expect(values[1]).toMatchObject({ status: UNCOVERED, bar_text: 'none', mechanisms_text: 'none', paragraphs_text: 'no paragraph' });
    const enc = (spec as unknown as { encoding: { color: { scale: { domain: string[]; range: string[] } }; y: { axis: { labelColor: { condition: { test: string } } } } } }).encoding;
    expect(enc.color.scale.domain).toEqual([COVERED, UNCOVERED]);
    expect(enc.color.scale.range[0]).not.toBe(enc.color.scale.range[1]);
    expect(enc.y.axis.labelColor.condition.test).toContain('"134.1"');
    expect(description(spec)).toContain('1 ask no mechanism is described doing: 134.1.');
  });

  it('names recommendation (g) as such', () => {
    const g = recommendationsCoverage([ask('g', 'g.1', 1, 'The international community should explore ways', [], [], '(g)')]);
    expect(inlineValues(g)[0]).toMatchObject({ recommendation_cite: 'A/HRC/14/32, recommendation (g)' });
  });

  it('has a title that states the finding, and a legend with only the categories present', () => {
    expect(titleText(spec)).toBe('1 ask of 3 in the recommendations: no mechanism is described doing it');
    const all = recommendationsCoverage(rows.filter((r) => r.n_mechanisms > 0));
    const enc = (all as unknown as { encoding: { color: { scale: { domain: string[] } } } }).encoding;
    expect(enc.color.scale.domain).toEqual([COVERED]);
  });
});
