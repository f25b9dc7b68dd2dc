/** Stage collect-data-initiatives: the data collection the documents report, by the cues of data/registry/data_collection.yaml. */
import { join } from 'node:path';
import { defineStage } from '../core/stage.ts';

export const collectDataInitiativesStage = defineStage({
  name: 'collect-data-initiatives',
  module: import.meta.url,
  inputs: ['paragraphs', 'claim_spans'],
  outputs: ['data_collection_initiatives'],
  sources: (d) => [join(d.dataDir, 'registry', 'data_collection.yaml')],
  run: async (t, ctx) => {
    // loaded when the stage runs (the cues' loader brings yaml), not when the pipeline is declared
    const [{ loadDataCollectionCues }, { collectDataInitiatives }] = await Promise.all([
      import('../registry/load-data-collection-cues.ts'), import('./collect-data-initiatives.ts')]);
    return {
      data_collection_initiatives: collectDataInitiatives(t.paragraphs, t.claim_spans,
        loadDataCollectionCues(join(ctx.dataDir, 'registry', 'data_collection.yaml'))),
    };
  },
});
