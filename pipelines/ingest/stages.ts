/** The ingest layer's stages: the documents of the seeds manifest, and the national indicator files. */
import { ingestReport } from './ingest-report.stage.ts';
import { loadIndicatorsStage } from './load-indicators.stage.ts';

export const INGEST_STAGES = [ingestReport, loadIndicatorsStage] as const;
