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
import { splitSentences } from '../text/sentences.ts';
import { COLORS, SIZES } from './theme.ts';

export type RecommendationRow = RowOf<typeof recommendation_coverage>;

export interface RecommendationsOptions extends BaseOptions {
  /** Theme id → label, for the tooltip (ids are shown where missing). */
  themeLabels?: Readonly<Record<string, string>>;
  /** Full text of each recommendation by paragraph number (else the table's excerpt is shown). */
  recommendationTexts?: Readonly<Record<number, string>>;
  /** Heading of each cluster of recommendations by letter ("b" → "Regional mechanisms should carry out …"). */
  clusterLabels?: Readonly<Record<string, string>>;
}

export const NAME = 'recommendations-coverage';

export const COVERED = 'Mechanisms with evidence';
export const UNCOVERED = 'No mechanism with evidence';

/** Characters per line and lines of a recommendation's label. */
export const LABEL_WIDTH = 56;
export const LABEL_LINES = 3;

/** Text cut at the last whole word that leaves room for " …" within `max` characters. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 2);
  const at = room.lastIndexOf(' ');
  return `${(at > 0 ? room.slice(0, at) : room).replace(/[\s,;:—–-]+$/, '')} …`;
}

/**
 * "106 Whenever possible, …" as lines: the recommendation's first sentence,
 * whole when it fits LABEL_LINES lines of LABEL_WIDTH characters, else cut at a
 * word with an ellipsis. A label never ends inside a word.
 */
export function recommendationLabel(r: { para_no: number; excerpt: string }, fullText?: string): string[] {
  const first = fullText ? (splitSentences(fullText)[0]?.text ?? fullText) : r.excerpt;
  const clean = first.replace(/\s+/g, ' ').trim();
  for (let max = clean.length; ; max -= 4) {
    const lines = wrapLabel(`${r.para_no}  ${cutAtWord(clean, max)}`, LABEL_WIDTH);
    if (lines.length <= LABEL_LINES) return lines;
  }
}

/** "(b) Regional mechanisms should carry out …" (at most 14 words), or "(b)" without a heading. */
export function clusterText(cluster: string | null, labels?: Readonly<Record<string, string>>): string {
  if (!cluster) return 'none (general recommendations)';
  const label = labels?.[cluster]?.replace(/\s+/g, ' ').replace(/[:\s]+$/, '').trim();
  if (!label) return `(${cluster})`;
  const words = label.split(' ');
  return `(${cluster}) ${words.length > 14 ? `${words.slice(0, 14).join(' ').replace(/[,;:]+$/, '')} …` : label}`;
}

/** The finding the chart shows: recommendations no mechanism already works on, or the least covered one. */
export function recommendationsTitle(rows: readonly RecommendationRow[]): string {
  const uncovered = rows.filter((r) => r.n_mechanisms === 0).length;
  if (rows.length === 0) return 'Recommendations and the mechanisms already working on them';
  if (uncovered > 0) return `${uncovered} of ${plural(rows.length, 'recommendation')} ask for work no mechanism is described doing`;
  const least = [...rows].sort((a, b) => a.n_mechanisms - b.n_mechanisms || a.para_no - b.para_no)[0]!;
  return `Every one of the ${plural(rows.length, 'recommendation')} has a mechanism already working on its themes; para. ${least.para_no} has the fewest (${least.n_mechanisms})`;
}

export function recommendationsCoverage(rows: readonly RecommendationRow[], options: RecommendationsOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const sorted = copyRows(rows).sort((a, b) => a.para_no - b.para_no);
  const labelOf = new Map(sorted.map((r) => [r.para_no, recommendationLabel(r, options.recommendationTexts?.[r.para_no])]));
  const values = sorted.map((r) => ({
    ...r,
    label: labelOf.get(r.para_no)!.join(' '),
    status: r.n_mechanisms > 0 ? COVERED : UNCOVERED,
    bar_text: r.n_mechanisms > 0 ? String(r.n_mechanisms) : 'none',
    cluster_text: clusterText(r.cluster, options.clusterLabels),
    themes_text: r.themes.length ? r.themes.map((t) => options.themeLabels?.[t] ?? t).join(', ') : 'no theme assigned',
    mechanisms_text: formatMechanisms(r.mechanisms, options.mechanismLabels),
    paragraphs_text: formatParas(r.evidence_paragraphs),
    recommendation_text: `${doc}, para. ${r.para_no}`,
  }));
  const labels = values.map((v) => v.label);
  const wrapMap = Object.fromEntries(sorted.filter((r) => labelOf.get(r.para_no)!.length > 1)
    .map((r) => [labelOf.get(r.para_no)!.join(' '), labelOf.get(r.para_no)!]));
  const maxLines = Math.max(1, ...[...labelOf.values()].map((l) => l.length));
  const uncovered = values.filter((v) => v.n_mechanisms === 0);
  const uncoveredLabels = uncovered.map((v) => v.label);
  const max = Math.max(1, ...rows.map((r) => r.n_mechanisms));
  const first = sorted[0]?.para_no; const last = sorted[sorted.length - 1]?.para_no;
  const description = `Bar chart of the ${plural(rows.length, 'recommendation')} of ${doc}${first !== undefined ? ` (paras. ${first}–${last})` : ''}, `
    + `each with the number of mechanisms the report already shows working on its themes. `
    + `${plural(uncovered.length, 'recommendation')} no mechanism covers`
    + (uncovered.length ? `: paras. ${uncovered.map((u) => u.para_no).join(', ')}.` : '.');
  const isUncovered = `indexof(${JSON.stringify(uncoveredLabels)}, datum.value) >= 0`;
  const lineHeight = SIZES.fontSize + 2;
  // Vega centres a multi-line label on its band by its first line: lift it by half the extra lines.
  const nLines = `(${JSON.stringify(Object.fromEntries(Object.entries(wrapMap).map(([k, v]) => [k, v.length])))})[datum.value] || 1`;
  const statuses = [COVERED, UNCOVERED].filter((st) => values.some((v) => v.status === st));
  return {
    ...specBase(NAME, doc),
    title: titleBlock(recommendationsTitle(rows), doc,
      'Each recommendation (by paragraph) with the number of mechanisms with evidence for any of its themes.'),
    description,
    data: { values },
    width: 300,
    height: { step: maxLines * lineHeight + 6 },
    encoding: {
      y: {
        field: 'label', type: 'nominal', sort: labels, title: null,
        axis: {
          ticks: false, domain: false, labelAlign: 'right',
          ...(Object.keys(wrapMap).length ? { labelExpr: `(${JSON.stringify(wrapMap)})[(datum.label)] || (datum.label)` } : {}),
          ...(maxLines > 1 ? {
            labelOffset: {
              condition: Array.from({ length: maxLines - 1 }, (_, i) => ({ test: `(${nLines}) === ${i + 2}`, value: -((i + 1) * lineHeight) / 2 })),
              value: 0,
            },
          } : {}),
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
        // Only the statuses that occur: a legend entry for an empty category would promise bars that are not there.
        scale: { domain: statuses, range: statuses.map((st) => (st === COVERED ? COLORS.neutral : COLORS.alert)) },
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
