/**
 * recommendations-coverage: each ask of each recommendation (106–137 and (g))
 * against the number of mechanisms the report describes doing it
 * (recommendation_coverage); asks no mechanism is described doing stand out.
 */
import type { recommendation_coverage } from '../../catalog/coverage.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, chartRow, docOf, formatMechanisms, citedText, plural, REGISTRY_SYMBOL, specBase, titleBlock,
  wrapLabel,
} from './common.ts';
import { COLORS } from './theme.ts';

export type RecommendationRow = RowOf<typeof recommendation_coverage>;

export const NAME = 'recommendations-coverage';

export const COVERED = 'Described being done';
export const UNCOVERED = 'No mechanism described doing it';

/** At most this many characters of an ask's words in its axis label. */
const LABEL_CHARS = 90;

/** "113.1 Assist in the establishment of a national coordination body …": cut at a word, never mid-word, in at most two lines. */
export function askLabel(r: { ask_id: string; ask_text: string }): string[] {
  const words = r.ask_text.split(/\s+/);
  let text = '';
  for (const w of words) {
    if ((text + ' ' + w).length > LABEL_CHARS) { text += ' …'; break; }
    text = text ? `${text} ${w}` : w;
  }
  return wrapLabel(`${r.ask_id} ${text}`, 56).slice(0, 2);
}

export function recommendationsCoverage(rows: readonly RecommendationRow[], options: BaseOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const sorted = [...rows].sort((a, b) => a.sort_order - b.sort_order);
  const values = sorted.map((r) => ({
    ...chartRow(r, options),
    label: r.ask_id,
    status: r.n_mechanisms > 0 ? COVERED : UNCOVERED,
    bar_text: r.n_mechanisms > 0 ? String(r.n_mechanisms) : 'none',
    // the asks are A/HRC/14/32's recommendations (data/registry/recommendation_asks.yaml), whatever the corpus
    recommendation_cite: r.recommendation_id === 'g' ? `${REGISTRY_SYMBOL}, recommendation (g)` : `${REGISTRY_SYMBOL}, para. ${r.recommendation_id}`,
    cluster_label: r.cluster ? `Cluster ${r.cluster}: ${r.cluster_text ?? 'unnumbered recommendation'}` : 'Opening recommendations (106–108)',
    mechanisms_text: formatMechanisms(r.mechanisms, options.mechanismLabels),
    paragraphs_text: citedText(r.evidence_paragraphs, r.evidence_cited, options),
  }));
  const labelLines = Object.fromEntries(sorted.map((r) => [r.ask_id, askLabel(r)]));
  const uncovered = values.filter((v) => v.n_mechanisms === 0);
  const nRecs = new Set(sorted.map((r) => r.recommendation_id)).size;
  const max = Math.max(1, ...rows.map((r) => r.n_mechanisms));
  const statuses = [COVERED, UNCOVERED].filter((s) => values.some((v) => v.status === s));
  const description = `Bar chart of the ${plural(rows.length, 'ask')} of the ${plural(nRecs, 'recommendation')} of ${REGISTRY_SYMBOL}, `
    + `each with the number of mechanisms the report describes doing it. `
    + `${plural(uncovered.length, 'ask')} no mechanism is described doing`
    + (uncovered.length ? `: ${uncovered.map((u) => u.ask_id).join(', ')}.` : '.');
  const isUncovered = `indexof(${JSON.stringify(uncovered.map((u) => u.ask_id))}, datum.value) >= 0`;
  return {
    ...specBase(NAME, doc),
    title: titleBlock(
      uncovered.length
        ? `${plural(uncovered.length, 'ask')} of ${rows.length} in the recommendations: no mechanism is described doing ${uncovered.length === 1 ? 'it' : 'them'}`
        : `Every ask of the recommendations: some mechanism is described doing it`,
      doc,
      'Each ask of each recommendation, with the number of mechanisms the report describes doing it.'),
    description,
    data: { values },
    width: 260,
    height: { step: 30 },
    encoding: {
      y: {
        field: 'label', type: 'nominal', sort: sorted.map((r) => r.ask_id), title: null,
        axis: {
          ticks: false, domain: false, labelAlign: 'right', labelLimit: 420,
          labelExpr: `(${JSON.stringify(labelLines)})[datum.label] || datum.label`,
          labelColor: { condition: { test: isUncovered, value: COLORS.alert }, value: COLORS.text },
          labelFontWeight: { condition: { test: isUncovered, value: 'bold' }, value: 'normal' },
        },
      },
      x: {
        field: 'n_mechanisms', type: 'quantitative', title: 'Mechanisms described doing it',
        scale: { domain: [0, max + 1], nice: false },
        axis: { format: 'd', tickMinStep: 1, grid: true, gridColor: '#E5E5E5', orient: 'top' },
      },
      color: {
        field: 'status', type: 'nominal', title: null,
        scale: { domain: statuses, range: statuses.map((s) => (s === COVERED ? COLORS.neutral : COLORS.alert)) },
        legend: { orient: 'bottom', direction: 'horizontal' },
      },
      tooltip: [
        { field: 'recommendation_cite', title: 'Recommendation' },
        { field: 'cluster_label', title: 'Part' },
        { field: 'ask_text', title: 'Ask' },
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
