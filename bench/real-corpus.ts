/**
 * The real corpus in the benchmark: the seed (A/HRC/14/32) and the twelve UN
 * PDFs of data/un-documents, added with pipelines/add.ts and built once, cold.
 * PDF ingest is timed per document from the build's own log (the ingest stage
 * prints, for each document, the milliseconds spent reading the file and
 * parsing its structure), and reported as pages per second and MB per second,
 * per document and overall; the whole build is timed by stage group.
 *
 *   npm run bench -- --skip-seed --skip-corpus      # only this part
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './make-corpus.ts';
import { fmtN, fmtRate, fmtS, table } from './format.ts';

/** One document's line of the ingest log. */
export interface IngestLine {
  file: string;
  symbol: string;
  pages: number | null;
  paragraphs: number;
  footnotes: number;
  items: number;
  readMs: number;
  parseMs: number;
}

const INGEST_LINE = /^\s+(\S+)\s+(\S+)\s+(\d+|-) pages\s+(\d+) paragraphs\s+(\d+) footnotes\s+(\d+) items\s+read (\d+) ms, parse (\d+) ms$/;

/** The per-document lines of a build log (pipelines/ingest/ingest-report.ts). */
export function parseIngestLog(stderr: string): IngestLine[] {
  const out: IngestLine[] = [];
  for (const line of stderr.split('\n')) {
    const m = INGEST_LINE.exec(line);
    if (!m) continue;
    out.push({
      file: m[1]!, symbol: m[2]!, pages: m[3] === '-' ? null : Number(m[3]), paragraphs: Number(m[4]),
      footnotes: Number(m[5]), items: Number(m[6]), readMs: Number(m[7]), parseMs: Number(m[8]),
    });
  }
  return out;
}

export interface DocumentRate extends IngestLine {
  mb: number;
  /** Pages and MB per second of ingest (reading the PDF and parsing its structure). */
  pagesPerS: number | null;
  mbPerS: number;
}

export interface IngestRates {
  documents: DocumentRate[];
  /** PDFs only: every page and byte over every millisecond of reading and parsing. */
  pdf: { documents: number; pages: number; mb: number; readMs: number; parseMs: number; pagesPerS: number; mbPerS: number; readPagesPerS: number };
}

/** Rates from the log lines and the files' sizes (bytes by file name). */
export function ingestRates(lines: readonly IngestLine[], bytes: ReadonlyMap<string, number>): IngestRates {
  const documents = lines.map((l) => {
    const mb = (bytes.get(l.file) ?? 0) / 1e6;
    const s = Math.max(l.readMs + l.parseMs, 1) / 1000;
    return { ...l, mb, pagesPerS: l.pages === null ? null : l.pages / s, mbPerS: mb / s };
  });
  const pdfs = documents.filter((d) => d.pages !== null);
  const pages = pdfs.reduce((n, d) => n + d.pages!, 0);
  const mb = pdfs.reduce((n, d) => n + d.mb, 0);
  const readMs = pdfs.reduce((n, d) => n + d.readMs, 0);
  const parseMs = pdfs.reduce((n, d) => n + d.parseMs, 0);
  const s = Math.max(readMs + parseMs, 1) / 1000;
  return {
    documents,
    pdf: { documents: pdfs.length, pages, mb, readMs, parseMs, pagesPerS: pages / s, mbPerS: mb / s, readPagesPerS: pages / (Math.max(readMs, 1) / 1000) },
  };
}

/** A seeds folder with the seed and the twelve PDFs, made by pipelines/add.ts as an analyst would; returns its path. */
export function addRealCorpus(work: string): { seeds: string; addMs: number; bytes: Map<string, number> } {
  const seeds = join(work, 'real-corpus-seeds');
  rmSync(seeds, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const dir = join(ROOT, 'data', 'un-documents');
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f)), join(ROOT, 'seeds', 'A_HRC_14_32_en.txt')];
  const t0 = performance.now();
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'pipelines', 'add.ts'), '--seeds', seeds, ...files],
    { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pipelines/add.ts failed on the real corpus:\n${r.stderr}`);
  const bytes = new Map(files.map((f) => [f.slice(f.lastIndexOf('/') + 1), statSync(f).size]));
  return { seeds, addMs: performance.now() - t0, bytes };
}

/** PDF ingest rates as Markdown lines: overall, then per document. */
export function ingestRatesMarkdown(r: IngestRates): string[] {
  const p = r.pdf;
  return [
    `PDF ingest, overall: ${p.documents} PDFs, ${fmtN(p.pages)} pages, ${p.mb.toFixed(2)} MB in ${fmtS(p.readMs + p.parseMs)} s `
      + `(reading ${fmtS(p.readMs)} s, structure ${fmtS(p.parseMs)} s): **${fmtRate(p.pagesPerS)} pages/s, ${fmtRate(p.mbPerS)} MB/s** `
      + `(reading alone ${fmtRate(p.readPagesPerS)} pages/s; target 100 pages/s per core).`, '',
    table(['file', 'symbol', 'pages', 'MB', 'paragraphs', 'footnotes', 'items', 'read ms', 'parse ms', 'pages/s', 'MB/s'],
      r.documents.map((d) => [d.file, d.symbol, d.pages ?? '–', d.mb.toFixed(2), fmtN(d.paragraphs), d.footnotes, d.items,
        fmtN(d.readMs), fmtN(d.parseMs), d.pagesPerS === null ? '–' : fmtRate(d.pagesPerS), fmtRate(d.mbPerS)]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
  ];
}
