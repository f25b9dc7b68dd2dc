import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chartRow, citedText, formatCited, formatRegistryParas, formatSources, mergeSources, tooltipCitation, tooltipSources, uniqueSorted, uniqueSources,
} from '../../../pipelines/report/charts/common.ts';

const one = { documents: { 'a-hrc-14-32': 'A/HRC/14/32' } };
const corpus = { documents: { 'a-hrc-14-32': 'A/HRC/14/32', 'svn-3': 'A/HRC/WG.6/20/SVN/3' } };
const sources = [{ doc_id: 'svn-3', para_no: 30 }, { doc_id: 'a-hrc-14-32', para_no: 62 }, { doc_id: 'a-hrc-14-32', para_no: 24 }];

describe('tooltip citations', () => {
  it('formats cited paragraphs as the SQL cite() does', () => {
    expect(formatSources(sources, corpus.documents)).toBe('A/HRC/14/32, paras. 24, 62; A/HRC/WG.6/20/SVN/3, para. 30');
    expect(formatSources([], corpus.documents)).toBe('no paragraph');
  });

  it('gives the paragraphs alone in a one-document corpus (the subtitle names it), each one\'s document in a corpus', () => {
    expect(formatCited([62, 24], sources.slice(1), one)).toBe('paras. 24, 62');
    expect(formatCited([30, 62, 24], sources, corpus)).toBe('A/HRC/14/32, paras. 24, 62; A/HRC/WG.6/20/SVN/3, para. 30');
    expect(citedText([88], 'A/HRC/14/32, para. 88', one)).toBe('para. 88');
    expect(citedText([88, 30], 'A/HRC/14/32, para. 88; A/HRC/WG.6/20/SVN/3, para. 30', corpus)).toBe('A/HRC/14/32, para. 88; A/HRC/WG.6/20/SVN/3, para. 30');
    expect(citedText([], null, corpus)).toBe('no paragraph');
  });

  it('names A/HRC/14/32 for the registry\'s paragraphs in a corpus', () => {
    expect(formatRegistryParas([24], one)).toBe('para. 24');
    expect(formatRegistryParas([25, 24], corpus)).toBe('A/HRC/14/32, paras. 24, 25');
  });

  it('keeps cited paragraphs once each, by document then paragraph', () => {
    expect(uniqueSources([...sources, { doc_id: 'a-hrc-14-32', para_no: 62 }, { doc_id: 'a-hrc-14-32', para_no: 100 }]))
      .toEqual([{ doc_id: 'a-hrc-14-32', para_no: 24 }, { doc_id: 'a-hrc-14-32', para_no: 62 }, { doc_id: 'a-hrc-14-32', para_no: 100 }, { doc_id: 'svn-3', para_no: 30 }]);
  });
});

describe('tooltip citations in a large corpus', () => {
  it('names the first five documents and counts the rest', () => {
    const documents = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`d${i}`, `A/TEST/${i}`]));
    const many = Array.from({ length: 8 }, (_, i) => ({ doc_id: `d${i}`, para_no: i + 1 }));
    expect(formatCited(many.map((m) => m.para_no), many, { documents }))
      .toBe('A/TEST/0, para. 1; A/TEST/1, para. 2; A/TEST/2, para. 3; A/TEST/3, para. 4; A/TEST/4, para. 5 and 3 more documents (the table\'s cited column has them)');
    expect(citedText([1], 'A/TEST/0, para. 1; A/TEST/1, para. 2', { documents })).toBe('A/TEST/0, para. 1; A/TEST/1, para. 2');
    expect(formatCited([], many.slice(0, 6), { documents })).toMatch(/para\. 5 and 1 more document \(/);
  });
});

describe('tooltipSources', () => {
  it('says what tooltipCitation(formatSources(…)) says, formatting only the documents shown', () => {
    const docs = fc.constantFrom('A/1', 'A/2', 'B/10', 'B/9', 'C; D', 'E/1', 'F/2', 'G/3');
    const source = fc.record({ doc_id: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'unknown'), para_no: fc.integer({ min: 1, max: 200 }) });
    fc.assert(fc.property(fc.array(source, { maxLength: 60 }), fc.array(docs, { minLength: 8, maxLength: 8 }), (sources, symbols) => {
      const documents = Object.fromEntries(symbols.map((s, i) => [`d${i + 1}`, s]));
      expect(tooltipSources(sources, documents)).toBe(tooltipCitation(formatSources(sources, documents)));
    }), { numRuns: 300, seed: 15 });
  });
});

describe('uniqueSources', () => {
  it('orders as the key doc_id, NUL, zero-padded para_no did, each paragraph once', () => {
    const byKey = (xs: readonly { doc_id: string; para_no: number }[]) => {
      const seen = new Map<string, { doc_id: string; para_no: number }>();
      for (const x of xs) seen.set(`${x.doc_id}\u0000${String(x.para_no).padStart(10, '0')}`, { doc_id: x.doc_id, para_no: x.para_no });
      return [...seen].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, v]) => v);
    };
    const source = fc.record({ doc_id: fc.constantFrom('a', 'ab', 'b', 'B', 'a-1', 'é'), para_no: fc.integer({ min: 0, max: 100_000 }) });
    fc.assert(fc.property(fc.array(source, { maxLength: 80 }), (xs) => {
      expect(uniqueSources(xs)).toEqual(byKey(xs));
    }), { numRuns: 300, seed: 15 });
  });
});

describe('mergeSources', () => {
  it('gives what uniqueSources gives for the lists put together', () => {
    const source = fc.record({ doc_id: fc.constantFrom('a', 'ab', 'b', 'B', 'a-1', 'é'), para_no: fc.integer({ min: 0, max: 50 }) });
    fc.assert(fc.property(fc.array(fc.array(source, { maxLength: 30 }), { maxLength: 6 }), (lists) => {
      expect(mergeSources(lists.map(uniqueSources))).toEqual(uniqueSources(lists.flat()));
    }), { numRuns: 300, seed: 15 });
  });

  it('keeps sorted lists as they come, once each, and sorts the others', () => {
    expect(uniqueSources([{ doc_id: 'a', para_no: 1 }, { doc_id: 'a', para_no: 1 }, { doc_id: 'b', para_no: 0 }]))
      .toEqual([{ doc_id: 'a', para_no: 1 }, { doc_id: 'b', para_no: 0 }]);
    expect(uniqueSources([{ doc_id: 'b', para_no: 0 }, { doc_id: 'a', para_no: 2 }, { doc_id: 'a', para_no: 1 }]))
      .toEqual([{ doc_id: 'a', para_no: 1 }, { doc_id: 'a', para_no: 2 }, { doc_id: 'b', para_no: 0 }]);
    expect(uniqueSorted([5, 3, 5, 1])).toEqual([1, 3, 5]);
  });
});

describe('chartRow', () => {
  it('copies a row whole with one document, and without its lists and cited text in a corpus', () => {
    const row = { id: 'x', paragraphs: [1, 2], sources: [{ doc_id: 'a-hrc-14-32', para_no: 1 }], cited: 'A/HRC/14/32, paras. 1, 2', n: 2 };
    const whole = chartRow(row, one);
    expect(whole).toEqual(row);
    expect(whole.paragraphs).not.toBe(row.paragraphs);
    expect(chartRow(row, corpus)).toEqual({ id: 'x', n: 2 });
  });
});
