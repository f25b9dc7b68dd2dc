import { describe, expect, it } from 'vitest';
import { corpusName, symbolsById } from '../../pipelines/text/corpus-name.ts';

describe('corpusName', () => {
  it('names one document by its symbol', () => {
    expect(corpusName(['A/HRC/14/32'])).toBe('A/HRC/14/32');
  });

  it('says how many documents a corpus holds and lists them by symbol', () => {
    expect(corpusName(['A/HRC/WG.6/20/SVN/3', 'A/HRC/14/32'])).toBe('2 documents: A/HRC/14/32, A/HRC/WG.6/20/SVN/3');
    expect(corpusName(['A/HRC/14/37', 'A/HRC/14/32', 'A/HRC/14/15'])).toBe('3 documents: A/HRC/14/15, A/HRC/14/32, A/HRC/14/37');
  });

  it('lists the first three of a larger corpus and counts the rest', () => {
    const thirteen = ['A/HRC/14/15', 'A/HRC/14/15/Add.1', 'A/HRC/14/32', 'A/HRC/14/37', 'A/HRC/28/15', 'A/HRC/28/15/Add.1', 'A/HRC/28/2',
      'A/HRC/WG.6/20/SVN/1', 'A/HRC/WG.6/20/SVN/2', 'A/HRC/WG.6/20/SVN/3', 'A/HRC/WG.6/7/SVN/1', 'A/HRC/WG.6/7/SVN/2', 'A/HRC/WG.6/7/SVN/3'];
    expect(corpusName([...thirteen].reverse())).toBe('13 documents: A/HRC/14/15, A/HRC/14/15/Add.1, A/HRC/14/32 and 10 more');
  });

  it('counts a symbol once and says when there is nothing', () => {
    expect(corpusName(['A/HRC/14/32', 'A/HRC/14/32'])).toBe('A/HRC/14/32');
    expect(corpusName([])).toBe('no documents');
  });

  it('maps doc ids to symbols', () => {
    expect(symbolsById([{ doc_id: 'a-hrc-14-32', symbol: 'A/HRC/14/32' }])).toEqual({ 'a-hrc-14-32': 'A/HRC/14/32' });
  });
});
