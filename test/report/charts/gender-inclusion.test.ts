import { describe, expect, it } from 'vitest';
import { genderInclusion, type GenderRow } from '../../../pipelines/report/charts/gender-inclusion.ts';
import { compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields } from '../../fixtures/charts/spec-helpers.ts';
import * as vega from 'vega';
import { withCites } from '../../fixtures/cited.ts';

const rows: GenderRow[] = ([
  {
    mechanism_id: 'commit', acronym: 'COMMIT', region: 'Asia-Pacific', response_status: 'responded', main_instrument: 'COMMIT MOU', personal_scope: 'all persons',
    personal_scope_paragraphs: [24], men_and_boys_explicit: 'yes', men_and_boys_paragraphs: [99], men_and_boys_quote: 'COMMIT ... to include men and boys',
    gender_mainstreaming: 'true', gender_mainstreaming_paragraphs: [91, 99], child_specific: 'unknown', child_specific_paragraphs: [],
  },
  {
    mechanism_id: 'saarc', acronym: 'SAARC', region: 'Asia-Pacific', response_status: 'responded', main_instrument: 'SAARC Convention', personal_scope: 'women and children only',
    personal_scope_paragraphs: [25, 37], men_and_boys_explicit: 'not stated', men_and_boys_paragraphs: [], men_and_boys_quote: null,
    gender_mainstreaming: 'unknown', gender_mainstreaming_paragraphs: [], child_specific: 'true', child_specific_paragraphs: [93],
  },
  {
    mechanism_id: 'coe', acronym: 'CoE', region: 'Europe and Central Asia', response_status: 'responded', main_instrument: 'CoE Convention', personal_scope: 'all persons',
    personal_scope_paragraphs: [27], men_and_boys_explicit: 'not stated', men_and_boys_paragraphs: [], men_and_boys_quote: null,
    gender_mainstreaming: 'true', gender_mainstreaming_paragraphs: [94], child_specific: 'true', child_specific_paragraphs: [94],
  },
] as Record<string, unknown>[]).map((r) => withCites<GenderRow>(r));

describe('gender-inclusion', () => {
  const spec = genderInclusion(rows);

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('inlines every row with formatted paragraphs per question', () => {
    const values = inlineValues(spec);
    for (const r of rows) expect(values).toContainEqual(expect.objectContaining(r));
    expect(values[0]).toMatchObject({
      men_and_boys_explicit_paragraphs_text: 'para. 99', gender_mainstreaming_paragraphs_text: 'paras. 91, 99', child_specific_paragraphs_text: 'no paragraph',
    });
    expect(values[1]).toMatchObject({ personal_scope_text: 'women and children only (paras. 25, 37)' });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['acronym', 'measure_label', 'answer_label', 'paragraphs_text', 'personal_scope_text']));
  });

  it('draws one cell per mechanism × question with yes / not stated and its paragraphs', async () => {
    const { vega: vg } = compileWithWarnings(spec);
    const view = new vega.View(vega.parse(vg), { renderer: 'none' });
    await view.runAsync();
    // The folded data set feeding the cells.
    const sets = (vg.data ?? []).map((d) => view.data(d.name) as Record<string, unknown>[]);
    const data = sets.filter((s) => s.length > 0 && 'answer_label' in s[0]!).sort((a, b) => b.length - a.length)[0]!;
    view.finalize();
    expect(data).toHaveLength(rows.length * 3);
    const cell = (m: string, q: string) => data.find((d) => d.mechanism_id === m && d.measure === q)!;
    expect(cell('commit', 'men_and_boys_explicit')).toMatchObject({ answer_label: 'Yes', measure_label: 'Men and boys as victims', paragraphs_text: 'para. 99' });
    // SAARC's instrument covers women and children only: that is its personal scope, not a "no" here
    expect(cell('saarc', 'men_and_boys_explicit')).toMatchObject({ answer_label: 'Not stated', paragraphs_text: 'no paragraph' });
    expect(data.some((d) => d.answer_label === 'No')).toBe(false);
    expect(cell('commit', 'child_specific')).toMatchObject({ answer_label: 'Not stated', paragraphs_text: 'no paragraph' });
  });

  it('has a title and a description with the yes counts', () => {
    expect(titleText(spec)).toBe('1 of 3 mechanisms is described addressing men and boys as victims');
    expect(description(spec)).toContain('Men and boys as victims: 1; Gender mainstreaming: 2; Child-specific measures: 2');
  });
});
