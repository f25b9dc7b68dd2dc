/**
 * Reading a PDF in this thread leaves Node's built-ins in place: the legacy
 * pdfjs build's polyfills for Array.prototype.push and JSON would slow every
 * later caller (JSON.stringify about 20 times).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../../pipelines/ingest/pdf/load-pdf.ts';

const FILE = 'data/un-documents/g0917008.pdf';

describe('loadPdf and the built-ins', () => {
  it('puts back the built-ins pdfjs replaces, and pdfjs still reads', async () => {
    const before = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toString: Function.prototype.toString };
    const t = await loadPdf(new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', '..', FILE))), FILE);
    expect(t.pages.length).toBeGreaterThan(0);
    expect(t.pages[0].items.length).toBeGreaterThan(10);
    expect({ push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toString: Function.prototype.toString }).toEqual(before);
    // what the legacy build adds for Node 20, and pdfjs needs, stays
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
