/**
 * Stage render-charts: the charts, then the briefing that shows them (HTML, Markdown, Word and,
 * where Chromium is installed, PDF). Rendering loads vega, vega-lite and resvg, so its modules
 * are imported only when the stage runs (the build cache still reads those imports). The stage
 * reads its own inputs: of the two big tables it needs only the rows the briefing quotes.
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
    const { renderReport } = await import('./render-report.ts');
    await renderReport(ctx);
    return {};
  },
});
