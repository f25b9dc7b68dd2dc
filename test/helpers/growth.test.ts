/** The growth measure the "bounded time" tests rely on tells linear work from quadratic work. */
import { describe, expect, it } from 'vitest';
import { growth, LINEAR_GROWTH_MAX } from './growth.ts';

/** Work proportional to n (a sum over n numbers), and to n² (a pair loop). */
const linear = (n: number) => { let s = 0; for (let i = 0; i < n * 2_000; i++) s += i % 7; return s; };
const quadratic = (n: number) => { let s = 0; for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += (i ^ j) & 1; return s; };

describe('growth', () => {
  it('stays under the linear bound for linear work and far over it for quadratic work', () => {
    expect(growth((n) => { linear(n); }, 16_000)).toBeLessThan(LINEAR_GROWTH_MAX);
    expect(growth((n) => { quadratic(n); }, 16_000, { runs: 2, floorMs: 1 })).toBeGreaterThan(LINEAR_GROWTH_MAX);
  });
});
