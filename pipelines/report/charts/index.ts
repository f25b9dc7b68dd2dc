/** The chart spec builders (each pure: rows, options → Vega-Lite spec). */
export { regionThemeHeatmap } from './region-theme-heatmap.ts';
export { mechanismThemeMatrix } from './mechanism-theme-matrix.ts';
export { themesRanked, rankThemes } from './themes-ranked.ts';
export { genderInclusion } from './gender-inclusion.ts';
export { redressElements } from './redress-elements.ts';
export { requestResponses, groupRequests } from './request-responses.ts';
export { recommendationsCoverage } from './recommendations-coverage.ts';
export { memberMap, memberMapRows, type MemberMapRow, type CountriesTopology } from './member-map.ts';
export { protectionMap, protectionMapRows, type ProtectionMapRow } from './protection-map.ts';
export { scoresByMechanism, scoresByMechanismRows, summarizeScores, type MemberScoreRow } from './scores-by-mechanism.ts';
export {
  countryProfile, countryProfileRows, defaultProfileCountry, DEFAULT_PROFILE_ISO3, type CountryProfileRow,
} from './country-profile.ts';
export { INDICATOR_SOURCES } from './indicators.ts';
export { formatParas, formatCitation, formatMechanisms, type VegaLiteSpec, type BaseOptions } from './common.ts';

/** Chart names, in the order the stage renders them and the briefing lists them. */
export const CHART_NAMES = [
  'region-theme-heatmap',
  'mechanism-theme-matrix',
  'themes-ranked',
  'gender-inclusion',
  'redress-elements',
  'request-responses',
  'recommendations-coverage',
  'member-map',
  'protection-map',
  'scores-by-mechanism',
  'country-profile',
] as const;

export type ChartName = (typeof CHART_NAMES)[number];
