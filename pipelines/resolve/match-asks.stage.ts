/** Stage match-asks: recommendations by their asks; an actor claim matching an ask's cue does what it asks. */
import { join } from 'node:path';
import { defineStage } from '../core/stage.ts';

export const matchAsksStage = defineStage({
  name: 'match-asks',
  module: import.meta.url,
  inputs: ['claim_spans', 'claim_theme_sets', 'paragraphs'],
  outputs: ['recommendation_asks', 'ask_claims'],
  sources: (d) => [join(d.dataDir, 'registry', 'recommendation_asks.yaml')],
  run: async (t, ctx) => {
    // loaded when the stage runs (the asks' loader brings zod), not when the pipeline is declared
    const { loadAsks } = await import('../registry/load-asks.ts');
    const { matchAsks } = await import('./match-asks.ts');
    const { actorClaims } = await import('./actor-claims.ts');
    const { asks, cues } = loadAsks(join(ctx.dataDir, 'registry', 'recommendation_asks.yaml'));
    return { recommendation_asks: asks, ask_claims: matchAsks(actorClaims(t.claim_spans, t.paragraphs, t.claim_theme_sets), cues) };
  },
});
