/** What the notebooks import: `import { openAtlas, showChart, cite, show } from './lib/index.ts'`. */
export * from './atlas.ts';
export { showMarkdown, displayBundle, tableBundle, rowsBundle, inJupyter, escapeMarkdown } from './display.ts';
export { chartBundle, renderSvg, vegaLiteMime, VEGALITE_MIME } from './charts.ts';
export type { VegaLiteSpec, ChartBundle } from './charts.ts';
