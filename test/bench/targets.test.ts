import { describe, expect, it } from 'vitest';
import { TARGETS, verdicts } from '../../bench/targets.ts';

describe('the targets of issue 15', () => {
  it('passes at the limits and misses past them', () => {
    const v = verdicts({ 'seed-cold': 8, 'seed-no-change': 2.01, 'corpus-1000-wall': 10, 'corpus-1000-memory': 1.64, 'slope-100-1000': 0.9, 'claims-1000': 2 });
    expect(Object.fromEntries(v.map((x) => [x.id, x.verdict]))).toEqual({
      'seed-cold': 'PASS', 'seed-no-change': 'MISS', 'corpus-1000-wall': 'PASS', 'corpus-1000-memory': 'MISS', 'slope-100-1000': 'PASS', 'claims-1000': 'PASS',
    });
    expect(verdicts({ 'claims-1000': 2.01 }).find((x) => x.id === 'claims-1000')!.verdict).toBe('MISS');
  });

  it('misses a slope on either side of 0.9–1.1', () => {
    expect(verdicts({ 'slope-100-1000': 0.6 }).find((x) => x.id === 'slope-100-1000')!.verdict).toBe('MISS');
    expect(verdicts({ 'slope-100-1000': 1.2 }).find((x) => x.id === 'slope-100-1000')!.verdict).toBe('MISS');
  });

  it('says "not run" for what was not measured (the 1,000 documents under --quick), in the order of the targets', () => {
    const v = verdicts({ 'seed-cold': 13.6, 'seed-no-change': null });
    expect(v.map((x) => x.id)).toEqual(TARGETS.map((t) => t.id));
    expect(v.map((x) => x.verdict)).toEqual(['MISS', 'not run', 'not run', 'not run', 'not run', 'not run']);
  });
});
