/**
 * redress-elements: which of the report's elements of redress (legal remedies,
 * information on proceedings, legal aid, compensation, asset confiscation for
 * compensation) the report describes each mechanism addressing (redress).
 */
import { REDRESS_ELEMENTS, type redress } from '../../catalog/coverage.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type VegaLiteSpec, capitalize, chartRow, docOf, citedText, plural, regionsOf, specBase, titleBlock,
} from './common.ts';
import {
  type MechanismGridOptions, mechanismOrder, regionHeader, splitGridRows, withoutEvidenceLines,
} from './mechanism-rows.ts';
import { COLORS, SIZES } from './theme.ts';

export type RedressRow = RowOf<typeof redress>;

export const NAME = 'redress-elements';

export const ELEMENT_LABELS: Record<(typeof REDRESS_ELEMENTS)[number], string> = {
  legal_remedies: 'Legal remedies',
  information: 'Information on proceedings',
  legal_aid: 'Legal aid',
  compensation: 'Compensation',
  asset_confiscation: 'Asset confiscation',
};

export const ADDRESSED = 'Addressed';
export const NOT_ADDRESSED = 'No evidence';

/** The finding the chart shows: "Only 5 of 31 mechanisms are described addressing any element of redress". */
export function redressTitle(rows: readonly RedressRow[]): string {
  const n = rows.filter((r) => r.addresses_redress).length;
  return `${n < rows.length / 2 ? 'Only ' : ''}${n} of ${plural(rows.length, 'mechanism')} ${n === 1 ? 'is' : 'are'} described addressing any element of redress`;
}

export function redressElements(allRows: readonly RedressRow[], options: MechanismGridOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const { rows, left } = splitGridRows(allRows, options, (r) => !r.addresses_redress);
  const regions = regionsOf(rows);
  const mechanisms = mechanismOrder(rows);
  const values = rows.map((r) => ({
    ...chartRow(r, options),
    region_label: capitalize(r.region),
    n_elements_text: `${r.n_elements} of ${REDRESS_ELEMENTS.length}`,
    ...Object.fromEntries(REDRESS_ELEMENTS.map((e) => [`${e}_paragraphs_text`, citedText(r[`${e}_paragraphs`], r[`${e}_cited`], options)])),
  }));
  const none = rows.filter((r) => !r.addresses_redress).length;
  const perElement = REDRESS_ELEMENTS.map((e) => `${ELEMENT_LABELS[e]} ${rows.filter((r) => r[e]).length}`);
  const description = `Grid of ${plural(rows.length, 'mechanism')} (rows, grouped by region) against ${REDRESS_ELEMENTS.length} elements of redress for victims from ${doc}; a filled cell means the report shows the mechanism addressing the element. `
    + `Mechanisms per element: ${perElement.join(', ')}. ${plural(none, 'mechanism')} address none.`
    + (left.length ? ` ${withoutEvidenceLines(left, options.requestParas, Infinity).join(' ')}` : '');
  const elementLabel = `(${JSON.stringify(ELEMENT_LABELS)})[datum.element]`;
  return {
    ...specBase(NAME, doc),
    title: titleBlock(redressTitle(allRows), doc, 'Filled cell: the report shows the mechanism addressing the element.',
      ...withoutEvidenceLines(left, options.requestParas)),
    description,
    data: { values },
    transform: [
      { fold: [...REDRESS_ELEMENTS], as: ['element', 'addressed'] },
      { calculate: elementLabel, as: 'element_label' },
      { calculate: `datum.addressed ? '${ADDRESSED}' : '${NOT_ADDRESSED}'`, as: 'addressed_text' },
      { calculate: "datum.addressed ? '✓' : ''", as: 'cell_text' },
      { calculate: "datum[datum.element + '_paragraphs_text']", as: 'paragraphs_text' },
    ],
    facet: { row: { field: 'region', type: 'nominal', sort: regions, title: null, header: regionHeader(regions) } },
    spacing: 8,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: { step: 118 },
      height: { step: SIZES.cell },
      encoding: {
        x: {
          field: 'element_label', type: 'nominal', sort: REDRESS_ELEMENTS.map((e) => ELEMENT_LABELS[e]), title: null,
          scale: { paddingInner: 0.04 },
          axis: { orient: 'top', labelAngle: 0, domain: false, ticks: false },
        },
        y: { field: 'acronym', type: 'nominal', sort: mechanisms, title: null, scale: { paddingInner: 0.08 }, axis: { domain: false, ticks: false } },
        tooltip: [
          { field: 'acronym', title: 'Mechanism' },
          { field: 'region_label', title: 'Region' },
          { field: 'element_label', title: 'Element' },
          { field: 'addressed_text', title: 'Coverage' },
          { field: 'paragraphs_text', title: 'Paragraphs' },
          { field: 'n_elements_text', title: 'Elements addressed' },
        ],
      },
      layer: [
        {
          mark: { type: 'rect' },
          encoding: {
            color: {
              field: 'addressed_text', type: 'nominal', title: null,
              scale: { domain: [ADDRESSED, NOT_ADDRESSED], range: [COLORS.yes, COLORS.empty] },
              legend: { orient: 'bottom', direction: 'horizontal' },
            },
          },
        },
        {
          mark: { type: 'text', baseline: 'middle', color: 'white', fontSize: 13 },
          encoding: { text: { field: 'cell_text', type: 'nominal' } },
        },
      ],
    },
  };
}
