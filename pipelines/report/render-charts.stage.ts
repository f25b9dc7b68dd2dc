/**
 * Stage render-charts: the charts, then the briefing that shows them (HTML, Markdown, Word and,
 * where Chromium is installed, PDF). Its modules are imported only when the stage runs (the
 * build cache still reads those imports), and vega, vega-lite and resvg only in the chart thread
 * (render/chart-thread.ts). The stage reads its own inputs: of the two big tables it needs only
 * the rows the briefing quotes.
 */
import { defineStage } from '../core/stage.ts';
import { RENDER_INPUTS } from './chart-tables.ts';

export const renderChartsStage = defineStage({
  name: 'render-charts',
  module: import.meta.url,
  inputs: RENDER_INPUTS,
  outputs: ['files:charts', 'files:briefing'],
  params: ['few_mechanisms_max'],
  readsOwnInputs: true,
  run: async (_t, ctx) => {
    // With no chart to reuse (no previous build, or --force) every chart is drawn: the chart thread
    // starts first, loading vega while this thread loads the rest and reads the tables. Otherwise
    // the charts start one only if a chart is stale.
    const [{ readRenderKeys }, { startChartThread }] = await Promise.all([import('./render/chart-keys.ts'), import('./render/chart-thread.ts')]);
    const thread = Object.keys(readRenderKeys(ctx.previousDir)).length === 0 ? startChartThread() : undefined;
    try {
      const { renderReport } = await import('./render-report.ts');
      await renderReport(ctx, thread);
    } finally {
      await thread?.close();
    }
    return {};
  },
});
