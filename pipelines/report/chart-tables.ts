/**
 * The tables the charts read, listed once: the render-charts stage declares
 * them as its inputs, and ChartTables (what renderCharts takes) is read from the
 * same list and the catalog. A light module, so declaring the stage does not
 * load the rendering libraries.
 */
import type { RowOfTable, TableName } from '../catalog/rows.ts';

export const CHART_INPUTS = ['coverage_region_theme', 'coverage_mechanism_theme', 'gender_inclusion', 'redress',
  'recommendation_coverage', 'data_requests', 'mechanism_members', 'countries', 'mechanisms', 'themes',
  'country_mechanisms', 'country_coverage', 'mechanism_indicators', 'paragraphs', 'headings'] as const satisfies readonly TableName[];

/** What the render-charts stage reads: the charts' tables and what the briefing quotes. */
export const RENDER_INPUTS = [...CHART_INPUTS, 'data_gaps', 'documents', 'evidence', 'mechanism_references'] as const;

type ChartInput = (typeof CHART_INPUTS)[number];

/**
 * Tables the charts can do without, so a caller (a test, a notebook) may leave them out:
 * mechanisms (tooltip acronyms fall back to coverage_mechanism_theme's), themes (else themes
 * are ordered by coverage), paragraphs (else the recommendations' excerpts label the bars) and
 * headings (the recommendation clusters' headings).
 */
type OptionalChartInput = 'mechanisms' | 'themes' | 'paragraphs' | 'headings';

/** The columns the charts read of the tables they use only for labels (a caller may give just those). */
interface LabelColumns { paragraphs: 'para_no' | 'text'; headings: 'level' | 'number' | 'label' }
type ChartRow<K extends ChartInput> = K extends keyof LabelColumns ? Pick<RowOfTable<K>, LabelColumns[K]> : RowOfTable<K>;

/** The chart tables by name, each typed by its catalog row. */
export type ChartTables = { readonly [K in Exclude<ChartInput, OptionalChartInput>]: readonly ChartRow<K>[] }
  & { readonly [K in OptionalChartInput]?: readonly ChartRow<K>[] };
