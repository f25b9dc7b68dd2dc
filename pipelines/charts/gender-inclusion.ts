/**
 * gender-inclusion: for each mechanism, whether the report shows it addressing
 * men and boys, gender mainstreaming and children (gender_inclusion), each
 * answer yes / no / not stated with its paragraphs.
 */
import type { gender_inclusion } from '../catalog/coverage.ts';
import type { RowOf } from '../catalog/types.ts';
import {
  type VegaLiteSpec, capitalize, copyRows, docOf, formatParas, plural, regionsOf, specBase, titleBlock,
} from './common.ts';
import {
  type MechanismGridOptions, mechanismOrder, regionHeader, splitGridRows, withoutEvidenceLines,
} from './mechanism-rows.ts';
import { COLORS, SIZES } from './theme.ts';

export type GenderRow = RowOf<typeof gender_inclusion>;

export const NAME = 'gender-inclusion';

export const GENDER_MEASURES = [
  ['men_and_boys', 'Men and boys as victims'],
  ['gender_mainstreaming', 'Gender mainstreaming'],
  ['child_specific', 'Child-specific measures'],
] as const;

export const ANSWERS = { true: 'Yes', false: 'No', unknown: 'Not stated' } as const;

/** The finding the chart shows: how many mechanisms are shown covering men and boys, and how many exclude them. */
export function genderTitle(rows: readonly GenderRow[]): string {
  const yes = rows.filter((r) => r.men_and_boys === 'true').length;
  const no = rows.filter((r) => r.men_and_boys === 'false').length;
  return `${yes} of ${plural(rows.length, 'mechanism')} are described covering men and boys as victims; `
    + `${no} ${no === 1 ? 'limits its instrument' : 'limit their instruments'} to women and children`;
}

export function genderInclusion(allRows: readonly GenderRow[], options: MechanismGridOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const { rows, left } = splitGridRows(allRows, options, (r) => GENDER_MEASURES.every(([m]) => r[m] === 'unknown'));
  const regions = regionsOf(rows);
  const mechanisms = mechanismOrder(rows);
  const values = copyRows(rows).map((r) => ({
    ...r,
    region_label: capitalize(r.region),
    personal_scope_text: `${r.personal_scope} (${formatParas(r.personal_scope_paragraphs)})`,
    main_instrument_text: r.main_instrument ?? 'not recorded',
    ...Object.fromEntries(GENDER_MEASURES.map(([m]) => [`${m}_paragraphs_text`, formatParas(r[`${m}_paragraphs`])])),
  }));
  const counts = GENDER_MEASURES.map(([m, label]) => `${label}: ${rows.filter((r) => r[m] === 'true').length}`);
  const description = `Grid of ${plural(rows.length, 'mechanism')} (rows, grouped by ${plural(regions.length, 'region')}) against three questions from ${doc}: `
    + `does the mechanism address men and boys as victims, gender mainstreaming, child-specific measures; each cell yes, no or not stated. `
    + `Mechanisms answering yes: ${counts.join('; ')}.`
    + (left.length ? ` ${withoutEvidenceLines(left, options.requestParas, Infinity).join(' ')}` : '');
  const measureLabel = `(${JSON.stringify(Object.fromEntries(GENDER_MEASURES))})[datum.measure]`;
  const answerLabel = `(${JSON.stringify(ANSWERS)})[datum.answer] || datum.answer`;
  return {
    ...specBase(NAME, doc),
    title: titleBlock(genderTitle(allRows), doc,
      '"No": the reference instrument covers women and children only, or the report says so; "Not stated": the report is silent.',
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
              scale: { domain: [ANSWERS.true, ANSWERS.false, ANSWERS.unknown], range: [COLORS.yes, COLORS.no, COLORS.unknown] },
              legend: { orient: 'bottom', direction: 'horizontal' },
            },
          },
        },
        {
          mark: { type: 'text', baseline: 'middle' },
          encoding: {
            text: { field: 'answer_label', type: 'nominal' },
            color: { condition: { test: "datum.answer === 'true'", value: 'white' }, value: 'black' },
          },
        },
      ],
    },
  };
}
