/**
 * The resolve layer's stages, in order: what the text says about whom. Mentions first, then the
 * claims made of them, then what the claims and paragraphs add up to.
 */
import { findDocumentCitationsStage } from './find-document-citations.stage.ts';
import { resolveMentionsStage } from './resolve-mentions.stage.ts';
import { extractClaimsStage } from './extract-claims.stage.ts';
import { collectDataRequestsStage } from './collect-data-requests.stage.ts';
import { collectDataInitiativesStage } from './collect-data-initiatives.stage.ts';
import { matchCuesStage } from './match-cues.stage.ts';
import { matchAsksStage } from './match-asks.stage.ts';

export const RESOLVE_STAGES = [
  findDocumentCitationsStage,
  resolveMentionsStage,
  extractClaimsStage,
  collectDataRequestsStage,
  collectDataInitiativesStage,
  matchCuesStage,
  matchAsksStage,
] as const;
