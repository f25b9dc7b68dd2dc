/**
 * protection-map: a world map (Equal Earth) of the member states of the
 * mechanisms, each shaded by its 3P protection score for the indicator year
 * (country_coverage.protection_2010); the members of a mechanism that the
 * report shows addressing redress (country_coverage.any_redress) are outlined
 * in black. Members without a score are grey and counted in the subtitle;
 * countries that are members of no listed mechanism are drawn lighter.
 * The world-atlas TopoJSON is passed in and inlined (never fetched).
 *
 * Descriptive: the score and the redress outline are shown side by side.
 */
import type { country_coverage } from '../../catalog/country.ts';
import type { countries, mechanisms } from '../../catalog/registry.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, compareText, chartRow, docOf, formatMechanisms, citedText, plural, specBase,
  titleBlock, uniqueSorted, wrapLabel,
} from './common.ts';
import { INDICATOR_YEAR, indicatorSourceLines, scoresText, tierText } from './indicators.ts';
import { type CountriesTopology, m49Id } from './member-map.ts';
import { COLORS, SCHEMES, SIZES } from './theme.ts';

export const NAME = 'protection-map';

export interface ProtectionMapRow {
  /** UN M49 numeric code (= ISO 3166-1 numeric). */
  m49: number;
  iso3: string;
  name: string;
  /** 3P protection score (1–5) for the indicator year; null when the datasets have none. */
  protection: number | null;
  tier: string | null;
  p: number | null;
  prosecution: number | null;
  prevention: number | null;
  /** At least one of the country's mechanisms addresses redress. */
  any_redress: boolean;
  /** Labels of the mechanisms the country is a member of. */
  mechanisms: string[];
  /** Labels of those that address redress. */
  redress_mechanisms: string[];
  /** Paragraphs behind the redress evidence. */
  redress_paragraphs: number[];
  /** Their citation naming each paragraph's document (country_coverage.redress_cited), shown in a corpus of several documents. */
  redress_cited?: string | null;
}

export interface ProtectionMapOptions extends BaseOptions {
  /** world-atlas countries-110m.json (read by the caller). */
  topology: CountriesTopology;
  /** Year of the scores (default 2010). */
  year?: number;
}

/** Build the map rows from country_coverage and countries (pure); members missing from countries are left out. */
export function protectionMapRows(input: {
  country_coverage: readonly RowOf<typeof country_coverage>[];
  countries: readonly RowOf<typeof countries>[];
  mechanisms?: readonly RowOf<typeof mechanisms>[];
}, mechanismLabels: Readonly<Record<string, string>> = {}): ProtectionMapRow[] {
  const labels: Record<string, string> = { ...mechanismLabels };
  for (const m of input.mechanisms ?? []) labels[m.mechanism_id] = m.acronym;
  const label = (ids: readonly string[]) => [...new Set(ids.map((id) => labels[id] ?? id))].sort(compareText);
  const m49 = new Map(input.countries.map((c) => [c.iso3, c.m49]));
  const out: ProtectionMapRow[] = [];
  for (const c of input.country_coverage) {
    const code = m49.get(c.iso3);
    if (code === undefined) continue;
    out.push({
      m49: code, iso3: c.iso3, name: c.country_name,
      protection: c.protection_2010, tier: c.tip_tier_2010, p: c.p_2010,
      prosecution: c.prosecution_2010, prevention: c.prevention_2010,
      any_redress: c.any_redress,
      mechanisms: label(c.mechanisms),
      redress_mechanisms: label(c.redress_mechanisms),
      redress_paragraphs: uniqueSorted(c.redress_paragraphs),
      redress_cited: c.redress_cited,
    });
  }
  return out.sort((a, b) => compareText(a.iso3, b.iso3));
}

const ANTARCTICA = '010';
export const NO_SCORE = 'Member state, no score';
export const NOT_MEMBER = 'Not a member of a listed mechanism';
export const REDRESS = 'Member of a mechanism addressing redress';
const SCORES = [1, 2, 3, 4, 5] as const;

export function protectionMap(rows: readonly ProtectionMapRow[], options: ProtectionMapOptions): VegaLiteSpec {
  const doc = docOf(options);
  const year = options.year ?? INDICATOR_YEAR;
  const ids = new Set(options.topology.objects.countries.geometries.map((g) => g.id).filter((x): x is string => !!x));
  const values = rows.map((r) => ({
    ...chartRow(r, options),
    m49_id: m49Id(r.m49),
    status: r.protection === null ? NO_SCORE : 'scored',
    protection_text: r.protection === null ? `no ${year} score` : `${r.protection} of 5`,
    tier_text: tierText(r.tier),
    scores_text: scoresText({ tip_tier_2010: r.tier, p_2010: r.p, prosecution_2010: r.prosecution, prevention_2010: r.prevention, protection_2010: r.protection }),
    mechanisms_text: formatMechanisms(r.mechanisms),
    redress_text: r.any_redress ? formatMechanisms(r.redress_mechanisms) : 'none of its mechanisms',
    redress_paragraphs_text: citedText(r.redress_paragraphs, r.redress_cited, options),
  })).sort((a, b) => compareText(a.m49_id, b.m49_id));
  const noScore = values.filter((v) => v.protection === null);
  const withRedress = values.filter((v) => v.any_redress);
  const notDrawn = values.filter((v) => !ids.has(v.m49_id)).map((v) => v.name).sort(compareText);
  const perScore = SCORES.map((s) => `${s}: ${values.filter((v) => v.protection === s).length}`);
  const scored = values.length - noScore.length;
  const redressScored = withRedress.filter((v) => v.protection !== null).length;

  const description = `World map (Equal Earth projection) of the ${plural(values.length, 'member state')} of the regional mechanisms in ${doc}, `
    + `each shaded by its ${year} 3P protection score (1 to 5, darker = higher). `
    + `${scored} have a score (countries per score ${perScore.join(', ')}); ${noScore.length} have none and are grey`
    + (noScore.length ? ` (${noScore.map((v) => v.name).sort(compareText).join(', ')})` : '') + '. '
    + `A black outline marks the ${plural(withRedress.length, 'member state')} of a mechanism the report shows addressing redress (${redressScored} of them with a score). `
    + `Countries that are members of no listed mechanism are drawn in a lighter grey. `
    + `Sources: ${doc} for the mechanisms and redress; ${indicatorSourceLines(year).join(' ')}`
    + (notDrawn.length ? ` Too small to draw at this scale: ${notDrawn.join(', ')}.` : '');
  const subtitleMore = [
    ...indicatorSourceLines(year),
    `Grey: ${noScore.length} of ${plural(values.length, 'member state')} with no ${year} protection score. `
      + `Black outline: ${withRedress.length} members of a mechanism the report shows addressing redress.`,
    ...(notDrawn.length ? wrapLabel(`Too small to draw at this scale (${notDrawn.length}): ${notDrawn.join(', ')}.`, 150) : []),
  ];
  const fields = ['name', 'iso3', 'protection', 'status', 'protection_text', 'tier_text', 'scores_text', 'any_redress',
    'mechanisms_text', 'redress_text', 'redress_paragraphs_text'];
  const tooltip = [
    { field: 'name', title: 'Country' },
    { field: 'protection_text', title: `Protection score ${year}` },
    { field: 'scores_text', title: `3P index ${year}` },
    { field: 'tier_text', title: `TIP tier ${year}` },
    { field: 'mechanisms_text', title: 'Mechanisms' },
    { field: 'redress_text', title: 'Mechanisms addressing redress' },
    { field: 'redress_paragraphs_text', title: 'Paragraphs (redress)' },
  ];
  const lookup = { lookup: 'id', from: { data: { values }, key: 'm49_id', fields } };
  return {
    ...specBase(NAME, doc),
    title: titleBlock(`${year} 3P protection scores of member states; outlined: members of mechanisms addressing redress`, doc, ...subtitleMore),
    description,
    width: SIZES.mapWidth,
    height: SIZES.mapHeight,
    projection: { type: 'equalEarth' },
    data: { values: options.topology as unknown as Record<string, unknown>, format: { type: 'topojson', feature: 'countries' } },
    transform: [{ filter: `datum.id !== '${ANTARCTICA}'` }],
    layer: [
      {
        // Every country: members without a score grey, others lighter.
        transform: [
          lookup,
          { calculate: `isValid(datum.status) ? datum.status : '${NOT_MEMBER}'`, as: 'fill_status' },
          { calculate: `isValid(datum.name) ? datum.name : datum.properties.name`, as: 'country' },
        ],
        mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          color: {
            field: 'fill_status', type: 'nominal', title: null,
            scale: { domain: [NO_SCORE, NOT_MEMBER], range: [COLORS.noData, COLORS.empty] },
            legend: { orient: 'bottom', direction: 'horizontal', values: [NO_SCORE, NOT_MEMBER] },
          },
          tooltip: [
            { field: 'country', title: 'Country' },
            { field: 'fill_status', title: 'Data' },
            ...tooltip.slice(1),
          ],
        },
      },
      {
        transform: [lookup, { filter: 'isValid(datum.protection)' }],
        mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          fill: {
            field: 'protection', type: 'ordinal', title: `Protection score ${year} (1–5)`,
            scale: { domain: [...SCORES], scheme: SCHEMES.map },
            legend: { orient: 'bottom-left', direction: 'horizontal', symbolStrokeWidth: 0 },
          },
          tooltip,
        },
      },
      {
        transform: [lookup, { filter: 'datum.any_redress === true' }, { calculate: `'${REDRESS}'`, as: 'redress_status' }],
        mark: { type: 'geoshape', filled: false, strokeWidth: 1.1 },
        encoding: {
          stroke: {
            field: 'redress_status', type: 'nominal', title: null,
            scale: { domain: [REDRESS], range: [COLORS.text] },
            legend: { orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 1.5 },
          },
          tooltip,
        },
      },
    ],
    resolve: { scale: { color: 'independent', fill: 'independent' }, legend: { color: 'independent', fill: 'independent' } },
  };
}
