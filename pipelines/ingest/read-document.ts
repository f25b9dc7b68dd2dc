/**
 * One document's bytes → the parser's intermediate, by route: a PDF through
 * pdfjs (pipelines/ingest/pdf), a text through decodeReportLines. Both give the same
 * shape, plus the lines of the first page for the document's particulars.
 */
import { extname } from 'node:path';
import { looksLikePdf, type PdfLimits } from './pdf/load-pdf.ts';
import { readPdfReport, type FrontLine, type PdfReport } from './pdf/read-pdf-report.ts';
import { decodeReportLines, linesToSourceLines, type SourceLine } from './parse-report/index.ts';

export interface DocumentText {
  route: 'pdf' | 'text';
  lines: SourceLine[];
  /** Pages of a PDF; null for a text. */
  pages: number | null;
  /** The masthead of a PDF's first page (symbol, Distr., date); for a text, its first lines. */
  masthead: string[];
  /** The first page under the masthead (for a text, its first lines, each its own block). */
  front: FrontLine[];
  /** Milliseconds spent reading (pdfjs and layout, or decoding). */
  readMs: number;
}

/** Lines of a text seed read as its "first page". */
const TEXT_HEAD = 60;

/** Reads a PDF: readPdfReport in this thread, or a worker pool's read (pipelines/ingest/pdf/pdf-pool.ts). */
export type PdfReader = (bytes: Uint8Array, file: string, limits?: PdfLimits) => Promise<PdfReport>;

export function isPdfFile(file: string, bytes: Uint8Array): boolean {
  return extname(file).toLowerCase() === '.pdf' || looksLikePdf(bytes);
}

export async function readDocument(bytes: Uint8Array, file: string, limits?: PdfLimits, readPdf: PdfReader = readPdfReport): Promise<DocumentText> {
  const t0 = performance.now();
  if (isPdfFile(file, bytes)) {
    const r = await readPdf(bytes, file, limits);
    return { route: 'pdf', lines: r.lines, pages: r.pages, masthead: r.masthead, front: r.frontPage, readMs: r.ms.pdfjs + r.ms.layout };
  }
  const lines = linesToSourceLines(decodeReportLines(bytes, file));
  const head = lines.slice(0, TEXT_HEAD).map((l) => l.text.trim());
  const front: FrontLine[] = head.map((text, i) => ({ text, size: 10, bold: /^\*\*.*\*\*$/.test(text), opensBlock: i === 0 || head[i - 1] === '' }))
    .filter((l) => l.text !== '');
  return { route: 'text', lines, pages: null, masthead: head.filter((t) => t !== ''), front, readMs: performance.now() - t0 };
}
