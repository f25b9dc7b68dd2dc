/**
 * recommendations-coverage: each recommendation (paragraphs 106–137) against
 * the number of mechanisms that already show evidence for its themes
 * (recommendation_coverage); recommendations no mechanism covers stand out.
 */
import type { recommendation_coverage } from '../catalog/coverage.ts';
import type { RowOf } from '../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, copyRows, docOf, formatMechanisms, formatParas, plural, specBase, titleBlock,
  wrapLabel,
} from './common.ts';
import { COLORS, SIZES } from './theme.ts';

export type RecommendationRow = RowOf<typeof recommendation_coverage>;

export interface RecommendationsOptions extends BaseOptions {
  /** Theme id → label, for the tooltip (ids are shown where missing). */
  themeLabels?: Readonly<Record<string, string>>;
}

export const NAME = 'recommendations-coverage';

export const COVERED = 'mechanisms with evidence';
export const UNCOVERED = 'no mechanism with evidence';

/** "106 Whenever possible, …" split into at most two lines. */
export function recommendationLabel(r: { para_no: number; excerpt: string }): string[] {
  const text = `${r.para_no}  ${r.excerpt}`.trim();
  for (let w = 48; ; w += 6) {
    const lines = wrapLabel(text, w);
    if (lines.length <= 2) return lines;
  }
}

export function recommendationsCoverage(rows: readonly RecommendationRow[], options: RecommendationsOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const sorted = copyRows(rows).sort((a, b) => a.para_no - b.para_no);
  const values = sorted.map((r) => ({
    ...r,
    label: `${r.para_no}  ${r.excerpt}`.trim(),
    status: r.n_mechanisms > 0 ? COVERED : UNCOVERED,
    bar_text: r.n_mechanisms > 0 ? String(r.n_mechanisms) : 'none',
    cluster_text: r.cluster ? `(${r.cluster})` : 'none',
    themes_text: r.themes.length ? r.themes.map((t) => options.themeLabels?.[t] ?? t).join(', ') : 'no theme assigned',
    mechanisms_text: formatMechanisms(r.mechanisms, options.mechanismLabels),
    paragraphs_text: formatParas(r.evidence_paragraphs),
    recommendation_text: `${doc}, para. ${r.para_no}`,
  }));
  const labels = values.map((v) => v.label);
  const twoLine = sorted.filter((r) => recommendationLabel(r).length > 1).map((r) => `${r.para_no}  ${r.excerpt}`.trim());
  const wrapMap = Object.fromEntries(sorted.filter((r) => recommendationLabel(r).length > 1).map((r) => [`${r.para_no}  ${r.excerpt}`.trim(), recommendationLabel(r)]));
  const uncovered = values.filter((v) => v.n_mechanisms === 0);
  const uncoveredLabels = uncovered.map((v) => v.label);
  const max = Math.max(1, ...rows.map((r) => r.n_mechanisms));
  const first = sorted[0]?.para_no; const last = sorted[sorted.length - 1]?.para_no;
  const description = `Bar chart of the ${plural(rows.length, 'recommendation')} of ${doc}${first !== undefined ? ` (paras. ${first}–${last})` : ''}, `
    + `each with the number of mechanisms the report already shows working on its themes. `
    + `${plural(uncovered.length, 'recommendation')} no mechanism covers`
    + (uncovered.length ? `: paras. ${uncovered.map((u) => u.para_no).join(', ')}.` : '.');
  const isUncovered = `indexof(${JSON.stringify(uncoveredLabels)}, datum.value) >= 0`;
  const isTwoLine = `indexof(${JSON.stringify(twoLine)}, datum.value) >= 0`;
  const lineHeight = SIZES.fontSize + 2;
  return {
    ...specBase(NAME, doc),
    title: titleBlock('Recommendations and the mechanisms already working on them', doc,
      'Each recommendation (by paragraph) with the number of mechanisms with evidence for any of its themes.'),
    description,
    data: { values },
    width: 300,
    height: { step: 30 },
    encoding: {
      y: {
        field: 'label', type: 'nominal', sort: labels, title: null,
        axis: {
          ticks: false, domain: false, labelAlign: 'right',
          ...(twoLine.length ? { labelExpr: `(${JSON.stringify(wrapMap)})[(datum.label)] || (datum.label)` } : {}),
          labelOffset: twoLine.length ? { condition: { test: isTwoLine, value: -lineHeight / 2 }, value: 0 } : 0,
          labelColor: { condition: { test: isUncovered, value: COLORS.alert }, value: COLORS.text },
          labelFontWeight: { condition: { test: isUncovered, value: 'bold' }, value: 'normal' },
        },
      },
      x: {
        field: 'n_mechanisms', type: 'quantitative', title: 'Mechanisms with evidence for the themes',
        scale: { domain: [0, max + 1], nice: false },
        axis: { format: 'd', tickMinStep: 1, grid: true, gridColor: '#E5E5E5', orient: 'top' },
      },
      color: {
        field: 'status', type: 'nominal', title: null,
        scale: { domain: [COVERED, UNCOVERED], range: [COLORS.neutral, COLORS.alert] },
        legend: { orient: 'bottom', direction: 'horizontal' },
      },
      tooltip: [
        { field: 'recommendation_text', title: 'Recommendation' },
        { field: 'cluster_text', title: 'Cluster' },
        { field: 'excerpt', title: 'Begins' },
        { field: 'themes_text', title: 'Themes' },
        { field: 'n_mechanisms', title: 'Mechanisms', type: 'quantitative' },
        { field: 'mechanisms_text', title: 'Which' },
        { field: 'paragraphs_text', title: 'Evidence' },
      ],
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.7 }, cornerRadiusEnd: 2 } },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontWeight: 'bold' },
        encoding: { text: { field: 'bar_text', type: 'nominal' } },
      },
    ],
  };
}
