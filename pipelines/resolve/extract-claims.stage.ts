/**
 * Stage extract-claims: the claims model, the role and themes of every mention. Redress, men and
 * boys and data collection take their cues from the tables that define those measures, so a theme
 * and its table agree.
 */
import { join } from 'node:path';
import { defineStage } from '../core/stage.ts';

export const extractClaimsStage = defineStage({
  name: 'extract-claims',
  module: import.meta.url,
  inputs: ['paragraphs', 'mentions', 'themes', 'cues'],
  outputs: ['claim_spans', 'claim_theme_sets'],
  sources: (d) => [join(d.dataDir, 'registry', 'claims.yaml'), join(d.dataDir, 'registry', 'data_collection.yaml')],
  run: async (t, ctx) => {
    // loaded when the stage runs (the rules' loader brings zod), not when the pipeline is declared
    const { loadClaimModel } = await import('../registry/load-claim-rules.ts');
    const { claimTables } = await import('./extract-claims.ts');
    const model = loadClaimModel(join(ctx.dataDir, 'registry'), t.themes, t.cues);
    return claimTables(t.paragraphs, t.mentions, model);
  },
});
