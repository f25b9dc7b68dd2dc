/**
 * region-theme-heatmap: how many mechanisms of each region address each theme
 * (coverage_region_theme), a count in every cell.
 */
import type { coverage_region_theme } from '../catalog/coverage.ts';
import type { RowOf } from '../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, compareText, copyRows, docOf, formatMechanisms, formatParas, plural,
  regionsOf, specBase, titleBlock, wrapLabelExpr,
} from './common.ts';
import { COLORS, SCHEMES, SIZES } from './theme.ts';

export type RegionThemeRow = RowOf<typeof coverage_region_theme>;

export interface RegionThemeOptions extends BaseOptions {
  /** Theme ids in the report's order; without it themes are ordered by total mechanisms. */
  themeOrder?: readonly string[];
}

export const NAME = 'region-theme-heatmap';

/** Theme labels in display order: report order if given, else most-covered first. */
export function themeLabelOrder(rows: readonly { theme_id: string; theme_label: string; n_mechanisms: number }[], themeOrder?: readonly string[]): string[] {
  const byId = new Map<string, { label: string; total: number }>();
  for (const r of rows) {
    const t = byId.get(r.theme_id) ?? { label: r.theme_label, total: 0 };
    t.total += r.n_mechanisms;
    byId.set(r.theme_id, t);
  }
  const ids = [...byId.keys()];
  const rank = (id: string) => { const i = themeOrder?.indexOf(id) ?? -1; return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
  ids.sort((a, b) => themeOrder
    ? rank(a) - rank(b) || compareText(byId.get(a)!.label, byId.get(b)!.label)
    : byId.get(b)!.total - byId.get(a)!.total || compareText(byId.get(a)!.label, byId.get(b)!.label));
  return ids.map((id) => byId.get(id)!.label);
}

export function regionThemeHeatmap(rows: readonly RegionThemeRow[], options: RegionThemeOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const regions = regionsOf(rows);
  const themes = themeLabelOrder(rows, options.themeOrder);
  const max = Math.max(1, ...rows.map((r) => r.n_mechanisms));
  const values = copyRows(rows).map((r) => ({
    ...r,
    mechanisms_text: formatMechanisms(r.mechanisms, options.mechanismLabels),
    paragraphs_text: formatParas(r.paragraphs),
    count_text: `${r.n_mechanisms} of ${plural(r.n_mechanisms_in_region, 'mechanism')}`,
  }));
  const top = [...rows].sort((a, b) => b.n_mechanisms - a.n_mechanisms || compareText(a.region + a.theme_label, b.region + b.theme_label))[0];
  const empty = rows.filter((r) => r.n_mechanisms === 0).length;
  const description = rows.length === 0
    ? `Heatmap of mechanisms by region and theme from ${doc}: no data.`
    : `Heatmap: number of regional mechanisms in each of ${plural(regions.length, 'region')} whose activities the report describes for each of ${plural(themes.length, 'theme')} (${doc}). `
      + `Highest: ${top.theme_label} in ${top.region} (${top.n_mechanisms} of ${plural(top.n_mechanisms_in_region, 'mechanism')}). `
      + `${empty} of ${rows.length} region–theme cells have no mechanism.`;

  const regionLabels = wrapLabelExpr(regions, 16);
  return {
    ...specBase(NAME, doc),
    title: titleBlock('Mechanisms addressing each theme, by region', doc,
      `Themes ${options.themeOrder ? "in the report's order" : 'ordered by total number of mechanisms'}; cell = number of mechanisms of the region.`),
    description,
    data: { values },
    width: { step: 84 },
    height: { step: SIZES.cell },
    encoding: {
      x: {
        field: 'region', type: 'nominal', sort: regions, title: null,
        scale: { paddingInner: 0.06 },
        axis: { orient: 'bottom', labelAngle: 0, labelAlign: 'center', labelBaseline: 'top', domain: false, ticks: false, ...(regionLabels ? { labelExpr: regionLabels } : {}) },
      },
      y: { field: 'theme_label', type: 'nominal', sort: themes, title: null, scale: { paddingInner: 0.1 }, axis: { domain: false, ticks: false } },
      tooltip: [
        { field: 'region', title: 'Region' },
        { field: 'theme_label', title: 'Theme' },
        { field: 'pillar', title: 'Pillar' },
        { field: 'count_text', title: 'Mechanisms' },
        { field: 'mechanisms_text', title: 'Which' },
        { field: 'paragraphs_text', title: 'Paragraphs' },
      ],
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            condition: { test: 'datum.n_mechanisms === 0', value: COLORS.empty },
            field: 'n_mechanisms', type: 'quantitative', title: 'Mechanisms',
            scale: { scheme: SCHEMES.counts, domain: [0, max] },
            legend: { orient: 'right', tickCount: Math.min(max, 5), format: 'd' },
          },
        },
      },
      {
        mark: { type: 'text', baseline: 'middle' },
        encoding: {
          text: { field: 'n_mechanisms', type: 'quantitative', format: 'd' },
          color: { condition: { test: `datum.n_mechanisms > ${max / 2}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
