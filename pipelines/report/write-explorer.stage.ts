/** Stage write-explorer: the one-page explorer (explorer/index.html); its rendering modules load only when it runs. */
import { defineStage } from '../core/stage.ts';
import { corpusName, symbolsById } from '../text/corpus-name.ts';

export const writeExplorerStage = defineStage({
  name: 'write-explorer',
  module: import.meta.url,
  inputs: ['documents', 'paragraphs', 'headings', 'mentions', 'evidence', 'mechanisms', 'themes',
    'coverage_mechanism_theme', 'coverage_region_theme'],
  outputs: ['files:explorer'],
  run: async (t, ctx) => {
    const { writeExplorer } = await import('./write-explorer.ts');
    const docSymbol = corpusName(t.documents.map((d) => d.symbol));
    await writeExplorer(t, { write: ctx.write, docSymbol, documents: symbolsById(t.documents) });
    return {};
  },
});
