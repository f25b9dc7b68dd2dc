/** The ingest layer's stages: the documents of the seeds manifest, and the national indicator files. */
import { ingestReport } from './ingest-report.ts';
import { loadIndicatorsStage } from './load-indicators.ts';

export const INGEST_STAGES = [ingestReport, loadIndicatorsStage] as const;
