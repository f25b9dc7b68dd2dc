/**
 * Stage render-charts: the charts, then the briefing that shows them (HTML, Markdown, Word and,
 * where Chromium is installed, PDF). Rendering loads vega, vega-lite and resvg, so its modules
 * are imported only when the stage runs (the build cache still reads those imports).
 */
import { defineStage } from '../core/stage.ts';
import { corpusName, symbolsById } from '../text/corpus-name.ts';
import { CHART_INPUTS } from './chart-tables.ts';

export const renderChartsStage = defineStage({
  name: 'render-charts',
  module: import.meta.url,
  inputs: [...CHART_INPUTS, 'data_gaps', 'documents', 'evidence', 'paragraphs', 'headings', 'mechanism_references'],
  outputs: ['files:charts', 'files:briefing'],
  params: ['few_mechanisms_max'],
  run: async (t, ctx) => {
    const { renderCharts } = await import('./render-charts.ts');
    const { writeBriefing } = await import('./write-briefing.ts');
    const { CHROMIUM, chromiumAvailable } = await import('./briefing/print-pdf.ts');
    const docSymbol = corpusName(t.documents.map((d) => d.symbol));
    const documents = symbolsById(t.documents);
    const charts = await renderCharts(t, { write: ctx.write, docSymbol, documents, fewMechanismsMax: ctx.params.few_mechanisms_max });
    // Chromium prints the PDF; where it is not installed the other three forms are still written, and the log says so.
    const pdf = chromiumAvailable();
    if (!pdf) ctx.log.warn(`briefing.pdf not written: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set ATLAS_CHROMIUM)`);
    await writeBriefing(t, { write: ctx.write, corpus: docSymbol, charts: charts.charts, pdf });
    return {};
  },
});
