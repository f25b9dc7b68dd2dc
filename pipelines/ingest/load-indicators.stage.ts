/**
 * Stage load-indicators: the national indicator files (data/raw/indicators), checked against
 * their manifest. The loader (and zod) load only when the stage runs.
 */
import { join } from 'node:path';
import { defineStage } from '../core/stage.ts';

/** Folder of the indicator files under the data folder. */
export const indicatorsDir = (dataDir: string) => join(dataDir, 'raw', 'indicators');

export const loadIndicatorsStage = defineStage({
  name: 'load-indicators',
  module: import.meta.url,
  inputs: [],
  outputs: ['raw_tip_tiers', 'raw_policy_index'],
  sources: (d) => [indicatorsDir(d.dataDir)],
  run: async (_in, ctx) => (await import('./load-indicators.ts')).loadIndicators(indicatorsDir(ctx.dataDir)),
});
