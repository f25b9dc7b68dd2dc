import { describe, expect, it } from 'vitest';
import { logLogSlope, median, ratio } from '../../bench/stats.ts';

describe('benchmark statistics', () => {
  it('takes the median of odd and even counts, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(/no values/);
  });

  it('gives a figure as a multiple of the floor, and refuses a floor that is not a positive time', () => {
    expect(ratio(2_000, 250)).toBe(8);
    expect(ratio(400, 250)).toBeCloseTo(1.6, 10);
    expect(() => ratio(100, 0)).toThrow(/positive/);
    expect(() => ratio(100, Number.NaN)).toThrow(/positive/);
  });

  it('finds the log-log slope: 1 for proportional time, 0 for constant, 2 for quadratic', () => {
    expect(logLogSlope([100, 1000], [1_000, 10_000])).toBeCloseTo(1, 10);
    expect(logLogSlope([100, 1000], [5_000, 5_000])).toBeCloseTo(0, 10);
    expect(logLogSlope([10, 100, 1000], [1, 100, 10_000])).toBeCloseTo(2, 10);
    // a 1,000-document build 7.7 times as long as a 100-document one: slope log10(7.7)
    expect(logLogSlope([100, 1000], [2_000, 15_400])).toBeCloseTo(Math.log10(7.7), 10);
  });

  it('has no slope from one usable point, and leaves out non-positive times', () => {
    expect(logLogSlope([100], [1_000])).toBeNull();
    expect(logLogSlope([100, 100], [1_000, 2_000])).toBeNull();
    expect(logLogSlope([10, 100, 1000], [0, 1_000, 10_000])).toBeCloseTo(1, 10);
    expect(() => logLogSlope([1, 2], [1])).toThrow(/2 sizes but 1 times/);
  });
});
