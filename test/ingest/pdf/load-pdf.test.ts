/** Opening PDFs: limits on size, pages, text items and time, and the errors for files pdfjs cannot read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../pipelines/core/errors.ts';
import { DEFAULT_PDF_LIMITS, hasEndOfFile, loadPdf, looksLikePdf } from '../../../pipelines/ingest/pdf/load-pdf.ts';
import { readPdfReport } from '../../../pipelines/ingest/pdf/read-pdf-report.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const bytesOf = (rel: string) => new Uint8Array(readFileSync(join(ROOT, rel)));
const ADDENDUM = 'data/un-documents/g1504261.pdf'; // 8 pages
const FIX = 'test/fixtures/pdf';

async function refused(p: Promise<unknown>, file: string, problem: RegExp): Promise<AtlasError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e, 'expected an AtlasError').toBeInstanceOf(AtlasError);
  const err = e as AtlasError;
  expect(err.where.file).toBe(file);
  expect(err.problem).toMatch(problem);
  expect(err.where.hint, 'says what to do').toBeTruthy();
  return err;
}

describe('loadPdf', () => {
  it('reads every page of a real UN PDF, with font sizes and bold', async () => {
    const t = await loadPdf(bytesOf(ADDENDUM), ADDENDUM);
    expect(t.pages.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const items = t.pages[1].items;
    expect(items.some((i) => i.str.includes('This document is the response of the Government'))).toBe(true);
    expect(items.some((i) => i.bold && /Accepted recommendations/.test(i.str))).toBe(true);
    expect(new Set(items.map((i) => i.size)).size).toBeGreaterThan(1);
  });

  it('refuses more pages than the limit', async () => {
    await refused(loadPdf(bytesOf(ADDENDUM), ADDENDUM, { ...DEFAULT_PDF_LIMITS, maxPages: 5 }), ADDENDUM, /8 pages, more than the limit of 5/);
  });

  it('refuses a page with more text items than the limit', async () => {
    await refused(loadPdf(bytesOf(ADDENDUM), ADDENDUM, { ...DEFAULT_PDF_LIMITS, maxItemsPerPage: 20 }), ADDENDUM, /page 1 holds \d+ text items, more than the limit of 20/);
  });

  it('refuses a file larger than the limit', async () => {
    await refused(loadPdf(bytesOf(ADDENDUM), ADDENDUM, { ...DEFAULT_PDF_LIMITS, maxBytes: 1000 }), ADDENDUM, /MB, more than the limit/);
  });

  it('stops a document that takes longer than the time limit', async () => {
    const big = 'data/un-documents/g1217781.pdf';
    const t0 = performance.now();
    await refused(loadPdf(bytesOf(big), big, { ...DEFAULT_PDF_LIMITS, timeoutMs: 150 }), big, /took longer than 0 s \(stopped while/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses what is not a PDF, a truncated PDF and an encrypted PDF', async () => {
    await refused(loadPdf(new TextEncoder().encode('hello'), 'x.pdf'), 'x.pdf', /not a PDF/);
    expect(looksLikePdf(bytesOf(ADDENDUM))).toBe(true);
    expect(hasEndOfFile(bytesOf(`${FIX}/truncated.pdf`))).toBe(false);
    await refused(loadPdf(bytesOf(`${FIX}/truncated.pdf`), 'truncated.pdf'), 'truncated.pdf', /truncated/);
    await refused(loadPdf(bytesOf(`${FIX}/encrypted.pdf`), 'encrypted.pdf'), 'encrypted.pdf', /encrypted/);
  });

  it('refuses a scan (pages with no text layer)', async () => {
    await refused(readPdfReport(bytesOf(`${FIX}/scanned.pdf`), 'scanned.pdf'), 'scanned.pdf', /no text layer .* looks like a scan/);
  });

  it('reads a hand-made PDF with no masthead as text', async () => {
    const r = await readPdfReport(bytesOf(`${FIX}/not-un.pdf`), 'not-un.pdf');
    expect(r.masthead).toEqual([]);
    expect(r.lines.map((l) => l.text).join(' ')).toContain('The garden committee met in March');
  });
});
