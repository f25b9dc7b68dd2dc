import { describe, expect, it } from 'vitest';
import { ingestRates, parseIngestLog } from '../../bench/real-corpus.ts';

// lines as pipelines/ingest/ingest-report.ts prints them, between other log lines
const LOG = [
  '[ran] load-registry              mechanisms=31    215 ms',
  '  g1217781.pdf             A/HRC/14/37             194 pages   766 paragraphs    7 footnotes  201 items  read 1893 ms, parse 56 ms',
  '  g1409727.pdf             A/HRC/WG.6/20/SVN/3      14 pages    70 paragraphs  116 footnotes    0 items  read 171 ms, parse 6 ms',
  '  A_HRC_14_32_en.txt       A/HRC/14/32               - pages   137 paragraphs    8 footnotes    0 items  read 3 ms, parse 5 ms',
  '  PDF pages read: 208 in 2.06 s (101 pages/s)',
].join('\n');

describe('the real corpus in the benchmark', () => {
  it('reads each document\'s line of the ingest log', () => {
    expect(parseIngestLog(LOG)).toEqual([
      { file: 'g1217781.pdf', symbol: 'A/HRC/14/37', pages: 194, paragraphs: 766, footnotes: 7, items: 201, readMs: 1893, parseMs: 56 },
      { file: 'g1409727.pdf', symbol: 'A/HRC/WG.6/20/SVN/3', pages: 14, paragraphs: 70, footnotes: 116, items: 0, readMs: 171, parseMs: 6 },
      { file: 'A_HRC_14_32_en.txt', symbol: 'A/HRC/14/32', pages: null, paragraphs: 137, footnotes: 8, items: 0, readMs: 3, parseMs: 5 },
    ]);
  });

  it('gives pages and MB per second of ingest per document, and over the PDFs only', () => {
    const r = ingestRates(parseIngestLog(LOG), new Map([['g1217781.pdf', 1_049_000], ['g1409727.pdf', 110_000], ['A_HRC_14_32_en.txt', 70_000]]));
    expect(r.documents[0]!.pagesPerS).toBeCloseTo(194 / 1.949, 6);
    expect(r.documents[0]!.mbPerS).toBeCloseTo(1.049 / 1.949, 6);
    expect(r.documents[2]!.pagesPerS).toBeNull();
    expect(r.pdf).toMatchObject({ documents: 2, pages: 208, readMs: 2064, parseMs: 62 });
    expect(r.pdf.pagesPerS).toBeCloseTo(208 / 2.126, 6);
    expect(r.pdf.mbPerS).toBeCloseTo(1.159 / 2.126, 6);
    expect(r.pdf.readPagesPerS).toBeCloseTo(208 / 2.064, 6);
  });
});
