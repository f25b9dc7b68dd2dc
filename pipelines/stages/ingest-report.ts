/** Ingest: every document in the seeds manifest becomes documents, paragraphs, headings, footnotes and toc rows. */
import { stage, type Tables } from './stage.ts';
import { readSeedManifest, readVerifiedSeed } from '../lib/seed-manifest.ts';
import { decodeReport, parseReport } from './parse-report/index.ts';
import { join } from 'node:path';

export const ingestReport = stage('ingest-report', [], ['documents', 'paragraphs', 'headings', 'footnotes', 'toc'], (_in, ctx) => {
  const out: Tables = { documents: [], paragraphs: [], headings: [], footnotes: [], toc: [] };
  for (const d of readSeedManifest(ctx.seedsDir)) {
    const file = join(ctx.seedsDir, d.file);
    const text = decodeReport(readVerifiedSeed(ctx.seedsDir, d), file);
    const parsed = parseReport(text, { file, docId: d.doc_id });
    out.documents.push({
      doc_id: d.doc_id, symbol: d.symbol, title: d.title, date: d.date, body: d.body,
      language: d.language, source_file: d.file, sha256: d.sha256, n_paragraphs: parsed.paragraphs.length,
    });
    out.paragraphs.push(...parsed.paragraphs);
    out.headings.push(...parsed.headings);
    out.footnotes.push(...parsed.footnotes);
    out.toc.push(...parsed.toc);
  }
  return out;
}, {
  code: ['pipelines/stages/ingest-report.ts', 'pipelines/stages/parse-report'],
  sources: (d) => [d.seedsDir],
});
