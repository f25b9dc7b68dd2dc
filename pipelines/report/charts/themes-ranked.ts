/**
 * themes-ranked: themes ranked by how many mechanisms address them
 * (from coverage_mechanism_theme); themes addressed by few mechanisms
 * (≤ threshold) in a contrasting colour with a legend.
 */
import type { coverage_mechanism_theme } from '../../catalog/coverage.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, capitalize, compareText, docOf, formatMechanisms, formatCited, plural, specBase,
  titleBlock, mergeSources, uniqueSorted, uniqueSources, type CitedParagraph, slim,
} from './common.ts';
import { COLORS, SIZES } from './theme.ts';

export type MechanismThemeRow = RowOf<typeof coverage_mechanism_theme>;

export interface ThemesRankedOptions extends BaseOptions {
  /** A theme addressed by at most this many mechanisms is "thin" (default 2). */
  threshold?: number;
  /** Theme ids in the report's order, to break ties (else ties go by label). */
  themeOrder?: readonly string[];
}

export const NAME = 'themes-ranked';

export interface ThemeRankRow {
  theme_id: string;
  theme_label: string;
  pillar: string;
  pillar_label: string;
  n_mechanisms: number;
  n_mechanisms_total: number;
  mechanisms: string[];
  paragraphs: number[];
  /** The same paragraphs, each with its document. */
  sources: CitedParagraph[];
  thin: boolean;
  status: string;
  mechanisms_text: string;
  paragraphs_text: string;
}

export function thinLabel(threshold: number): string { return `Few: ${threshold} or fewer mechanisms`; }
export function thickLabel(threshold: number): string { return `${threshold + 1} or more mechanisms`; }

/** The finding the chart shows: how many themes few mechanisms address. */
export function themesTitle(ranked: readonly ThemeRankRow[], threshold: number): string {
  const thin = ranked.filter((r) => r.thin).length;
  const total = ranked[0]?.n_mechanisms_total ?? 0;
  return `${thin} of ${plural(ranked.length, 'theme')} ${thin === 1 ? 'is' : 'are'} addressed by ${threshold} or fewer of the ${plural(total, 'mechanism')}`;
}

/** One row per theme with the mechanisms (acronyms) and paragraphs behind its count, ranked. */
export function rankThemes(rows: readonly MechanismThemeRow[], threshold = 2, themeOrder?: readonly string[], options?: BaseOptions): ThemeRankRow[] {
  const total = new Set(rows.map((r) => r.mechanism_id)).size;
  const by = new Map<string, { label: string; pillar: string; mechs: Set<string>; paras: number[]; sources: CitedParagraph[][] }>();
  for (const r of rows) {
    const t = by.get(r.theme_id) ?? { label: r.theme_label, pillar: r.pillar, mechs: new Set<string>(), paras: [], sources: [] };
    if (r.covered) { t.mechs.add(r.acronym); t.paras.push(...r.paragraphs); t.sources.push(uniqueSources(r.sources ?? [])); }
    by.set(r.theme_id, t);
  }
  const rank = (id: string) => { const i = themeOrder?.indexOf(id) ?? -1; return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
  return [...by].map(([id, t]) => {
    const n = t.mechs.size;
    const thin = n <= threshold;
    const paragraphs = uniqueSorted(t.paras);
    const sources = mergeSources(t.sources);
    return {
      theme_id: id, theme_label: t.label, pillar: t.pillar, pillar_label: capitalize(t.pillar), n_mechanisms: n, n_mechanisms_total: total,
      mechanisms: [...t.mechs].sort(compareText), paragraphs, sources, thin,
      status: thin ? thinLabel(threshold) : thickLabel(threshold),
      mechanisms_text: formatMechanisms([...t.mechs]),
      paragraphs_text: formatCited(paragraphs, sources, options),
    };
  }).sort((a, b) => b.n_mechanisms - a.n_mechanisms || rank(a.theme_id) - rank(b.theme_id) || compareText(a.theme_label, b.theme_label));
}

export function themesRanked(rows: readonly MechanismThemeRow[], options: ThemesRankedOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const threshold = options.threshold ?? 2;
  const ranked = rankThemes(rows, threshold, options.themeOrder, options);
  const thin = ranked.filter((r) => r.thin);
  const total = ranked[0]?.n_mechanisms_total ?? 0;
  const max = Math.max(1, ...ranked.map((r) => r.n_mechanisms));
  const description = ranked.length === 0
    ? `Bar chart of themes by number of mechanisms from ${doc}: no data.`
    : `Bar chart ranking ${plural(ranked.length, 'theme')} by the number of the ${plural(total, 'mechanism')} whose work on them the report describes (${doc}). `
      + `Most addressed: ${ranked[0]!.theme_label} (${ranked[0]!.n_mechanisms}). `
      + `${plural(thin.length, 'theme')} addressed by ${threshold} or fewer mechanisms`
      + (thin.length ? `: ${thin.map((t) => `${t.theme_label} (${t.n_mechanisms})`).join(', ')}.` : '.');
  return {
    ...specBase(NAME, doc),
    title: titleBlock(themesTitle(ranked, threshold), doc,
      `Out of ${plural(total, 'mechanism')}. Highlighted: themes addressed by ${threshold} or fewer.`),
    description,
    data: { values: ranked.map((r) => slim(r, options)) },
    width: SIZES.barWidth,
    height: { step: SIZES.bar },
    encoding: {
      y: { field: 'theme_label', type: 'nominal', sort: ranked.map((r) => r.theme_label), title: null, axis: { ticks: false, domain: false } },
      x: {
        field: 'n_mechanisms', type: 'quantitative', title: 'Mechanisms with evidence',
        scale: { domain: [0, max + 1], nice: false },
        axis: { format: 'd', tickMinStep: 1, grid: true, gridColor: '#E5E5E5' },
      },
      tooltip: [
        { field: 'theme_label', title: 'Theme' },
        { field: 'pillar_label', title: 'Pillar' },
        { field: 'n_mechanisms', title: 'Mechanisms', type: 'quantitative' },
        { field: 'mechanisms_text', title: 'Which' },
        { field: 'paragraphs_text', title: 'Paragraphs' },
      ],
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: 'status', type: 'nominal', title: null,
            scale: { domain: [thinLabel(threshold), thickLabel(threshold)], range: [COLORS.alert, COLORS.neutral] },
            legend: { orient: 'top', direction: 'horizontal' },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: COLORS.text },
        encoding: { text: { field: 'n_mechanisms', type: 'quantitative', format: 'd' } },
      },
    ],
  };
}
