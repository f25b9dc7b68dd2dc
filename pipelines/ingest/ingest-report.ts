/**
 * Ingest: every document in the seeds manifest (PDF or text) becomes
 * documents, paragraphs, headings, footnotes, toc, paragraph_items and blocks
 * rows. Every document is read even when an earlier one fails, so a build
 * reports all bad documents at once, then stops before anything is published.
 */
import { join } from 'node:path';
import { defineStage, type StageContext } from '../core/stage.ts';
import type { RowOfTable } from '../catalog/rows.ts';
import { readSeedManifest } from './seed-manifest.ts';
import { AtlasError } from '../core/errors.ts';
import { loadStateNames } from './state-names.ts';
import { ingestDocument } from './ingest-document.ts';

const OUTPUTS = ['documents', 'paragraphs', 'headings', 'footnotes', 'toc', 'paragraph_items', 'blocks'] as const;

type IngestTables = { [K in (typeof OUTPUTS)[number]]: RowOfTable<K>[] };

async function ingestAll(ctx: StageContext<never>): Promise<IngestTables> {
  const out: IngestTables = { documents: [], paragraphs: [], headings: [], footnotes: [], toc: [], paragraph_items: [], blocks: [] };
  const stateNames = loadStateNames(join(ctx.dataDir, 'raw', 'country-codes.csv'));
  const failures: AtlasError[] = [];
  const manifest = readSeedManifest(ctx.seedsDir);
  let pages = 0;
  let readMs = 0;
  for (const d of manifest) {
    let r;
    try {
      r = await ingestDocument(d, { seedsDir: ctx.seedsDir, stateNames });
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
    out.paragraphs.push(...t.paragraphs);
    out.headings.push(...t.headings);
    out.footnotes.push(...t.footnotes);
    out.toc.push(...t.toc);
    out.paragraph_items.push(...t.items);
    out.blocks.push(...t.blocks);
    pages += r.pages ?? 0;
    readMs += r.readMs;
    ctx.log.info(`  ${d.file.padEnd(24)} ${d.symbol.padEnd(22)} ${String(r.pages ?? '-').padStart(4)} pages ${String(t.paragraphs.length).padStart(5)} paragraphs `
      + `${String(t.footnotes.length).padStart(4)} footnotes ${String(t.items.length).padStart(4)} items  read ${r.readMs.toFixed(0)} ms, parse ${r.parseMs.toFixed(0)} ms`);
  }
  if (pages > 0) ctx.log.info(`  PDF pages read: ${pages} in ${(readMs / 1000).toFixed(2)} s (${(pages / (readMs / 1000)).toFixed(0)} pages/s)`);
  if (failures.length > 0) {
    const list = failures.map((e, i) => `  ${i + 1}. ${e.message.replace(/\n/g, '\n     ')}`).join('\n');
    throw new AtlasError(`${failures.length} of ${manifest.length} documents cannot be read, so nothing was built:\n${list}`, {
      stage: 'ingest-report', hint: 'fix or remove each document listed above (pipelines/add.ts checks a document before listing it), then build again',
    });
  }
  return out;
}

export const ingestReport = defineStage({
  name: 'ingest-report',
  module: import.meta.url,
  inputs: [],
  outputs: OUTPUTS,
  sources: (d) => [d.seedsDir, join(d.dataDir, 'raw', 'country-codes.csv')],
  run: (_in, ctx) => ingestAll(ctx),
});
