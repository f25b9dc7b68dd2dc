/**
 * How the cost of some work grows with its size, measured so that a slow or busy machine does
 * not fail the test (issue 15: speed targets belong to the benchmark, not to timed tests).
 * The work runs once to warm up, then at size/8 and at size; each is timed in CPU time of this process (not wall
 * time, which other processes stretch), best of `runs`. Linear work gives a ratio near 8,
 * quadratic work 64: a test asserting the ratio stays under 24 catches a blow-up on any
 * machine speed.
 */
import { cpuUsage } from 'node:process';

/** CPU milliseconds (user + system) that fn takes. */
export function cpuMs(fn: () => void): number {
  const before = cpuUsage();
  fn();
  const used = cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * CPU time of work(size) over CPU time of work(size / 8), each the best of `runs`.
 * `floorMs` keeps a run too short to time (timer grain, a stray GC) from inflating the ratio.
 */
export function growth(work: (size: number) => void, size: number, opts: { runs?: number; floorMs?: number } = {}): number {
  const runs = opts.runs ?? 3;
  const best = (n: number) => Math.min(...Array.from({ length: runs }, () => cpuMs(() => work(n))));
  work(Math.floor(size / 8)); // warm-up: the first calls run before the JIT has compiled the work
  const small = best(Math.floor(size / 8));
  const large = best(size);
  return large / Math.max(small, opts.floorMs ?? 5);
}

/** The bound a linear (or n log n) cost stays under at 8× the size; a quadratic one gives 64. */
export const LINEAR_GROWTH_MAX = 24;
