/**
 * Pieces shared by the country-lens charts (protection-map, scores-by-mechanism,
 * country-profile): the citation of the two indicator datasets, score labels,
 * and the text of a country's indicator values. (Quartiles are mechanism_indicators'
 * own, computed once in SQL.)
 *
 * Descriptive only: the charts set the report's evidence beside the indicators
 * and never say that one explains the other.
 */

/** The indicator sources, as every country-lens chart cites them (data/raw/indicators/SOURCES.md). */
export const INDICATOR_SOURCES = 'US Department of State, Trafficking in Persons Report (tiers); '
  + 'Cho, Dreher and Neumayer, 3P Anti-trafficking Policy Index (scores)';

/** The same, as two subtitle lines (split after "(tiers);") so it fits a chart's width. */
export function indicatorSourceLines(year: number): string[] {
  const [tiers, scores] = INDICATOR_SOURCES.split('; ');
  return [`Indicators for ${year}: ${tiers};`, `${scores}.`];
}

/** The year of the _2010 columns of country_coverage (params.indicator_year). */
export const INDICATOR_YEAR = 2010;

export type ScoreName = 'p' | 'prosecution' | 'prevention' | 'protection';

export const SCORE_INFO: Record<ScoreName, { label: string; short: string; min: number; max: number }> = {
  p: { label: '3P index (sum of the prosecution, prevention and protection scores)', short: '3P index', min: 3, max: 15 },
  prosecution: { label: '3P prosecution score', short: 'Prosecution', min: 1, max: 5 },
  prevention: { label: '3P prevention score', short: 'Prevention', min: 1, max: 5 },
  protection: { label: '3P protection score', short: 'Protection', min: 1, max: 5 },
};

/** A country's indicator values, as the _2010 columns of country_coverage. */
export interface CountryIndicators {
  tip_tier_2010: string | null;
  p_2010: number | null;
  prosecution_2010: number | null;
  prevention_2010: number | null;
  protection_2010: number | null;
}

/** "Tier 2 Watch List" or "none". */
export function tierText(tier: string | null | undefined): string {
  return tier ?? 'none';
}

/** "11 (prosecution 4, prevention 4, protection 3)", "no score" for one missing, "none" for all. */
export function scoresText(c: CountryIndicators): string {
  const v = (x: number | null | undefined) => (x === null || x === undefined ? 'no score' : String(x));
  if ([c.p_2010, c.prosecution_2010, c.prevention_2010, c.protection_2010].every((x) => x === null || x === undefined)) return 'none';
  return `${v(c.p_2010)} (prosecution ${v(c.prosecution_2010)}, prevention ${v(c.prevention_2010)}, protection ${v(c.protection_2010)})`;
}

/** "3", "3.5" (at most two decimals, no trailing zeros), or "–" for null. */
export function formatNumber(x: number | null): string {
  if (x === null) return '–';
  return String(Math.round(x * 100) / 100);
}
