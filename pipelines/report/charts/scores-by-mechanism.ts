/**
 * scores-by-mechanism: the member states' 3P scores for the indicator year, one
 * row per mechanism (grouped by region): a dot per score value, sized by the
 * number of members with that score, over a bar from the first to the third
 * quartile with the median marked, and the n behind it (members with a score /
 * members) at the right. Rows: country_mechanisms joined with the scores of
 * country_coverage (scoresByMechanismRows). The quartiles are mechanism_indicators' (DuckDB's
 * quantile_cont, the one computation of them): its rows for the indicator year. Descriptive only.
 */
import type { country_coverage, country_mechanisms, mechanism_indicators } from '../../catalog/country.ts';
import type { mechanisms } from '../../catalog/registry.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, capitalize, compareRegions, compareText, docOf, formatRegistryParas, plural, regionsOf, specBase,
  titleBlock, uniqueSorted,
} from './common.ts';
import {
  INDICATOR_YEAR, SCORE_INFO, type ScoreName, formatNumber, indicatorSourceLines,
} from './indicators.ts';
import { regionHeader } from './mechanism-rows.ts';
import { COLORS, OKABE_ITO, SIZES } from './theme.ts';
import { AtlasError } from '../../core/errors.ts';

export const NAME = 'scores-by-mechanism';

/** One member state of one mechanism, with its scores for the indicator year. */
export interface MemberScoreRow {
  mechanism_id: string;
  acronym: string;
  /** Region the report files the mechanism under. */
  region: string;
  iso3: string;
  country_name: string;
  p: number | null;
  prosecution: number | null;
  prevention: number | null;
  protection: number | null;
  tier: string | null;
  /** Paragraphs of the report describing the mechanism (mechanisms.paragraphs), if given. */
  mechanism_paragraphs: number[];
  /** Paragraphs naming this member of the mechanism (country_mechanisms.paragraphs). */
  member_paragraphs: number[];
}

/** The columns of mechanism_indicators the chart reads (a caller may give just those). */
export type QuartileRow = Pick<RowOf<typeof mechanism_indicators>, 'level' | 'subject' | 'period' | 'year_from' | 'year_to'>
  & Partial<Pick<RowOf<typeof mechanism_indicators>, `${ScoreName}_${'q1' | 'median' | 'q3'}`>>;

/**
 * Each mechanism's quartiles of a score, from mechanism_indicators' rows for the indicator year.
 * Those rows are for the build's indicator_year; the chart's dots are the scores of `year`, so a
 * table for another year is refused rather than drawn beside them.
 */
export function quartilesOf(indicators: readonly QuartileRow[], score: ScoreName, year: number): Map<string, { q1: number | null; median: number | null; q3: number | null }> {
  const rows = indicators.filter((r) => r.level === 'mechanism' && r.period === 'year');
  const other = rows.find((r) => r.year_from !== year || r.year_to !== year);
  if (other) {
    throw new AtlasError(`mechanism_indicators holds the year ${other.year_from}, the chart shows ${year}`,
      { record: `mechanism_indicators ${other.subject}`, hint: 'the scores-by-mechanism chart draws the 2010 scores: build with indicator_year 2010' });
  }
  return new Map(rows.map((r) => [r.subject, { q1: r[`${score}_q1`] ?? null, median: r[`${score}_median`] ?? null, q3: r[`${score}_q3`] ?? null }]));
}

export interface ScoresByMechanismOptions extends BaseOptions {
  /** mechanism_indicators (its quartiles are drawn). */
  indicators: readonly QuartileRow[];
  /** Which score (default p, the 3P index). */
  score?: ScoreName;
  /** Year of the scores (default 2010). */
  year?: number;
  /** Labels of mechanisms with no member list, named in the subtitle as not shown. */
  withoutMembers?: readonly string[];
}

/** One row per country × mechanism from country_mechanisms, with the country's scores (pure). */
export function scoresByMechanismRows(input: {
  country_mechanisms: readonly RowOf<typeof country_mechanisms>[];
  country_coverage: readonly RowOf<typeof country_coverage>[];
  mechanisms?: readonly RowOf<typeof mechanisms>[];
}): MemberScoreRow[] {
  const cov = new Map(input.country_coverage.map((c) => [c.iso3, c]));
  const mech = new Map((input.mechanisms ?? []).map((m) => [m.mechanism_id, m]));
  return input.country_mechanisms.map((r) => {
    const c = cov.get(r.iso3);
    return {
      mechanism_id: r.mechanism_id, acronym: r.acronym, region: r.mechanism_region,
      iso3: r.iso3, country_name: r.country_name,
      p: c?.p_2010 ?? null, prosecution: c?.prosecution_2010 ?? null, prevention: c?.prevention_2010 ?? null,
      protection: c?.protection_2010 ?? null, tier: c?.tip_tier_2010 ?? null,
      mechanism_paragraphs: uniqueSorted(mech.get(r.mechanism_id)?.paragraphs ?? []),
      member_paragraphs: uniqueSorted(r.paragraphs ?? []),
    };
  }).sort((a, b) => compareText(a.mechanism_id, b.mechanism_id) || compareText(a.iso3, b.iso3));
}

/** Per mechanism: members, members with the score, quartiles (as quantile_cont). */
export interface MechanismScoreSummary {
  mechanism_id: string;
  acronym: string;
  region: string;
  n_members: number;
  n_with_score: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  /** Members without the score, by name. */
  missing: string[];
  paragraphs: number[];
}

export function summarizeScores(rows: readonly MemberScoreRow[], indicators: readonly QuartileRow[], score: ScoreName = 'p', year = INDICATOR_YEAR): MechanismScoreSummary[] {
  const quartiles = quartilesOf(indicators, score, year);
  const by = new Map<string, MemberScoreRow[]>();
  for (const r of rows) by.set(r.mechanism_id, [...(by.get(r.mechanism_id) ?? []), r]);
  return [...by.values()].map((rs) => {
    const members = [...new Map(rs.map((r) => [r.iso3, r])).values()];
    const xs = members.map((r) => r[score]).filter((x): x is number => x !== null);
    return {
      mechanism_id: rs[0]!.mechanism_id, acronym: rs[0]!.acronym, region: rs[0]!.region,
      n_members: members.length, n_with_score: xs.length,
      ...(quartiles.get(rs[0]!.mechanism_id) ?? { q1: null, median: null, q3: null }),
      min: xs.length ? Math.min(...xs) : null, max: xs.length ? Math.max(...xs) : null,
      missing: members.filter((r) => r[score] === null).map((r) => r.country_name).sort(compareText),
      paragraphs: uniqueSorted(rs.flatMap((r) => [...r.mechanism_paragraphs, ...r.member_paragraphs])),
    };
  }).sort((a, b) => compareRegions(a.region, b.region) || compareText(a.acronym, b.acronym));
}

function namesText(names: readonly string[], max = 12): string {
  if (names.length === 0) return 'none';
  const sorted = [...names].sort(compareText);
  return sorted.length <= max ? sorted.join(', ') : `${sorted.slice(0, max).join(', ')} and ${sorted.length - max} more`;
}

export function scoresByMechanism(rows: readonly MemberScoreRow[], options: ScoresByMechanismOptions): VegaLiteSpec {
  const doc = docOf(options);
  const score = options.score ?? 'p';
  const info = SCORE_INFO[score];
  const year = options.year ?? INDICATOR_YEAR;
  const summaries = summarizeScores(rows, options.indicators, score, year);
  const regions = regionsOf(summaries);
  const order = summaries.map((s) => s.acronym);

  const dots: Record<string, unknown>[] = [];
  for (const s of summaries) {
    const members = [...new Map(rows.filter((r) => r.mechanism_id === s.mechanism_id).map((r) => [r.iso3, r])).values()];
    const values = uniqueSorted(members.map((r) => r[score]).filter((x): x is number => x !== null));
    for (const v of values) {
      const at = members.filter((r) => r[score] === v);
      dots.push({
        kind: 'dot', acronym: s.acronym, region: s.region, region_label: capitalize(s.region), score: v, n_countries: at.length,
        countries_text: namesText(at.map((r) => r.country_name), 40),
        n_text: `${s.n_with_score} of ${s.n_members}`,
        paragraphs_text: formatRegistryParas(uniqueSorted(at.flatMap((r) => [...r.mechanism_paragraphs, ...r.member_paragraphs])), options),
      });
    }
  }
  const summaryValues = summaries.map((s) => ({
    kind: 'summary', acronym: s.acronym, region: s.region, region_label: capitalize(s.region),
    median: s.median, q1: s.q1, q3: s.q3,
    n_members: s.n_members, n_with_score: s.n_with_score,
    n_label: `${s.n_with_score}/${s.n_members}`,
    n_text: `${s.n_with_score} of ${s.n_members}`,
    median_text: s.median === null ? 'no scores' : `${formatNumber(s.median)} (quartiles ${formatNumber(s.q1)}–${formatNumber(s.q3)})`,
    missing_text: namesText(s.missing),
    paragraphs_text: formatRegistryParas(s.paragraphs, options),
  }));
  const values = [...summaryValues, ...dots];
  const maxCount = Math.max(1, ...dots.map((d) => d.n_countries as number));

  const withData = summaries.filter((s) => s.n_with_score > 0);
  const highest = [...withData].sort((a, b) => (b.median! - a.median!) || compareText(a.acronym, b.acronym));
  const nMembers = new Set(rows.map((r) => r.iso3)).size;
  const nScored = new Set(rows.filter((r) => r[score] !== null).map((r) => r.iso3)).size;
  const fmt = (x: MechanismScoreSummary) => `${x.acronym} (${formatNumber(x.median)}, n = ${x.n_with_score})`;
  const nTop = Math.min(3, Math.ceil(highest.length / 2));
  const top = highest.slice(0, nTop);
  const bottom = highest.slice(nTop).slice(-3).reverse();
  const description = `Dot plot of the ${year} ${info.label}, ${info.min} to ${info.max}, of the member states of ${plural(summaries.length, 'mechanism')} in ${doc}, `
    + `one row per mechanism grouped by ${plural(regions.length, 'region')}; a dot's size is the number of members with that score, the bar spans the first to third quartile and the tick is the median. `
    + `${nScored} of ${plural(nMembers, 'member state')} have a score. `
    + (top.length ? `Highest median: ${top.map(fmt).join(', ')}${bottom.length ? `; lowest: ${bottom.map(fmt).join(', ')}` : ''}. ` : '')
    + `Descriptive only: a member's score is shown beside its membership. Sources: ${indicatorSourceLines(year).join(' ')}`;
  const tooltipCommon = [
    { field: 'acronym', title: 'Mechanism' },
    { field: 'region_label', title: 'Region' },
    { field: 'n_text', title: 'Members with a score' },
  ];
  const plotWidth = SIZES.barWidth;
  // The same scale and axis on every layer, so the merged axis keeps every integer tick.
  const x = {
    type: 'quantitative' as const, title: `${info.label}, ${year}`,
    scale: { domain: [info.min - 0.5, info.max + 0.5], nice: false, zero: false },
    axis: { orient: 'bottom' as const, format: 'd', values: range(info.min, info.max), labelOverlap: false, grid: true, gridColor: '#EEEEEE', titlePadding: 8 },
  };
  return {
    ...specBase(NAME, doc),
    title: titleBlock(`${year} ${info.short} scores of the member states, by mechanism`, doc,
      ...indicatorSourceLines(year),
      `Dot: members with that score (larger = more). Bar: first to third quartile; tick: median. n: members with a score / members.`,
      ...(options.withoutMembers?.length ? [`Not shown (no member list): ${[...options.withoutMembers].sort(compareText).join(', ')}.`] : [])),
    description,
    data: { values },
    facet: { row: { field: 'region', type: 'nominal', sort: regions, title: null, header: regionHeader(regions) } },
    spacing: 8,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: plotWidth,
      height: { step: SIZES.cell },
      encoding: {
        y: {
          field: 'acronym', type: 'nominal', sort: order, title: null,
          axis: { domain: false, ticks: false, grid: true, gridColor: '#F0F0F0' },
        },
      },
      layer: [
        {
          transform: [{ filter: "datum.kind === 'summary' && isValid(datum.median)" }],
          mark: { type: 'bar', color: OKABE_ITO.skyBlue, opacity: 0.35, height: 12, cornerRadius: 2 },
          encoding: {
            x: { field: 'q1', ...x },
            x2: { field: 'q3' },
            tooltip: [
              ...tooltipCommon,
              { field: 'median_text', title: 'Median' },
              { field: 'missing_text', title: 'Members without a score' },
              { field: 'paragraphs_text', title: 'Paragraphs' },
            ],
          },
        },
        {
          transform: [{ filter: "datum.kind === 'dot'" }],
          mark: { type: 'circle', color: COLORS.neutral, opacity: 0.75, stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            x: { field: 'score', ...x },
            size: {
              field: 'n_countries', type: 'quantitative', title: 'Member states',
              scale: { domain: [0, maxCount], rangeMin: 0, rangeMax: 260, zero: true },
              // The marks are circles, so the legend draws circles (the shared config says squares).
              legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'circle', symbolFillColor: COLORS.neutral, symbolStrokeWidth: 0, format: 'd', values: sizeLegendValues(maxCount) },
            },
            tooltip: [
              ...tooltipCommon,
              { field: 'score', title: info.short },
              { field: 'n_countries', title: 'Members with this score' },
              { field: 'countries_text', title: 'Countries' },
              { field: 'paragraphs_text', title: 'Paragraphs' },
            ],
          },
        },
        {
          transform: [{ filter: "datum.kind === 'summary' && isValid(datum.median)" }],
          mark: { type: 'tick', color: COLORS.text, thickness: 2, size: 16 },
          encoding: {
            x: { field: 'median', ...x },
            tooltip: [
              ...tooltipCommon,
              { field: 'median_text', title: 'Median' },
              { field: 'paragraphs_text', title: 'Paragraphs' },
            ],
          },
        },
        {
          transform: [{ filter: "datum.kind === 'summary'" }],
          mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, color: COLORS.muted },
          encoding: {
            x: { value: plotWidth },
            text: { field: 'n_label', type: 'nominal' },
            tooltip: [
              ...tooltipCommon,
              { field: 'missing_text', title: 'Members without a score' },
              { field: 'paragraphs_text', title: 'Paragraphs' },
            ],
          },
        },
      ],
    },
  };
}

/** 1 and a few round counts up to the largest (1, 5, 10, 15 for 17). */
export function sizeLegendValues(max: number): number[] {
  const step = max <= 5 ? 1 : max <= 12 ? 3 : max <= 30 ? 5 : 10;
  const out = [1];
  for (let v = step; v <= max; v += step) if (v > 1) out.push(v);
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
