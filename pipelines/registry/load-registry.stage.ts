/** Stage load-registry: the curated registry (data/registry/*.yaml) and the country codes as catalog tables. */
import { join } from 'node:path';
import { defineStage } from '../core/stage.ts';
import { loadRegistry } from './load-registry.ts';

export const loadRegistryStage = defineStage({
  name: 'load-registry',
  module: import.meta.url,
  inputs: [],
  outputs: ['mechanisms', 'mechanism_references', 'reference_citations', 'instruments', 'mechanism_members', 'countries',
    'themes', 'cues', 'non_mechanisms'],
  sources: (d) => [join(d.dataDir, 'registry'), join(d.dataDir, 'raw', 'country-codes.csv')],
  // the registry's other content (associates, notes) is not a table: the runner stores the declared outputs only
  run: (_in, ctx) => loadRegistry(join(ctx.dataDir, 'registry')),
});
