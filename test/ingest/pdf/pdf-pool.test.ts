/**
 * PDFs read in worker threads: the same report as a read in this thread, the
 * reader's AtlasError arrives as an AtlasError, and this thread's built-ins
 * stay as they were (pdfjs's polyfills load in the workers only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../pipelines/core/errors.ts';
import { createPdfPool } from '../../../pipelines/ingest/pdf/pdf-pool.ts';
import { readPdfReport, type PdfReport } from '../../../pipelines/ingest/pdf/read-pdf-report.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const bytesOf = (rel: string) => new Uint8Array(readFileSync(join(ROOT, rel)));
const ADDENDUM = 'data/un-documents/g1504261.pdf'; // 8 pages
const SMALL = 'data/un-documents/g0917008.pdf';

/** The report without its timings. */
const withoutMs = (r: PdfReport) => ({ ...r, ms: null });

describe('createPdfPool', () => {
  const pool = createPdfPool(2);
  afterAll(() => pool.close());

  it('reads PDFs side by side into the same reports as a read in this thread, and leaves this thread\'s built-ins alone', async () => {
    const push = Array.prototype.push;
    const stringify = JSON.stringify;
    const decoder = globalThis.TextDecoder;
    const [a, b] = await Promise.all([pool.read(bytesOf(ADDENDUM), ADDENDUM), pool.read(bytesOf(SMALL), SMALL)]);
    expect(Array.prototype.push).toBe(push);
    expect(JSON.stringify).toBe(stringify);
    expect(globalThis.TextDecoder).toBe(decoder);
    expect(a.pages).toBe(8);
    expect(withoutMs(a)).toEqual(withoutMs(await readPdfReport(bytesOf(ADDENDUM), ADDENDUM)));
    expect(withoutMs(b)).toEqual(withoutMs(await readPdfReport(bytesOf(SMALL), SMALL)));
  });

  it('rejects with the reader\'s AtlasError, naming the file', async () => {
    const cut = bytesOf(ADDENDUM).subarray(0, 5000);
    const e = await pool.read(cut, 'cut.pdf').then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(AtlasError);
    expect((e as AtlasError).where).toMatchObject({ file: 'cut.pdf', stage: 'read-pdf' });
    expect((e as AtlasError).problem).toMatch(/truncated/);
  });
});
