/**
 * country-profile: one country's mechanisms (columns) against the report's
 * themes (rows): a filled cell when the report describes that mechanism's work
 * on the theme, with the paragraphs in the tooltip; the country's TIP tier and
 * 3P scores for the indicator year in the subtitle, with their sources.
 *
 * The build draws the default country (THA, else the member of most
 * mechanisms); a notebook can draw any other with `{ iso3 }`:
 *   countryProfile(countryProfileRows(tables), { iso3: 'KHM' })
 * Descriptive only: the indicators are shown beside the report's evidence.
 */
import type { coverage_mechanism_theme } from '../../catalog/coverage.ts';
import type { country_coverage, country_mechanisms } from '../../catalog/country.ts';
import type { RowOf } from '../../catalog/types.ts';
import {
  type BaseOptions, type VegaLiteSpec, compareText, chartRow, docOf, citedText, formatRegistryParas, plural, specBase, titleBlock,
  uniqueSorted, wrapLabel,
} from './common.ts';
import { INDICATOR_YEAR, indicatorSourceLines, scoresText, tierText } from './indicators.ts';
import { COVERED, NOT_COVERED } from './mechanism-theme-matrix.ts';
import { themeLabelOrder } from './region-theme-heatmap.ts';
import { COLORS, SIZES } from './theme.ts';

export const NAME = 'country-profile';

const LINE = 14;

/** The country the build draws when it is a member of a mechanism (a member of four, named in para. 24). */
export const DEFAULT_PROFILE_ISO3 = 'THA';

/** One theme × one mechanism of one country, with the country's indicators. */
export interface CountryProfileRow {
  iso3: string;
  country_name: string;
  mechanism_id: string;
  acronym: string;
  mechanism_region: string;
  theme_id: string;
  theme_label: string;
  pillar: string;
  covered: boolean;
  /** Paragraphs with the evidence for the cell. */
  paragraphs: number[];
  /** How many (document × paragraph; with one document, paragraphs.length). */
  n_paragraphs?: number;
  /** Their citation naming each paragraph's document (coverage_mechanism_theme.cited), shown in a corpus of several documents. */
  cited?: string | null;
  /** Paragraphs naming the country as a member of the mechanism (country_mechanisms.paragraphs). */
  member_paragraphs: number[];
  tip_tier_2010: string | null;
  p_2010: number | null;
  prosecution_2010: number | null;
  prevention_2010: number | null;
  protection_2010: number | null;
}

export interface CountryProfileOptions extends BaseOptions {
  /** ISO 3166-1 alpha-3 code of the country (default THA, else the member of most mechanisms). */
  iso3?: string;
  /** Theme ids in the report's order (else themes are ordered by coverage). */
  themeOrder?: readonly string[];
  /** Year of the indicators (default 2010). */
  year?: number;
}

/** Rows for every country (or only `iso3`): its mechanisms × every theme of coverage_mechanism_theme (pure). */
export function countryProfileRows(input: {
  country_mechanisms: readonly RowOf<typeof country_mechanisms>[];
  coverage_mechanism_theme: readonly RowOf<typeof coverage_mechanism_theme>[];
  country_coverage: readonly RowOf<typeof country_coverage>[];
}, iso3?: string): CountryProfileRow[] {
  const cov = new Map(input.country_coverage.map((c) => [c.iso3, c]));
  const cells = new Map<string, RowOf<typeof coverage_mechanism_theme>[]>();
  for (const r of input.coverage_mechanism_theme) cells.set(r.mechanism_id, [...(cells.get(r.mechanism_id) ?? []), r]);
  // A cell's paragraphs sorted once, not once for each member country (a list runs to thousands at 1,000 documents).
  const paragraphsOf = new Map(input.coverage_mechanism_theme.map((t) => [t, uniqueSorted(t.paragraphs)]));
  const out: CountryProfileRow[] = [];
  for (const m of input.country_mechanisms) {
    if (iso3 !== undefined && m.iso3 !== iso3) continue;
    const c = cov.get(m.iso3);
    for (const t of cells.get(m.mechanism_id) ?? []) {
      out.push({
        iso3: m.iso3, country_name: m.country_name, mechanism_id: m.mechanism_id, acronym: m.acronym,
        mechanism_region: m.mechanism_region, theme_id: t.theme_id, theme_label: t.theme_label, pillar: t.pillar,
        covered: t.covered, paragraphs: [...paragraphsOf.get(t)!], n_paragraphs: t.n_paragraphs, cited: t.cited,
        member_paragraphs: uniqueSorted(m.paragraphs ?? []),
        tip_tier_2010: c?.tip_tier_2010 ?? null, p_2010: c?.p_2010 ?? null, prosecution_2010: c?.prosecution_2010 ?? null,
        prevention_2010: c?.prevention_2010 ?? null, protection_2010: c?.protection_2010 ?? null,
      });
    }
  }
  return out.sort((a, b) => compareText(a.iso3, b.iso3) || compareText(a.mechanism_id, b.mechanism_id) || compareText(a.theme_id, b.theme_id));
}

/** The country drawn when none is asked for: THA if present, else the member of most mechanisms (ties: first code). */
export function defaultProfileCountry(rows: readonly Pick<CountryProfileRow, 'iso3' | 'mechanism_id'>[]): string | undefined {
  const n = new Map<string, Set<string>>();
  for (const r of rows) n.set(r.iso3, (n.get(r.iso3) ?? new Set()).add(r.mechanism_id));
  if (n.has(DEFAULT_PROFILE_ISO3)) return DEFAULT_PROFILE_ISO3;
  return [...n].sort((a, b) => b[1].size - a[1].size || compareText(a[0], b[0]))[0]?.[0];
}

export function countryProfile(rows: readonly CountryProfileRow[], options: CountryProfileOptions = {}): VegaLiteSpec {
  const doc = docOf(options);
  const year = options.year ?? INDICATOR_YEAR;
  const iso3 = options.iso3 ?? defaultProfileCountry(rows);
  const mine = rows.filter((r) => r.iso3 === iso3);
  if (!iso3 || mine.length === 0) {
    const have = [...new Set(rows.map((r) => r.iso3))].sort(compareText);
    throw new Error(`country-profile: no rows for ${iso3 ?? '(no country)'}: it is not a member of any mechanism in the rows`
      + (have.length ? ` (countries: ${have.slice(0, 12).join(', ')}${have.length > 12 ? ', …' : ''})` : ''));
  }
  const c = mine[0]!;
  const perMech = new Map<string, { acronym: string; n: number; member: number[] }>();
  for (const r of mine) {
    const m = perMech.get(r.mechanism_id) ?? { acronym: r.acronym, n: 0, member: r.member_paragraphs };
    if (r.covered) m.n++;
    perMech.set(r.mechanism_id, m);
  }
  const mechs = [...perMech.values()].sort((a, b) => b.n - a.n || compareText(a.acronym, b.acronym));
  const themes = themeLabelOrder(mine.map((r) => ({ ...r, n_mechanisms: r.covered ? 1 : 0 })), options.themeOrder);
  const coveredThemes = new Set(mine.filter((r) => r.covered).map((r) => r.theme_id));
  const allThemes = new Set(mine.map((r) => r.theme_id));
  const values = mine.map((r) => ({
    ...chartRow(r, options),
    covered_text: r.covered ? COVERED : NOT_COVERED,
    cell_text: r.covered ? String(r.n_paragraphs ?? r.paragraphs.length) : '',
    paragraphs_text: citedText(r.paragraphs, r.cited, options),
    member_paragraphs_text: r.member_paragraphs.length ? formatRegistryParas(r.member_paragraphs, options) : 'not named in the report',
    themes_of_mechanism: `${perMech.get(r.mechanism_id)!.n} of ${allThemes.size}`,
  }));
  const tier = tierText(c.tip_tier_2010);
  const scores = scoresText(c);
  const named = mechs.filter((m) => m.member.length).map((m) => `${m.acronym} (${formatRegistryParas(m.member, options)})`);
  const axisLabels: Record<string, string[]> = {};
  for (const m of mechs) axisLabels[m.acronym] = [...wrapLabel(m.acronym, 14), plural(m.n, 'theme')];
  // Vega sets the first line of a multi-line label at the anchor: pad the top axis by the lines below it.
  const maxLines = Math.max(1, ...Object.values(axisLabels).map((l) => l.length));

  const description = `Matrix of the ${plural(mechs.length, 'mechanism')} ${c.country_name} (${c.iso3}) was a member of in ${year} (columns) against ${plural(themes.length, 'theme')} of ${doc} (rows): `
    + `a filled cell means the report describes the mechanism's work on the theme, the number being the paragraphs of evidence. `
    + `Together they cover ${coveredThemes.size} of ${allThemes.size} themes; `
    + `${mechs.map((m) => `${m.acronym} ${m.n}`).join(', ')}. `
    + (named.length ? `The report names ${c.country_name} as a member in: ${named.join('; ')}. ` : '')
    + `${year} indicators shown beside the report, not derived from it: TIP tier ${tier}; 3P index ${scores}. Sources: ${indicatorSourceLines(year).join(' ')}`;
  return {
    ...specBase(NAME, doc),
    usermeta: { chart: NAME, source: doc, iso3: c.iso3 },
    title: titleBlock(`${c.country_name}: themes addressed by its ${plural(mechs.length, 'mechanism')}`, doc,
      `${c.country_name} (${c.iso3}), ${year}: TIP tier: ${tier}. 3P index: ${scores}.`,
      ...indicatorSourceLines(year),
      'Number in a cell: paragraphs of the report with evidence. Empty cell: no evidence found.',
      ...(named.length ? wrapLabel(`Report paragraphs naming ${c.country_name} as a member: ${named.join('; ')}.`, 110) : [])),
    description,
    data: { values },
    width: { step: Math.max(SIZES.cell * 3, 96) },
    height: { step: SIZES.cell },
    encoding: {
      x: {
        field: 'acronym', type: 'nominal', sort: mechs.map((m) => m.acronym), title: null,
        scale: { paddingInner: 0.06 },
        axis: {
          orient: 'top', labelAngle: 0, domain: false, ticks: false, labelFontWeight: 'bold', labelBaseline: 'bottom', labelLineHeight: LINE, labelPadding: 4 + (maxLines - 1) * LINE,
          labelExpr: `(${JSON.stringify(axisLabels)})[datum.label] || datum.label`,
        },
      },
      y: {
        field: 'theme_label', type: 'nominal', sort: themes, title: null,
        scale: { paddingInner: 0.08 },
        axis: { domain: false, ticks: false },
      },
      tooltip: [
        { field: 'country_name', title: 'Country' },
        { field: 'acronym', title: 'Mechanism' },
        { field: 'theme_label', title: 'Theme' },
        { field: 'pillar', title: 'Pillar' },
        { field: 'covered_text', title: 'Coverage' },
        { field: 'paragraphs_text', title: 'Paragraphs' },
        { field: 'themes_of_mechanism', title: 'Themes of the mechanism' },
        { field: 'member_paragraphs_text', title: 'Paragraphs naming the member' },
      ],
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: 'covered_text', type: 'nominal', title: null,
            scale: { domain: [COVERED, NOT_COVERED], range: [COLORS.yes, COLORS.empty] },
            legend: { orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
      {
        mark: { type: 'text', baseline: 'middle', color: 'white', fontSize: 10 },
        encoding: { text: { field: 'cell_text', type: 'nominal' } },
      },
    ],
  };
}
