import { describe, expect, it } from 'vitest';
import { CITATION_RULE, CITED_DOCUMENTS, briefCitation, citedDocuments } from '../../../pipelines/report/briefing/brief-citation.ts';

const symbols = { a: 'A/HRC/14/32', b: 'A/HRC/14/37', c: 'A/HRC/17/35', d: 'A/HRC/20/18', e: 'A/65/1' };
const at = (doc_id: string, ...paras: number[]) => paras.map((para_no) => ({ doc_id, para_no }));

describe('briefCitation', () => {
  it('prints a citation of up to three documents whole, as data_gaps.cited gives it (symbols in order, paragraphs ascending and once)', () => {
    expect(CITED_DOCUMENTS).toBe(3);
    expect(briefCitation(at('a', 88, 24, 88), symbols)).toBe('A/HRC/14/32, paras. 24, 88');
    expect(briefCitation([...at('c', 5), ...at('a', 3), ...at('b', 1, 2)], symbols)).toBe('A/HRC/14/32, para. 3; A/HRC/14/37, paras. 1, 2; A/HRC/17/35, para. 5');
  });

  it('shortens one of more documents to its first document (by symbol) and how many others, pointing to data_gaps', () => {
    const four = [...at('d', 9), ...at('c', 5), ...at('b', 1), ...at('a', 3, 4)];
    expect(briefCitation(four, symbols)).toBe('A/HRC/14/32, paras. 3, 4 and 3 other documents; every source in data_gaps');
    // a symbol that sorts before the others comes first, whatever the order of the sources
    expect(briefCitation([...four, ...at('e', 7)], symbols)).toBe('A/65/1, para. 7 and 4 other documents; every source in data_gaps');
    const thousand = Array.from({ length: 1000 }, (_, i) => ({ doc_id: `syn-${i}`, para_no: 3 }));
    expect(briefCitation(thousand, {})).toBe('syn-0, para. 3 and 999 other documents; every source in data_gaps');
  });

  it('names a document without a symbol by its id, and says when nothing is cited', () => {
    expect(briefCitation(at('zz', 1), symbols)).toBe('zz, para. 1');
    expect(briefCitation([], symbols)).toBe('no paragraph');
    expect(citedDocuments([...at('b', 2), ...at('a', 1), ...at('b', 1)], symbols)).toEqual([['A/HRC/14/32', [1]], ['A/HRC/14/37', [2, 1]]]);
  });

  it('states the rule with its number', () => {
    expect(CITATION_RULE).toContain(`more than ${CITED_DOCUMENTS} documents`);
    expect(CITATION_RULE).toContain('data_gaps');
  });
});
