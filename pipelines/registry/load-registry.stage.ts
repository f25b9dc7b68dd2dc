/** Stage load-registry: the curated registry (data/registry/*.yaml) and the country codes as catalog tables. */
import { join } from 'node:path';
import { defineStage } from '../core/stage.ts';

export const loadRegistryStage = defineStage({
  name: 'load-registry',
  module: import.meta.url,
  inputs: [],
  outputs: ['mechanisms', 'mechanism_references', 'reference_citations', 'instruments', 'mechanism_members', 'countries',
    'themes', 'cues', 'non_mechanisms'],
  sources: (d) => [join(d.dataDir, 'registry'), join(d.dataDir, 'raw', 'country-codes.csv')],
  // the registry's other content (associates, notes) is not a table: the runner stores the declared outputs only
  // the loaders (and zod) load only when the stage runs, so a no-change rebuild does not load them
  run: async (_in, ctx) => (await import('./load-registry.ts')).loadRegistry(join(ctx.dataDir, 'registry')),
});
