/**
 * A PDF report → the parser's intermediate (SourceLine[]) plus what the first
 * page says about the document (the masthead lines and the lines under it),
 * for the manifest. Pages without a text layer are refused: the build reads
 * text, it does not do OCR.
 */
import { AtlasError } from '../../core/errors.ts';
import type { SourceLine } from '../parse-report/source-lines.ts';
import { toSourceLines } from './blocks.ts';
import { DEFAULT_PDF_LIMITS, loadPdf, type PdfLimits } from './load-pdf.ts';
import { bodySizeOf, pageLines } from './page-lines.ts';
import { placeLines } from './page-regions.ts';

export interface FrontLine {
  text: string;
  size: number;
  bold: boolean;
  /** Starts a new block (a gap wider than the leading above it). */
  opensBlock: boolean;
}

export interface PdfReport {
  lines: SourceLine[];
  pages: number;
  /** The first page's masthead lines (symbol, Distr., date, Original …), top to bottom. */
  masthead: string[];
  /** The first page's other lines, top to bottom (body, title, summary), with their type size and the gap above. */
  frontPage: FrontLine[];
  info: Record<string, unknown>;
  /** Milliseconds in pdfjs, and in turning its items into lines and blocks. */
  ms: { pdfjs: number; layout: number };
}

/** Fewer visible characters than this per page on average: no text layer (a scan). */
const MIN_CHARS_PER_PAGE = 40;

export async function readPdfReport(bytes: Uint8Array, file: string, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfReport> {
  const pdf = await loadPdf(bytes, file, limits);
  const t0 = performance.now();
  const chars = pdf.pages.reduce((n, p) => n + p.items.reduce((m, it) => m + it.str.trim().length, 0), 0);
  if (pdf.pages.length === 0 || chars < MIN_CHARS_PER_PAGE * pdf.pages.length) {
    throw new AtlasError(
      `the PDF has no text layer (${chars} characters of text on ${pdf.pages.length} page${pdf.pages.length === 1 ? '' : 's'}): it looks like a scan`, {
        file, stage: 'read-pdf',
        hint: 'download the text version from the Official Document System (documents.un.org), or run OCR on the scan (e.g. ocrmypdf --language eng in.pdf out.pdf) and add the result',
      });
  }
  const body = bodySizeOf(pdf.pages);
  const lines = pdf.pages.map((p) => pageLines(p, body));
  const placed = placeLines(pdf.pages, lines, body);
  const first = placed[0] ?? [];
  const out = toSourceLines(placed);
  return {
    lines: out,
    pages: pdf.pages.length,
    masthead: first.filter((l) => l.region === 'masthead').map((l) => l.text),
    frontPage: first.filter((l) => l.region === 'body').map((l, i, all) => ({
      text: l.text, size: l.size, bold: l.bold,
      opensBlock: i === 0 || all[i - 1].y - l.y > 1.5 * Math.max(l.size, all[i - 1].size) || Math.abs(all[i - 1].size - l.size) > 0.6,
    })),
    info: pdf.info,
    ms: { pdfjs: pdf.ms, layout: performance.now() - t0 },
  };
}
