import { describe, it, expect } from 'vitest';
import { matchCues } from '../../pipelines/resolve/match-cues.ts';

const cues = [
  { measure: 'compensation', family: 'redress', pattern: 'compensat' },
  { measure: 'men_and_boys', family: 'gender', pattern: '\\bmen\\b' },
];
const claim = (mechanism_id: string, para_no: number, sentence: string, role = 'actor', themes = ['redress', 'gender_men']) =>
  ({ doc_id: 'd', mechanism_id, para_no, role, sentence, themes });

describe('matchCues', () => {
  it('finds each cue once per actor claim, case-insensitively, and skips other roles', () => {
    expect(matchCues([
      claim('osce', 88, 'OSCE published a study on Compensation for Trafficked Persons; compensation again.'),
      claim('coe', 94, 'The CoE Convention protects women and children.'),
      claim('commit', 99, 'COMMIT includes men and boys.'),
      claim('las', 105, 'LAS lacked the funds to compensate men', 'lacking'),
      claim('coe', 37, 'not as broad as the CoE Convention on compensation', 'comparison'),
    ], cues)).toEqual([
      { doc_id: 'd', mechanism_id: 'osce', para_no: 88, family: 'redress', measure: 'compensation' },
      { doc_id: 'd', mechanism_id: 'commit', para_no: 99, family: 'gender', measure: 'men_and_boys' },
    ]);
  });

  it('finds a measure that defines a theme only in claims carrying that theme (one definition of redress)', () => {
    expect(matchCues([claim('osce', 88, 'compensation', 'actor', [])], cues)).toEqual([]);
  });

  it('names the cue whose pattern does not compile', () => {
    expect(() => matchCues([claim('x', 1, 'q')], [{ measure: 'bad', family: 'gender', pattern: '(' }])).toThrow(/record gender\/bad, field pattern: cue "\(" is not a valid regular expression/);
  });
});
