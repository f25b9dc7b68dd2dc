import { describe, expect, it } from 'vitest';
import { memoByText } from '../../pipelines/text/memo-by-text.ts';

describe('memoByText', () => {
  it('computes a text once and gives the same result again', () => {
    const seen: string[] = [];
    const f = memoByText((t) => { seen.push(t); return [t.length]; });
    const a = f('It lacks funds.');
    expect(f('It lacks ' + 'funds.')).toBe(a); // equal text, another string object
    expect(seen).toEqual(['It lacks funds.']);
  });

  it('forgets everything when full, and computes again', () => {
    const seen: string[] = [];
    const f = memoByText((t) => { seen.push(t); return t; }, 2);
    f('a'); f('b'); f('c'); f('a');
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });
});
