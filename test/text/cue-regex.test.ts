import { describe, expect, it } from 'vitest';
import { compileCue, cueUnion, firstCue } from '../../pipelines/text/cue-regex.ts';

describe('compileCue', () => {
  it('compiles a cue case-insensitively', () => {
    expect(compileCue('men and boys', {}).test('Men And Boys')).toBe(true);
  });

  it('names the file, record and field of a pattern that does not compile', () => {
    expect(() => compileCue('(training', { file: 'data/registry/claims.yaml', record: 'training' }))
      .toThrow(/data\/registry\/claims\.yaml, record training, field pattern: cue "\(training" is not a valid regular expression/);
  });
});

describe('cueUnion', () => {
  const cues = ['with the participation of', 'hosted by'];

  it('is null for no cues', () => {
    expect(cueUnion([], {})).toBeNull();
  });

  it('anchors at the start (after spaces) or the end (before spaces) when asked', () => {
    expect(cueUnion(cues, {}, 'start')!.test('  hosted by the EU')).toBe(true);
    expect(cueUnion(cues, {}, 'start')!.test('a meeting hosted by')).toBe(false);
    expect(cueUnion(cues, {}, 'end')!.test('a meeting hosted by ')).toBe(true);
    expect(cueUnion(cues, {}, 'end')!.test('hosted by the EU')).toBe(false);
    expect(cueUnion(cues, {})!.test('a meeting hosted by the EU')).toBe(true);
  });

  it('names the bad cue, not the union', () => {
    expect(() => cueUnion(['ok', 'bad['], { record: 'roles' })).toThrow(/record roles, field pattern: cue "bad\[" is not a valid/);
  });
});

describe('firstCue', () => {
  it('gives the first cue in list order that matches', () => {
    const cues = [{ id: 'a', re: /data/i }, { id: 'b', re: /data collection/i }];
    expect(firstCue(cues, 'Data collection')?.id).toBe('a');
    expect(firstCue(cues, 'nothing')).toBeNull();
  });
});
