/**
 * Stage ingest-report: every document of the seeds manifest (PDF or text) as documents,
 * paragraphs, headings, footnotes, toc, paragraph_items and blocks rows (ingest-report.ts).
 * Its modules load only when it runs, so a no-change rebuild does not load them.
 */
import { join } from 'node:path';
import { defineStage } from '../core/stage.ts';
import { INGEST_OUTPUTS } from './ingest-tables.ts';

export const ingestReport = defineStage({
  name: 'ingest-report',
  module: import.meta.url,
  inputs: [],
  outputs: INGEST_OUTPUTS,
  sources: (d) => [d.seedsDir, join(d.dataDir, 'raw', 'country-codes.csv')],
  run: async (_in, ctx) => (await import('./ingest-report.ts')).ingestAll(ctx),
});
