/**
 * Stage write-explorer: the one-page explorer (explorer/index.html); its rendering modules load
 * only when it runs. The page holds the first documents only (explorerSlice), so the stage reads
 * their rows, not whole tables.
 */
import { defineStage } from '../core/stage.ts';
import { corpusName, symbolsById } from '../text/corpus-name.ts';

const EXPLORER_INPUTS = ['documents', 'paragraphs', 'headings', 'mentions', 'evidence', 'mechanisms', 'themes',
  'coverage_mechanism_theme', 'coverage_region_theme'] as const;

export const writeExplorerStage = defineStage({
  name: 'write-explorer',
  module: import.meta.url,
  inputs: EXPLORER_INPUTS,
  outputs: ['files:explorer'],
  readsOwnInputs: true,
  run: async (_t, ctx) => {
    const { writeExplorer } = await import('./write-explorer.ts');
    const { readExplorerInputs } = await import('./explorer/read-explorer-inputs.ts');
    const t = await readExplorerInputs(ctx.db, EXPLORER_INPUTS);
    const docSymbol = corpusName(t.documents.map((d) => d.symbol));
    await writeExplorer(t, { write: ctx.write, docSymbol, documents: symbolsById(t.documents) });
    return {};
  },
});
