/**
 * request-responses: the organisations the Special Rapporteur asked for
 * information (data_requests, paragraph 3), by region: how many responded and
 * how many had not, the organisations named in the tooltip.
 */
import type { data_requests } from '../../catalog/evidence.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, capitalize, compareRegions, compareText, docOf, formatCited, plural, specBase,
  titleBlock, uniqueSorted, uniqueSources, wrapLabelExpr, slim,
} from './common.ts';
import { COLORS, SIZES } from './theme.ts';
import { askedWords } from '../requests-asked.ts';

export type DataRequestRow = RowOf<typeof data_requests>;

export const NAME = 'request-responses';

export const RESPONDED = 'Responded';
export const NOT_RESPONDED = 'No response yet';

export interface RequestGroupRow {
  region: string;
  region_label: string;
  responded: boolean;
  status: string;
  status_order: number;
  n: number;
  n_region: number;
  organisations: string[];
  mechanism_ids: string[];
  paragraphs: number[];
  organisations_text: string;
  paragraphs_text: string;
  count_text: string;
}

/** One row per region × responded, with the organisations behind the count. */
export function groupRequests(rows: readonly DataRequestRow[], options: BaseOptions = {}): RequestGroupRow[] {
  const groups = new Map<string, DataRequestRow[]>();
  for (const r of rows) {
    const k = `${r.responded}:${r.region}`;
    const g = groups.get(k);
    if (g) g.push(r); else groups.set(k, [r]);
  }
  const perRegion = new Map<string, number>();
  for (const r of rows) perRegion.set(r.region, (perRegion.get(r.region) ?? 0) + 1);
  return [...groups.values()].map((g) => {
    const { region, responded } = g[0]!;
    const orgs = [...new Set(g.map((r) => r.name_in_text))].sort(compareText);
    const paragraphs = uniqueSorted(g.map((r) => r.para_no));
    const n = g.length;
    return {
      region, region_label: capitalize(region), responded, status: responded ? RESPONDED : NOT_RESPONDED, status_order: responded ? 0 : 1,
      n, n_region: perRegion.get(region)!,
      organisations: orgs, mechanism_ids: g.map((r) => r.mechanism_id).sort(compareText), paragraphs,
      organisations_text: orgs.join('; '), paragraphs_text: formatCited(paragraphs, uniqueSources(g), options),
      count_text: `${n} of ${perRegion.get(region)!}`,
    };
  }).sort((a, b) => compareRegions(a.region, b.region) || a.status_order - b.status_order);
}

export function requestResponses(rows: readonly DataRequestRow[], options: BaseOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const groups = groupRequests(rows, options);
  const regions = [...new Set(groups.map((g) => g.region))];
  const responded = rows.filter((r) => r.responded).length;
  const paras = formatCited(uniqueSorted(rows.map((r) => r.para_no)), uniqueSources(rows), options);
  const worst = regions.map((reg) => {
    const not = groups.find((g) => g.region === reg && !g.responded)?.n ?? 0;
    const all = groups.find((g) => g.region === reg)?.n_region ?? 0;
    return { reg, not, all };
  }).sort((a, b) => b.not - a.not || compareRegions(a.reg, b.reg))[0];
  const words = askedWords(rows);
  const single = new Set(rows.map((r) => r.doc_id)).size <= 1;
  const description = `Stacked bar chart of the ${words.asked}${single ? ' the Special Rapporteur asked for information' : ''}, by region (${doc}, ${paras}): `
    + `${responded} responded and ${rows.length - responded} had not yet responded.`
    + (worst && worst.not > 0 ? ` Most without a response: ${worst.reg} (${worst.not} of ${worst.all}).` : '');
  const max = Math.max(1, ...regions.map((reg) => groups.find((g) => g.region === reg)!.n_region));
  const notResponded = rows.length - responded;
  const title = rows.length === 0
    ? 'Responses to the request for information, by region'
    : `${notResponded} of the ${words.asked} ${words.unanswered} when ${words.written} written`;
  const regionLabels = wrapLabelExpr(regions, Infinity);
  return {
    ...specBase(NAME, doc),
    title: titleBlock(title, doc,
      `${single ? 'Organisations asked for information for the report' : 'Requests for information in the documents'} (${paras}).`),
    description,
    data: { values: groups.map((g) => slim(g, options)) },
    width: SIZES.barWidth,
    height: { step: 26 },
    encoding: {
      y: { field: 'region', type: 'nominal', sort: regions, title: null, axis: { ticks: false, domain: false, ...(regionLabels ? { labelExpr: regionLabels } : {}) } },
      x: {
        field: 'n', type: 'quantitative', stack: 'zero', title: single ? 'Organisations asked' : 'Requests',
        scale: { domain: [0, max], nice: false },
        axis: { format: 'd', tickMinStep: 1, grid: true, gridColor: '#E5E5E5' },
      },
      order: { field: 'status_order', type: 'quantitative' },
      tooltip: [
        { field: 'region_label', title: 'Region' },
        { field: 'status', title: 'Status' },
        { field: 'count_text', title: 'Organisations' },
        { field: 'organisations_text', title: 'Which' },
        { field: 'paragraphs_text', title: 'Paragraphs' },
      ],
    },
    layer: [
      {
        mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'status', type: 'nominal', title: null,
            scale: { domain: [RESPONDED, NOT_RESPONDED], range: [COLORS.yes, COLORS.no] },
            legend: { orient: 'top', direction: 'horizontal' },
          },
        },
      },
      {
        mark: { type: 'text', align: 'right', baseline: 'middle', dx: -5 },
        encoding: {
          detail: { field: 'status', type: 'nominal' },
          text: { field: 'n', type: 'quantitative', format: 'd' },
          color: { condition: { test: 'datum.responded', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
