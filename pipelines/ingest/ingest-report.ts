/**
 * Ingest: every document in the seeds manifest (PDF or text) becomes
 * documents, paragraphs, headings, footnotes, toc, paragraph_items and blocks
 * rows. Every document is read even when an earlier one fails, so a build
 * reports all bad documents at once, then stops before anything is published.
 */
import { join } from 'node:path';
import type { StageContext } from '../core/stage.ts';
import { INGEST_OUTPUTS } from './ingest-tables.ts';
import type { RowOfTable } from '../catalog/rows.ts';
import { readSeedManifest } from './seed-manifest.ts';
import { AtlasError } from '../core/errors.ts';
import { loadStateNames } from './state-names.ts';
import { parseListedDocument, readListedDocument, type IngestOptions } from './ingest-document.ts';
import type { DocumentText } from './read-document.ts';
import { createPdfPool } from './pdf/pdf-pool.ts';


/** PDFs a pool thread may have queued or in reading ahead of the one whose rows are taken. */
const PDF_WINDOW_PER_THREAD = 2;

/** Append every row of `rows` to `into` (a spread of a long array would overflow the stack). */
function append<T>(into: T[], rows: readonly T[]): void {
  for (const r of rows) into.push(r);
}

type IngestTables = { [K in (typeof INGEST_OUTPUTS)[number]]: RowOfTable<K>[] };

export async function ingestAll(ctx: StageContext<never>): Promise<IngestTables> {
  const out: IngestTables = { documents: [], paragraphs: [], headings: [], footnotes: [], toc: [], paragraph_items: [], blocks: [] };
  const stateNames = loadStateNames(join(ctx.dataDir, 'raw', 'country-codes.csv'));
  const failures: AtlasError[] = [];
  const manifest = readSeedManifest(ctx.seedsDir);
  const pool = createPdfPool();
  const opts: IngestOptions = { seedsDir: ctx.seedsDir, stateNames, readPdf: pool.read };
  const t0 = performance.now();
  // PDFs are handed to the pool ahead of their turn, to be read on every core while this thread
  // parses the texts; rows are still taken in manifest order. At most PDF_WINDOW_PER_THREAD PDFs a
  // thread are in flight, so a corpus of many PDFs is not held in memory at once (nor is a text:
  // it is read when its turn comes).
  const ahead: (Promise<DocumentText> | null)[] = manifest.map(() => null);
  const pdfs = manifest.flatMap((d, i) => (/\.pdf$/i.test(d.file) ? [i] : []));
  let started = 0;
  let passed = 0;
  /** Hand the pool the PDFs from manifest position i on, up to the window (the one at i included). */
  const startPdfsFrom = (i: number) => {
    while (passed < pdfs.length && pdfs[passed] < i) passed++;
    for (; started < pdfs.length && started < passed + pool.threads * PDF_WINDOW_PER_THREAD; started++) {
      const k = pdfs[started];
      const p = readListedDocument(manifest[k], opts);
      p.catch(() => {}); // a rejection is taken in its turn below
      ahead[k] = p;
    }
  };
  let pages = 0;
  let readMs = 0;
  try {
    for (const [i, d] of manifest.entries()) {
      startPdfsFrom(i);
      let r;
      try {
        const doc = await (ahead[i] ?? readListedDocument(d, opts));
        ahead[i] = null;
        r = parseListedDocument(d, doc, opts);
      } catch (e) {
        if (!(e instanceof AtlasError)) throw e;
        failures.push(e);
        continue;
      }
      const t = r.tables;
      out.documents.push({
        doc_id: d.doc_id, symbol: d.symbol, title: d.title, date: d.date, body: d.body,
        language: d.language, source_file: d.file, sha256: d.sha256, n_paragraphs: t.paragraphs.length,
        pages: r.pages, profile: r.profile,
      });
      append(out.paragraphs, t.paragraphs);
      append(out.headings, t.headings);
      append(out.footnotes, t.footnotes);
      append(out.toc, t.toc);
      append(out.paragraph_items, t.items);
      append(out.blocks, t.blocks);
      pages += r.pages ?? 0;
      readMs += r.readMs;
      ctx.log.info(`  ${d.file.padEnd(24)} ${d.symbol.padEnd(22)} ${String(r.pages ?? '-').padStart(4)} pages ${String(t.paragraphs.length).padStart(5)} paragraphs `
        + `${String(t.footnotes.length).padStart(4)} footnotes ${String(t.items.length).padStart(4)} items  read ${r.readMs.toFixed(0)} ms, parse ${r.parseMs.toFixed(0)} ms`);
    }
  } finally {
    await Promise.allSettled(ahead.filter((p) => p !== null));
    await pool.close();
  }
  if (pages > 0) {
    // per core: the reading time summed over the documents; wall: the whole stage so far, PDFs read side by side
    ctx.log.info(`  PDF pages read: ${pages} in ${(readMs / 1000).toFixed(2)} s (${(pages / (readMs / 1000)).toFixed(0)} pages/s)`
      + ` per core; ${((performance.now() - t0) / 1000).toFixed(2)} s wall for every document on ${pool.threads} threads`);
  }
  if (failures.length > 0) {
    const list = failures.map((e, i) => `  ${i + 1}. ${e.message.replace(/\n/g, '\n     ')}`).join('\n');
    throw new AtlasError(`${failures.length} of ${manifest.length} documents cannot be read, so nothing was built:\n${list}`, {
      stage: 'ingest-report', hint: 'fix or remove each document listed above (pipelines/add.ts checks a document before listing it), then build again',
    });
  }
  return out;
}
