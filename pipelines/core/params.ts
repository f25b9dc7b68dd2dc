/**
 * Thresholds and other tunables, in one typed object. SQL reads them with
 * getvariable('<name>'); notebooks and the CLI may override them.
 */
export const PARAMS = {
  /** A theme addressed by at most this many mechanisms is "addressed by few mechanisms". */
  few_mechanisms_max: 2,
  /** A region whose mechanisms have evidence for at most this share of all themes has "thin coverage". */
  thin_region_max_share: 0.5,
  /** Year the country lens compares indicators for. */
  indicator_year: 2010,
  /** Window of years for the indicator distributions. */
  indicator_year_from: 2008,
  indicator_year_to: 2012,
} as const;

export type Params = { -readonly [K in keyof typeof PARAMS]: (typeof PARAMS)[K] extends number ? number : string };
