import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { ADDRESSED, NOT_ADDRESSED, redressElements, type RedressRow } from '../../../pipelines/report/charts/redress-elements.ts';
import { compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields } from '../../fixtures/charts/spec-helpers.ts';
import { withCites } from '../../fixtures/cited.ts';

const rows: RedressRow[] = ([
  {
    mechanism_id: 'coe', acronym: 'CoE', region: 'Europe and Central Asia', response_status: 'responded',
    legal_remedies: true, legal_remedies_paragraphs: [88], information: true, information_paragraphs: [88],
    legal_aid: true, legal_aid_paragraphs: [88], compensation: true, compensation_paragraphs: [85, 88],
    asset_confiscation: false, asset_confiscation_paragraphs: [],
    n_elements: 4, addresses_redress: true, paragraphs: [85, 88],
  },
  {
    mechanism_id: 'ecowas', acronym: 'ECOWAS', region: 'Africa', response_status: 'did not respond',
    legal_remedies: false, legal_remedies_paragraphs: [], information: false, information_paragraphs: [],
    legal_aid: false, legal_aid_paragraphs: [], compensation: false, compensation_paragraphs: [],
    asset_confiscation: true, asset_confiscation_paragraphs: [90],
    n_elements: 1, addresses_redress: true, paragraphs: [90],
  },
  {
    mechanism_id: 'gcc', acronym: 'GCC', region: 'Middle East and North Africa', response_status: 'not asked',
    legal_remedies: false, legal_remedies_paragraphs: [], information: false, information_paragraphs: [],
    legal_aid: false, legal_aid_paragraphs: [], compensation: false, compensation_paragraphs: [],
    asset_confiscation: false, asset_confiscation_paragraphs: [],
    n_elements: 0, addresses_redress: false, paragraphs: [],
  },
] as Record<string, unknown>[]).map((r) => withCites<RedressRow>(r));

describe('redress-elements', () => {
  const spec = redressElements(rows);

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('inlines every row with the paragraphs of each element formatted', () => {
    const values = inlineValues(spec);
    for (const r of rows) expect(values).toContainEqual(expect.objectContaining(r));
    expect(values[0]).toMatchObject({ compensation_paragraphs_text: 'paras. 85, 88', legal_remedies_paragraphs_text: 'para. 88', n_elements_text: '4 of 5' });
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['acronym', 'element_label', 'addressed_text', 'paragraphs_text', 'n_elements_text']));
  });

  it('draws 5 cells per mechanism (the report\'s elements of redress; no witness protection), each with its own paragraphs', async () => {
    const { vega: vg } = compileWithWarnings(spec);
    const view = new vega.View(vega.parse(vg), { renderer: 'none' });
    await view.runAsync();
    const sets = (vg.data ?? []).map((d) => view.data(d.name) as Record<string, unknown>[]);
    view.finalize();
    const cells = sets.filter((s) => s.length > 0 && 'element_label' in s[0]!).sort((a, b) => b.length - a.length)[0]!;
    expect(cells).toHaveLength(15);
    const cell = (m: string, e: string) => cells.find((c) => c.mechanism_id === m && c.element === e)!;
    expect(cell('coe', 'compensation')).toMatchObject({ addressed_text: ADDRESSED, element_label: 'Compensation', paragraphs_text: 'paras. 85, 88', cell_text: '✓' });
    expect(cell('ecowas', 'compensation')).toMatchObject({ addressed_text: NOT_ADDRESSED, paragraphs_text: 'no paragraph', cell_text: '' });
  });

  it('has a title and a description with counts per element', () => {
    expect(titleText(spec)).toBe('2 of 3 mechanisms are described addressing any element of redress');
    expect(description(spec)).toContain('Legal remedies 1, Information on proceedings 1, Legal aid 1, Compensation 1, Asset confiscation 1');
    expect(description(spec)).toContain('1 mechanism address none');
  });
});
