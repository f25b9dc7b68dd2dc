/**
 * The pipeline, in order: ingest the report, load the registry, resolve what
 * the text says about whom, compute the coverage tables in SQL, draw the charts.
 */
import type { Stage } from './stages/stage.ts';
import { ingestReport } from './stages/ingest-report.ts';

export const PIPELINE: readonly Stage[] = [
  ingestReport,
];
