import { describe, expect, it } from 'vitest';
import { groupLacking, groupSize, lackingParts } from '../../../pipelines/report/briefing/lacking-groups.ts';

/** A 'lacking' row in data_gaps.sql's words. */
const row = (mech: string, doc: string, para: number, lacks = 'funding', acronym = mech.toUpperCase()) => ({
  finding_id: `lacking:${mech}:${doc}:${para}`, subject: acronym, sources: [{ doc_id: doc, para_no: para }], cited: `${doc}, para. ${para}`,
  statement: `The report says ${acronym} lacks what it needs for ${lacks}: “${acronym} lacked the necessary funds in ${doc}.” (${doc}, para. ${para}).`,
});

describe('lackingParts', () => {
  it('reads the mechanism, what it lacks and the sentence from a data_gaps statement', () => {
    const s = 'The report says LAS lacks what it needs for funding, training: “For example, LAS indicated that countries in its region are keen to receive support in that regard, but that LAS lacked the necessary funds to provide it.” (A/HRC/14/32, para. 105).';
    expect(lackingParts(s)).toEqual({ mechanism: 'LAS', lacks: 'funding, training',
      sentence: 'For example, LAS indicated that countries in its region are keen to receive support in that regard, but that LAS lacked the necessary funds to provide it.' });
    expect(lackingParts('Only 1 of 31 mechanisms works on funding.')).toBeUndefined();
  });
});

describe('groupLacking', () => {
  it('groups one mechanism lacking the same things, in the rows’ order, groups in the order of their first row', () => {
    const rows = [row('acp', 'd1', 105), row('acp', 'd2', 105), row('acp', 'd2', 40, 'training'), row('las', 'd1', 105), row('acp', 'd3', 105)];
    expect(groupLacking(rows).map((g) => g.map((r) => r.finding_id))).toEqual([
      ['lacking:acp:d1:105', 'lacking:acp:d2:105', 'lacking:acp:d3:105'], ['lacking:acp:d2:40'], ['lacking:las:d1:105']]);
  });

  it('leaves alone a row not in data_gaps.sql’s words or without sources', () => {
    const odd = { ...row('acp', 'd1', 105), statement: 'ACP lacks funds.' };
    const old = { ...row('acp', 'd2', 105), sources: undefined };
    expect(groupLacking([row('acp', 'd3', 105), odd, old, row('acp', 'd4', 105)]).map((g) => g.length)).toEqual([2, 1, 1]);
  });

  it('counts a group’s distinct paragraphs and documents', () => {
    const g = [row('acp', 'd1', 105), row('acp', 'd1', 104), row('acp', 'd2', 105), { ...row('acp', 'd2', 105), finding_id: 'dup' }];
    const size = groupSize(g);
    expect([size.paragraphs, size.documents]).toEqual([3, 2]);
    expect(size.sources).toEqual([{ doc_id: 'd1', para_no: 105 }, { doc_id: 'd1', para_no: 104 }, { doc_id: 'd2', para_no: 105 }]);
  });
});
