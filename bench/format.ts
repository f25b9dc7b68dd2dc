/** Number formats and Markdown tables of the benchmark's report. */

/** Milliseconds as seconds: two decimals under 10 s, one above. */
export const fmtS = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
/** A whole number with thousands separators. */
export const fmtN = (n: number) => Math.round(n).toLocaleString('en-US');
/** A rate with as many decimals as its size deserves. */
export const fmtRate = (x: number) => (x >= 100 ? fmtN(x) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
/** kB as GB (10^6 kB), the unit of the memory target. */
export const fmtGB = (kb: number) => (kb / 1e6).toFixed(2);

/**
 * A Markdown table; the first column left-aligned, the others right-aligned unless `align` says.
 *
 * @example table(['a', 'b'], [['x', 1]]) // '| a | b |\n|:---|---:|\n| x | 1 |'
 */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], align?: readonly ('l' | 'r')[]): string {
  const al = align ?? head.map((_, i) => (i === 0 ? 'l' : 'r'));
  return [
    `| ${head.join(' | ')} |`,
    `|${al.map((a) => (a === 'l' ? ':---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
