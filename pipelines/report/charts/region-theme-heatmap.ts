/**
 * region-theme-heatmap: how many mechanisms of each region address each theme
 * (coverage_region_theme), a count in every cell.
 */
import type { coverage_region_theme } from '../../catalog/coverage.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, compareText, chartRow, docOf, formatMechanisms, citedText, plural,
  capitalize, regionsOf, specBase, titleBlock, wrapLabelExpr,
} from './common.ts';
import { SIZES, countColors } from './theme.ts';

export type RegionThemeRow = RowOf<typeof coverage_region_theme>;

export interface RegionThemeOptions extends BaseOptions {
  /** Theme ids in the report's order; without it themes are ordered by total mechanisms. */
  themeOrder?: readonly string[];
}

export const NAME = 'region-theme-heatmap';

/** Width of a region column, and the characters per line of its wrapped label (11 px text fits in 96 px). */
export const COLUMN_STEP = 96;
export const REGION_WRAP = 14;

/** The finding the chart shows: the regions with the fewest and the most themes covered. */
export function heatmapTitle(rows: readonly RegionThemeRow[]): string {
  const nThemes = new Set(rows.map((r) => r.theme_id)).size;
  const covered = regionsOf(rows).map((region) => ({
    region, n: new Set(rows.filter((r) => r.region === region && r.n_mechanisms > 0).map((r) => r.theme_id)).size,
  }));
  if (covered.length === 0) return 'Mechanisms addressing each theme, by region';
  const sorted = [...covered].sort((a, b) => a.n - b.n);
  const low = sorted[0]!; const high = sorted[sorted.length - 1]!;
  const who = (region: string) => (region === 'cross-regional' ? 'Cross-regional mechanisms' : `Mechanisms in ${region}`);
  if (low.n === high.n) return `${who(low.region)} and every other region are described working on ${low.n} of ${nThemes} themes`;
  return `${who(low.region)} are described working on ${low.n} of ${nThemes} themes; ${high.region} on ${high.n}`;
}

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
  const values = rows.map((r) => ({
    ...chartRow(r, options),
    region_label: capitalize(r.region),
    pillar_label: capitalize(r.pillar),
    mechanisms_text: formatMechanisms(r.mechanisms, options.mechanismLabels),
    paragraphs_text: citedText(r.paragraphs, r.cited, options),
    count_text: `${r.n_mechanisms} of ${plural(r.n_mechanisms_in_region, 'mechanism')}`,
  }));
  const top = [...rows].sort((a, b) => b.n_mechanisms - a.n_mechanisms || compareText(a.region + a.theme_label, b.region + b.theme_label))[0];
  const empty = rows.filter((r) => r.n_mechanisms === 0).length;
  const description = rows.length === 0
    ? `Heatmap of mechanisms by region and theme from ${doc}: no data.`
    : `Heatmap: number of regional mechanisms in each of ${plural(regions.length, 'region')} whose activities the report describes for each of ${plural(themes.length, 'theme')} (${doc}). `
      + `Highest: ${top.theme_label} in ${top.region} (${top.n_mechanisms} of ${plural(top.n_mechanisms_in_region, 'mechanism')}). `
      + `${empty} of ${rows.length} region–theme cells have no mechanism.`;

  const regionLabels = wrapLabelExpr(regions, REGION_WRAP);
  const counts = Array.from({ length: max + 1 }, (_, i) => i);
  return {
    ...specBase(NAME, doc),
    title: titleBlock(heatmapTitle(rows), doc,
      `Themes ${options.themeOrder ? "in the report's order" : 'ordered by total number of mechanisms'}; cell = number of mechanisms of the region.`),
    description,
    data: { values },
    width: { step: COLUMN_STEP },
    height: { step: SIZES.cell },
    encoding: {
      x: {
        field: 'region', type: 'nominal', sort: regions, title: null,
        scale: { paddingInner: 0.06 },
        axis: { orient: 'bottom', labelAngle: 0, labelAlign: 'center', labelBaseline: 'top', domain: false, ticks: false, ...(regionLabels ? { labelExpr: regionLabels } : {}) },
      },
      y: { field: 'theme_label', type: 'nominal', sort: themes, title: null, scale: { paddingInner: 0.1 }, axis: { domain: false, ticks: false } },
      tooltip: [
        { field: 'region_label', title: 'Region' },
        { field: 'theme_label', title: 'Theme' },
        { field: 'pillar_label', title: 'Pillar' },
        { field: 'count_text', title: 'Mechanisms' },
        { field: 'mechanisms_text', title: 'Which' },
        { field: 'paragraphs_text', title: 'Paragraphs' },
      ],
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          // One colour per count, so the legend shows 0 in the same grey as the empty cells.
          color: {
            field: 'n_mechanisms', type: 'ordinal', title: 'Mechanisms',
            scale: { domain: counts, range: countColors(max) },
            legend: { orient: 'right' },
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
