/**
 * The pipeline, in order (Kedro-style nodes: a pure function, named inputs,
 * named outputs), composed from each layer's own stage list: ingest the
 * documents and the indicator data, load the registry and check its citations,
 * resolve what the text says about whom, compute the tables in SQL, and report
 * (charts, briefing, explorer, workbook). Each stage is declared with
 * defineStage (core/stage.ts) in its layer; this file only composes the lists,
 * so no stage's result depends on it.
 */
import type { Stage } from './core/stage.ts';
import { INGEST_STAGES } from './ingest/stages.ts';
import { REGISTRY_STAGES } from './registry/stages.ts';
import { RESOLVE_STAGES } from './resolve/stages.ts';
import { TRANSFORM_STAGES } from './transform/stages.ts';
import { reportStages } from './report/stages.ts';

const UPSTREAM: readonly Stage[] = [...INGEST_STAGES, ...REGISTRY_STAGES, ...RESOLVE_STAGES, ...TRANSFORM_STAGES];

export const PIPELINE: readonly Stage[] = [...UPSTREAM, ...reportStages(UPSTREAM)];
