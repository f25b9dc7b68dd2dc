/** Stage match-cues: the registry's cues found in the claims' sentences. */
import { defineStage } from '../core/stage.ts';
import { matchCues } from './match-cues.ts';

export const matchCuesStage = defineStage({
  name: 'match-cues',
  module: import.meta.url,
  inputs: ['claims', 'cues'],
  outputs: ['passage_cues'],
  run: (t) => ({ passage_cues: matchCues(t.claims, t.cues) }),
});
