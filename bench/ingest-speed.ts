/**
 * Ingest speed, in process: every document of a seeds folder read and parsed
 * the way the ingest-report stage does (hash check, decode or pdfjs, language
 * check, structure parse), without DuckDB or the rest of the build. Prints text
 * parsing in MB/s and PDF ingest in pages/s, per core (one thread, documents
 * one after another), so the figures compare across machines and runs.
 *
 *   npx tsx bench/ingest-speed.ts [SEEDS_DIR ...] [--repeat N] [--pool]
 *
 * With no folder it reads seeds/. Each folder is ingested --repeat times
 * (default 3) after one warm-up pass, and the best pass is reported (the
 * machine is shared: the best pass is the least disturbed one).
 *
 * --pool also times one cold pass as the ingest-report stage runs it: every
 * PDF handed at once to the worker pool (one thread per core, each loading
 * pdfjs cold), texts parsed on this thread; CPU time then counts every thread.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestDocument, parseListedDocument, readListedDocument, type IngestOptions } from '../pipelines/ingest/ingest-document.ts';
import { createPdfPool } from '../pipelines/ingest/pdf/pdf-pool.ts';
import { readSeedManifest } from '../pipelines/ingest/seed-manifest.ts';
import { loadStateNames } from '../pipelines/ingest/state-names.ts';
import { ROOT } from './make-corpus.ts';

export interface IngestSpeed {
  seedsDir: string;
  documents: number;
  /** Text seeds: bytes and the milliseconds spent reading and parsing them. */
  text: { documents: number; mb: number; ms: number; cpuMs: number; mbPerS: number; mbPerCpuS: number };
  /** PDFs: pages and the milliseconds spent reading (pdfjs, layout) and parsing them. */
  pdf: { documents: number; pages: number; mb: number; ms: number; cpuMs: number; pagesPerS: number; pagesPerCpuS: number };
  /** Rows made, to check that a faster pass did the same work. */
  rows: { paragraphs: number; headings: number; footnotes: number; toc: number; items: number; blocks: number };
}

/** One pass over a seeds folder, documents one after another on this thread. */
export async function measureIngest(seedsDir: string): Promise<IngestSpeed> {
  const stateNames = loadStateNames(join(ROOT, 'data', 'raw', 'country-codes.csv'));
  const manifest = readSeedManifest(seedsDir);
  const text = { documents: 0, mb: 0, ms: 0, cpuMs: 0, mbPerS: 0, mbPerCpuS: 0 };
  const pdf = { documents: 0, pages: 0, mb: 0, ms: 0, cpuMs: 0, pagesPerS: 0, pagesPerCpuS: 0 };
  const rows = { paragraphs: 0, headings: 0, footnotes: 0, toc: 0, items: 0, blocks: 0 };
  for (const d of manifest) {
    const mb = statSync(join(seedsDir, d.file)).size / 1e6;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await ingestDocument(d, { seedsDir, stateNames });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const cpuMs = (c.user + c.system) / 1000;
    const into = r.pages === null ? text : pdf;
    into.documents++; into.mb += mb; into.ms += ms; into.cpuMs += cpuMs;
    if (r.pages !== null) pdf.pages += r.pages;
    for (const k of ['paragraphs', 'headings', 'footnotes', 'toc', 'items', 'blocks'] as const) rows[k] += r.tables[k].length;
  }
  text.mbPerS = text.ms > 0 ? text.mb / (text.ms / 1000) : 0;
  text.mbPerCpuS = text.cpuMs > 0 ? text.mb / (text.cpuMs / 1000) : 0;
  pdf.pagesPerS = pdf.ms > 0 ? pdf.pages / (pdf.ms / 1000) : 0;
  pdf.pagesPerCpuS = pdf.cpuMs > 0 ? pdf.pages / (pdf.cpuMs / 1000) : 0;
  return { seedsDir, documents: manifest.length, text, pdf, rows };
}

export interface PoolSpeed {
  documents: number;
  pages: number;
  threads: number;
  ms: number;
  cpuMs: number;
}

/** One cold pass as the stage runs it: PDFs on the pool, all handed out first; texts on this thread, in order. */
export async function measureIngestWithPool(seedsDir: string): Promise<PoolSpeed> {
  const stateNames = loadStateNames(join(ROOT, 'data', 'raw', 'country-codes.csv'));
  const manifest = readSeedManifest(seedsDir);
  const pool = createPdfPool();
  const opts: IngestOptions = { seedsDir, stateNames, readPdf: pool.read };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const ahead = manifest.map((d) => (/\.pdf$/i.test(d.file) ? readListedDocument(d, opts) : null));
  let pages = 0;
  try {
    for (const [i, d] of manifest.entries()) pages += parseListedDocument(d, await (ahead[i] ?? readListedDocument(d, opts)), opts).pages ?? 0;
  } finally {
    await pool.close();
  }
  const c = process.cpuUsage(c0);
  return { documents: manifest.length, pages, threads: pool.threads, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

export function formatPoolSpeed(s: PoolSpeed): string {
  return `  pool: ${s.documents} documents, ${s.pages} PDF pages, cold, ${s.threads} threads: ${(s.ms / 1000).toFixed(3)} s wall`
    + `${s.pages ? ` = ${(s.pages / (s.ms / 1000)).toFixed(0)} pages/s` : ''}; ${(s.cpuMs / 1000).toFixed(3)} s CPU on all threads`
    + `${s.pages ? ` = ${(s.pages / (s.cpuMs / 1000)).toFixed(0)} pages per CPU-second` : ''}`;
}

export function formatIngestSpeed(s: IngestSpeed): string {
  const out = [`${s.seedsDir}: ${s.documents} documents`];
  if (s.text.documents > 0) {
    out.push(`  text: ${s.text.documents} documents, ${s.text.mb.toFixed(2)} MB in ${(s.text.ms / 1000).toFixed(3)} s wall = ${s.text.mbPerS.toFixed(1)} MB/s; `
      + `${(s.text.cpuMs / 1000).toFixed(3)} s CPU = ${s.text.mbPerCpuS.toFixed(1)} MB per CPU-second`);
  }
  if (s.pdf.documents > 0) {
    out.push(`  pdf:  ${s.pdf.documents} documents, ${s.pdf.pages} pages, ${s.pdf.mb.toFixed(2)} MB in ${(s.pdf.ms / 1000).toFixed(3)} s wall = ${s.pdf.pagesPerS.toFixed(0)} pages/s; `
      + `${(s.pdf.cpuMs / 1000).toFixed(3)} s CPU = ${s.pdf.pagesPerCpuS.toFixed(0)} pages per CPU-second`);
  }
  const r = s.rows;
  out.push(`  rows: paragraphs=${r.paragraphs} headings=${r.headings} footnotes=${r.footnotes} toc=${r.toc} items=${r.items} blocks=${r.blocks}`);
  return out.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const dirs: string[] = [];
  let repeat = 3;
  let pool = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--repeat') repeat = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--pool') pool = true;
    else dirs.push(resolve(argv[i]));
  }
  if (dirs.length === 0) dirs.push(join(ROOT, 'seeds'));
  // the pool's pass first, while this thread is cold too (as in a build)
  if (pool) for (const dir of dirs) console.log(`${dir}:\n${formatPoolSpeed(await measureIngestWithPool(dir))}`);
  for (const dir of dirs) {
    await measureIngest(dir); // warm-up: module loading, JIT, pdfjs workers
    let best: IngestSpeed | null = null;
    for (let k = 0; k < repeat; k++) {
      const s = await measureIngest(dir);
      if (best === null || s.text.cpuMs + s.pdf.cpuMs < best.text.cpuMs + best.pdf.cpuMs) best = s;
    }
    console.log(formatIngestSpeed(best!));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
