/** Stage match-cues: the registry's cues found in the actor claims' sentences. */
import { defineStage } from '../core/stage.ts';
import { actorClaims } from './actor-claims.ts';
import { matchCues } from './match-cues.ts';

export const matchCuesStage = defineStage({
  name: 'match-cues',
  module: import.meta.url,
  inputs: ['claim_spans', 'claim_theme_sets', 'paragraphs', 'cues'],
  outputs: ['passage_cues'],
  run: (t) => ({ passage_cues: matchCues(actorClaims(t.claim_spans, t.paragraphs, t.claim_theme_sets), t.cues) }),
});
