/**
 * Stage render-charts: the charts, then the briefing that shows them (HTML, Markdown, Word and,
 * where Chromium is installed, PDF). Its modules are imported only when the stage runs (the
 * build cache still reads those imports), and vega, vega-lite and resvg only in the chart thread
 * (render/chart-thread.ts). The stage reads its own inputs: of the two big tables it needs only
 * the rows the briefing quotes.
 *
 * What is slow to start starts as the build starts (warmUp), on a core the stages before leave
 * idle: Chromium, which prints the PDF, and, when every chart will be drawn (no previous build, or
 * --force), the chart thread, which loads vega. Otherwise the charts start a thread only if a chart
 * is stale (render-charts.ts).
 *
 * Chromium starts ahead only for sources of up to EARLY_PRINTER_MAX_BYTES: there the build takes
 * seconds, and the early start saves about half a second of it. A larger corpus builds for a
 * minute or more, and reached its peak memory with Chromium idle in it (1,000 documents: the
 * build's process 1.9 GB, Chromium's processes 0.5 GB more, from the build's start until the PDF
 * was printed); then Chromium starts when the briefing is to be printed.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../core/io.ts';
import { defineStage, type WarmStart } from '../core/stage.ts';
import { RENDER_INPUTS } from './chart-tables.ts';
import type { Printer } from './briefing/print-pdf.ts';
import type { ReportStarts } from './render-report.ts';

/** Bytes of source documents (the seeds folder) up to which Chromium starts as the build starts. */
export const EARLY_PRINTER_MAX_BYTES = 5_000_000;

/**
 * Bytes of the files under the seeds folder; a folder that cannot be read counts as larger than any
 * limit (the ingest stage reports what is wrong with it).
 */
export function sourceBytes(seedsDir: string): number {
  try {
    return listFiles(seedsDir).reduce((sum, f) => sum + statSync(join(seedsDir, f)).size, 0);
  } catch {
    return Infinity;
  }
}

export const renderChartsStage = defineStage({
  name: 'render-charts',
  module: import.meta.url,
  inputs: RENDER_INPUTS,
  outputs: ['files:charts', 'files:briefing'],
  params: ['few_mechanisms_max'],
  readsOwnInputs: true,
  warmUp: async (ctx): Promise<ReportStarts & WarmStart> => {
    const [{ readRenderKeys }, { startChartThread }, { chromiumAvailable, launchPrinter }] = await Promise.all([
      import('./render/chart-keys.ts'), import('./render/chart-thread.ts'), import('./briefing/print-pdf.ts')]);
    // what can throw is done before anything is started: a warm-up that fails returns nothing to close
    const early = sourceBytes(ctx.seedsDir) <= EARLY_PRINTER_MAX_BYTES;
    const thread = Object.keys(readRenderKeys(ctx.previousDir)).length === 0 ? startChartThread() : undefined;
    let launched: Promise<Printer> | undefined;
    const printer = chromiumAvailable() ? () => (launched ??= launchPrinter()) : undefined;
    // a failed launch is reported by the briefing, which awaits it
    if (printer && early) printer().catch(() => undefined);
    return {
      thread, printer,
      close: async () => { await Promise.all([thread?.close(), launched?.then((b) => b.close(), () => undefined)]); },
    };
  },
  run: async (_t, ctx) => {
    const { renderReport } = await import('./render-report.ts');
    await renderReport(ctx, ctx.warm ?? {});
    return {};
  },
});
