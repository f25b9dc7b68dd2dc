/** The registry layer's stages, in order: load the curated registry, then check its citations against the documents. */
import { loadRegistryStage } from './load-registry.stage.ts';
import { checkCitationsStage } from './check-citations.stage.ts';

export const REGISTRY_STAGES = [loadRegistryStage, checkCitationsStage] as const;
