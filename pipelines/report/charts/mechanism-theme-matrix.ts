/**
 * mechanism-theme-matrix: which mechanism addresses which theme
 * (coverage_mechanism_theme), mechanisms grouped by region (one row block per
 * region), the number of paragraphs of evidence in each covered cell.
 */
import type { coverage_mechanism_theme } from '../../catalog/coverage.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type VegaLiteSpec, capitalize, compareRegions, compareText, chartRow, docOf, citedText, plural,
  regionsOf, specBase, titleBlock,
} from './common.ts';
import { themeLabelOrder } from './region-theme-heatmap.ts';
import { COLORS, SIZES } from './theme.ts';
import { type MechanismGridOptions, regionHeader, splitGridRows, withoutEvidenceLines } from './mechanism-rows.ts';

export type MechanismThemeRow = RowOf<typeof coverage_mechanism_theme>;

export interface MechanismThemeOptions extends MechanismGridOptions {
  /** Theme ids in the report's order; without it themes are ordered by number of mechanisms. */
  themeOrder?: readonly string[];
}

export const NAME = 'mechanism-theme-matrix';

export const COVERED = 'Evidence in the report';
export const NOT_COVERED = 'None found';

/** The finding the chart shows: the widest mechanism, and how many have no evidence at all. */
export function matrixTitle(rows: readonly MechanismThemeRow[]): string {
  const themes = new Set(rows.map((r) => r.theme_id)).size;
  const mechs = new Set(rows.map((r) => r.mechanism_id)).size;
  const per = new Map<string, number>();
  for (const r of rows) per.set(r.acronym, (per.get(r.acronym) ?? 0) + (r.covered ? 1 : 0));
  const widest = [...per].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0];
  if (!widest) return 'Themes each mechanism addresses, by region';
  const none = [...per.values()].filter((n) => n === 0).length;
  return `${widest[0]} is described working on ${widest[1]} of ${themes} themes; ${none} of ${mechs} mechanisms on none`;
}

export function mechanismThemeMatrix(allRows: readonly MechanismThemeRow[], options: MechanismThemeOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const { rows, left } = splitGridRows(allRows, options, (r) => !r.covered);
  const regions = regionsOf(rows);
  const themes = themeLabelOrder(rows.map((r) => ({ ...r, n_mechanisms: r.covered ? 1 : 0 })), options.themeOrder);
  const mechanisms = [...new Map(rows.map((r) => [r.mechanism_id, r])).values()]
    .sort((a, b) => compareRegions(a.region, b.region) || compareText(a.acronym, b.acronym))
    .map((r) => r.acronym);
  const values = rows.map((r) => ({
    ...chartRow(r, options),
    region_label: capitalize(r.region),
    pillar_label: capitalize(r.pillar),
    covered_text: r.covered ? COVERED : NOT_COVERED,
    cell_text: r.covered ? String(r.n_paragraphs) : '',
    paragraphs_text: citedText(r.paragraphs, r.cited, options),
  }));
  const nCovered = rows.filter((r) => r.covered).length;
  const perMech = new Map<string, number>();
  for (const r of rows) if (r.covered) perMech.set(r.acronym, (perMech.get(r.acronym) ?? 0) + 1);
  const widest = [...perMech].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0];
  const description = `Matrix of ${plural(mechanisms.length, 'mechanism')} (rows, grouped by ${plural(regions.length, 'region')}) against ${plural(themes.length, 'theme')} (columns) from ${doc}: `
    + `a filled cell means the report describes the mechanism's work on the theme, the number being the paragraphs of evidence. `
    + `${nCovered} of ${rows.length} cells are filled`
    + (widest ? `; ${widest[0]} covers the most themes (${widest[1]}).` : '.')
    + (left.length ? ` ${withoutEvidenceLines(left, options.requestParas, Infinity).join(' ')}` : '');

  return {
    ...specBase(NAME, doc),
    title: titleBlock(matrixTitle(allRows), doc,
      'Number in a cell: paragraphs of the report with evidence. Empty cell: no evidence found.',
      ...withoutEvidenceLines(left, options.requestParas)),
    description,
    data: { values },
    facet: {
      row: {
        field: 'region', type: 'nominal', sort: regions, title: null,
        header: regionHeader(regions),
      },
    },
    spacing: 8,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: { step: SIZES.cell },
      height: { step: SIZES.cell },
      encoding: {
        x: {
          field: 'theme_label', type: 'nominal', sort: themes, title: null,
          scale: { paddingInner: 0.08 },
          axis: { orient: 'top', labelAngle: -50, labelAlign: 'left', labelBaseline: 'middle', domain: false, ticks: false },
        },
        y: {
          field: 'acronym', type: 'nominal', sort: mechanisms, title: null,
          scale: { paddingInner: 0.08 },
          axis: { domain: false, ticks: false },
        },
        tooltip: [
          { field: 'acronym', title: 'Mechanism' },
          { field: 'region_label', title: 'Region' },
          { field: 'theme_label', title: 'Theme' },
          { field: 'pillar_label', title: 'Pillar' },
          { field: 'covered_text', title: 'Coverage' },
          { field: 'paragraphs_text', title: 'Paragraphs' },
        ],
      },
      layer: [
        {
          mark: { type: 'rect' },
          encoding: {
            color: {
              field: 'covered_text', type: 'nominal', title: null,
              scale: { domain: [COVERED, NOT_COVERED], range: [COLORS.yes, COLORS.empty] },
              legend: { orient: 'bottom', direction: 'horizontal' },
            },
          },
        },
        {
          mark: { type: 'text', baseline: 'middle', color: 'white', fontSize: 10 },
          encoding: { text: { field: 'cell_text', type: 'nominal' } },
        },
      ],
    },
  };
}
