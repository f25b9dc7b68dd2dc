import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../pipelines/text/sentences.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain prose and numbers sentences from 1 with offsets into the text', () => {
    const t = '  First one. Second one! Third? Fourth.  ';
    const ss = splitSentences(t);
    expect(ss.map((s) => s.text)).toEqual(['First one.', 'Second one!', 'Third?', 'Fourth.']);
    expect(ss.map((s) => s.index)).toEqual([1, 2, 3, 4]);
    for (const s of ss) expect(t.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps article references together: "art. 35", "(art. 6.6)"', () => {
    expect(texts('Measures to prevent traffic in children for any purpose (art. 35). Next sentence.'))
      .toEqual(['Measures to prevent traffic in children for any purpose (art. 35).', 'Next sentence.']);
    expect(texts('It says so in art. 35 of the Convention. Next.')).toEqual(['It says so in art. 35 of the Convention.', 'Next.']);
    expect(texts('for damage suffered” (art. 6.6). The OHCHR Guidelines also recommend it.'))
      .toEqual(['for damage suffered” (art. 6.6).', 'The OHCHR Guidelines also recommend it.']);
  });

  it('does not split after e.g., i.e., No., Mr., U.S. or an initial', () => {
    expect(texts('Some bodies, e.g. OSCE, act. Others, i.e. The Rest, do not.')).toEqual(['Some bodies, e.g. OSCE, act.', 'Others, i.e. The Rest, do not.']);
    expect(texts('See resolution No. 5 of 2009. Then Mr. Smith spoke. The U.S. Government agreed.'))
      .toEqual(['See resolution No. 5 of 2009.', 'Then Mr. Smith spoke.', 'The U.S. Government agreed.']);
    expect(texts('At the Paul H. Nitze School of Advanced International Studies (SAIS), Washington DC. She then left.'))
      .toEqual(['At the Paul H. Nitze School of Advanced International Studies (SAIS), Washington DC.', 'She then left.']);
  });

  it('splits after "etc." before a capital, not before a lowercase word', () => {
    expect(texts('Copies of pamphlets, pins, posters, etc. In line with the plan, it will go on.'))
      .toEqual(['Copies of pamphlets, pins, posters, etc.', 'In line with the plan, it will go on.']);
    expect(texts('Pins, posters, etc. and more were sent. Done.')).toEqual(['Pins, posters, etc. and more were sent.', 'Done.']);
  });

  it('does not split after an abbreviation followed by lowercase, nor inside decimals', () => {
    expect(texts('The approx. figure is 6.6 per cent. It rose to 7.5.')).toEqual(['The approx. figure is 6.6 per cent.', 'It rose to 7.5.']);
    expect(texts('Signed by the Gov. of the region. Next.')).toEqual(['Signed by the Gov. of the region.', 'Next.']);
  });

  it('keeps a quotation with full stops inside it in one sentence', () => {
    const t = 'They recommend that “States shall freeze assets of persons involved in trafficking. To the extent possible, confiscated assets shall be used to compensate victims” (Principle 16). Next one.';
    expect(texts(t)).toEqual([
      'They recommend that “States shall freeze assets of persons involved in trafficking. To the extent possible, confiscated assets shall be used to compensate victims” (Principle 16).',
      'Next one.',
    ]);
    expect(texts('It published a study on "Compensation for Trafficked and Exploited Persons. A Review". Then more.'))
      .toEqual(['It published a study on "Compensation for Trafficked and Exploited Persons. A Review".', 'Then more.']);
  });

  it('ends a sentence whose full stop is inside closing quotes', () => {
    expect(texts('She said “Stop trafficking.” Then she left.')).toEqual(['She said “Stop trafficking.”', 'Then she left.']);
    expect(texts('The slogan was "not for sale." The end.')).toEqual(['The slogan was "not for sale."', 'The end.']);
  });

  it('splits across line breaks and before opening quotes and digits', () => {
    expect(texts('One is here.\nTwo is there. “Three” starts with a quote. 2009 was a year.'))
      .toEqual(['One is here.', 'Two is there.', '“Three” starts with a quote.', '2009 was a year.']);
  });

  it('returns no sentence for empty text and one for text without a full stop', () => {
    expect(splitSentences('')).toEqual([]);
    expect(texts('No full stop here')).toEqual(['No full stop here']);
  });
});
