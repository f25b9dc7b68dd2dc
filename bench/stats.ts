/**
 * The few statistics the benchmark reports: medians of repeated runs, a figure
 * as a multiple of the floor measured in the same run, and the log-log slope
 * of wall time against corpus size.
 */

/**
 * The median (the mean of the two middle values for an even count).
 *
 * @example median([3, 1, 2]) // 2
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A time as a multiple of the floor (tsx running an empty file, measured in the
 * same benchmark run), so that a slow or busy machine moves both alike.
 *
 * @example ratio(2_000, 250) // 8
 */
export function ratio(ms: number, floorMs: number): number {
  if (!(floorMs > 0)) throw new Error(`the floor must be a positive time, not ${floorMs} ms`);
  return ms / floorMs;
}

/**
 * Least-squares slope of log(y) against log(x): 1 when time grows in proportion
 * to the corpus, below 1 when fixed costs still weigh, above 1 when it grows
 * faster. Points with a non-positive x or y are left out; null with fewer than
 * two usable points or a single x.
 *
 * @example logLogSlope([100, 1000], [1_000, 10_000]) // 1
 */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error(`${xs.length} sizes but ${ys.length} times`);
  const pts = xs.flatMap((x, i) => (x > 0 && ys[i]! > 0 ? [[Math.log(x), Math.log(ys[i]!)] as const] : []));
  if (pts.length < 2) return null;
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const sxx = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  const sxy = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  return sxx === 0 ? null : sxy / sxx;
}
