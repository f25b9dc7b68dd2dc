/**
 * gender-inclusion: for each mechanism, whether the report describes it addressing
 * men and boys, gender mainstreaming and children (gender_inclusion), each answer
 * yes / not stated with its paragraphs. What the main instrument covers (its
 * personal scope) is a different question, shown in the tooltip and never merged in.
 */
import type { gender_inclusion } from '../../catalog/coverage.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type VegaLiteSpec, capitalize, chartRow, docOf, citedText, plural, regionsOf, specBase, titleBlock,
} from './common.ts';
import {
  type MechanismGridOptions, mechanismOrder, regionHeader, splitGridRows, withoutEvidenceLines,
} from './mechanism-rows.ts';
import { COLORS, SIZES } from './theme.ts';

export type GenderRow = RowOf<typeof gender_inclusion>;

export const NAME = 'gender-inclusion';

/** [column, label, paragraphs column, its citation column] */
export const GENDER_MEASURES = [
  ['men_and_boys_explicit', 'Men and boys as victims', 'men_and_boys_paragraphs', 'men_and_boys_cited'],
  ['gender_mainstreaming', 'Gender mainstreaming', 'gender_mainstreaming_paragraphs', 'gender_mainstreaming_cited'],
  ['child_specific', 'Child-specific measures', 'child_specific_paragraphs', 'child_specific_cited'],
] as const;

/** Column values → answer shown ('yes' and 'not stated' are men_and_boys_explicit's own values). */
export const ANSWERS = { true: 'Yes', yes: 'Yes', unknown: 'Not stated', 'not stated': 'Not stated' } as const;
const isYes = (v: string) => v === 'true' || v === 'yes';

/** The finding the chart shows: how many mechanisms the report describes addressing men and boys (what instruments cover is another question). */
export function genderTitle(rows: readonly GenderRow[]): string {
  const yes = rows.filter((r) => r.men_and_boys_explicit === 'yes').length;
  return `${yes} of ${plural(rows.length, 'mechanism')} ${yes === 1 ? 'is' : 'are'} described addressing men and boys as victims`;
}

export function genderInclusion(allRows: readonly GenderRow[], options: MechanismGridOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const { rows, left } = splitGridRows(allRows, options, (r) => GENDER_MEASURES.every(([m]) => !isYes(r[m])));
  const regions = regionsOf(rows);
  const mechanisms = mechanismOrder(rows);
  const values = rows.map((r) => ({
    ...chartRow(r, options),
    region_label: capitalize(r.region),
    personal_scope_text: `${r.personal_scope} (${citedText(r.personal_scope_paragraphs, r.personal_scope_cited, options)})`,
    main_instrument_text: r.main_instrument ?? 'not recorded',
    ...Object.fromEntries(GENDER_MEASURES.map(([m, , paras, cited]) => [`${m}_paragraphs_text`, citedText(r[paras], r[cited], options)])),
  }));
  const counts = GENDER_MEASURES.map(([m, label]) => `${label}: ${rows.filter((r) => isYes(r[m])).length}`);
  const description = `Grid of ${plural(rows.length, 'mechanism')} (rows, grouped by ${plural(regions.length, 'region')}) against three questions from ${doc}: `
    + `does the report describe the mechanism addressing men and boys as victims, gender mainstreaming, child-specific measures; each cell yes or not stated. `
    + `Mechanisms answering yes: ${counts.join('; ')}.`
    + (left.length ? ` ${withoutEvidenceLines(left, options.requestParas, Infinity).join(' ')}` : '');
  const measureLabel = `(${JSON.stringify(Object.fromEntries(GENDER_MEASURES))})[datum.measure]`;
  const answerLabel = `(${JSON.stringify(ANSWERS)})[datum.answer] || datum.answer`;
  return {
    ...specBase(NAME, doc),
    title: titleBlock(genderTitle(allRows), doc,
      '"Yes": the report describes the mechanism doing it; "Not stated": the report is silent. Whom the main instrument covers is in the tooltip, apart.',
      ...withoutEvidenceLines(left, options.requestParas)),
    description,
    data: { values },
    transform: [
      { fold: GENDER_MEASURES.map(([m]) => m), as: ['measure', 'answer'] },
      { calculate: measureLabel, as: 'measure_label' },
      { calculate: answerLabel, as: 'answer_label' },
      { calculate: "datum[datum.measure + '_paragraphs_text']", as: 'paragraphs_text' },
    ],
    facet: { row: { field: 'region', type: 'nominal', sort: regions, title: null, header: regionHeader(regions) } },
    spacing: 8,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: { step: 150 },
      height: { step: SIZES.cell },
      encoding: {
        x: {
          field: 'measure_label', type: 'nominal', sort: GENDER_MEASURES.map(([, l]) => l), title: null,
          scale: { paddingInner: 0.04 },
          axis: { orient: 'top', labelAngle: 0, domain: false, ticks: false },
        },
        y: { field: 'acronym', type: 'nominal', sort: mechanisms, title: null, scale: { paddingInner: 0.08 }, axis: { domain: false, ticks: false } },
        tooltip: [
          { field: 'acronym', title: 'Mechanism' },
          { field: 'region_label', title: 'Region' },
          { field: 'measure_label', title: 'Question' },
          { field: 'answer_label', title: 'Answer' },
          { field: 'paragraphs_text', title: 'Paragraphs' },
          { field: 'main_instrument_text', title: 'Reference instrument' },
          { field: 'personal_scope_text', title: 'Personal scope' },
        ],
      },
      layer: [
        {
          mark: { type: 'rect' },
          encoding: {
            color: {
              field: 'answer_label', type: 'nominal', title: null,
              scale: { domain: [ANSWERS.true, ANSWERS.unknown], range: [COLORS.yes, COLORS.unknown] },
              legend: { orient: 'bottom', direction: 'horizontal' },
            },
          },
        },
        {
          mark: { type: 'text', baseline: 'middle' },
          encoding: {
            text: { field: 'answer_label', type: 'nominal' },
            color: { condition: { test: "datum.answer === 'true' || datum.answer === 'yes'", value: 'white' }, value: 'black' },
          },
        },
      ],
    },
  };
}
