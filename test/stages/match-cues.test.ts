import { describe, it, expect } from 'vitest';
import { matchCues } from '../../pipelines/stages/match-cues.ts';

const cues = [
  { measure: 'compensation', family: 'redress', pattern: 'compensat' },
  { measure: 'men_and_boys', family: 'gender', pattern: '\\bmen\\b' },
];
const ev = (mechanism_id: string, para_no: number, quote: string, part = 'achievement') => ({ doc_id: 'd', mechanism_id, para_no, part, quote });

describe('matchCues', () => {
  it('finds each cue once per passage, case-insensitively, and skips recommendations', () => {
    expect(matchCues([
      ev('osce', 88, 'OSCE published a study on Compensation for Trafficked Persons; compensation again.'),
      ev('coe', 94, 'The CoE Convention protects women and children.'),
      ev('commit', 99, 'COMMIT includes men and boys.'),
      ev('saarc', 136, 'compensation for men', 'recommendation'),
    ], cues)).toEqual([
      { doc_id: 'd', mechanism_id: 'osce', para_no: 88, family: 'redress', measure: 'compensation' },
      { doc_id: 'd', mechanism_id: 'commit', para_no: 99, family: 'gender', measure: 'men_and_boys' },
    ]);
  });

  it('names the cue whose pattern does not compile', () => {
    expect(() => matchCues([ev('x', 1, 'q')], [{ measure: 'bad', family: 'gender', pattern: '(' }])).toThrow(/record gender\/bad, field pattern: cue pattern does not compile/);
  });
});
