/**
 * The render-charts stage's work: read what the charts and the briefing show,
 * render the charts (reusing unchanged ones from the previous build) and write
 * the briefing in its four forms. render-charts.stage.ts declares the stage and imports
 * this only when the stage runs, since rendering loads vega, vega-lite and resvg.
 */
import type { StageContext } from '../core/stage.ts';
import { RENDER_INPUTS } from './chart-tables.ts';
import { corpusName, symbolsById } from '../text/corpus-name.ts';
import { readReportInputs } from './read-report-inputs.ts';
import { renderCharts } from './render-charts.ts';
import { finishBriefing, startBriefing, type StartedBriefing } from './write-briefing.ts';
import { CHROMIUM, chromiumAvailable, launchPrinter } from './briefing/print-pdf.ts';

export async function renderReport(ctx: StageContext<'few_mechanisms_max'>): Promise<void> {
  const t = await readReportInputs(ctx.db, RENDER_INPUTS);
  const documents = t.documents;
  const docSymbol = corpusName(documents.map((d) => d.symbol));
  // Chromium prints the PDF; where it is not installed the other three forms are still written, and the log says so.
  const pdf = chromiumAvailable();
  if (!pdf) ctx.log.warn(`briefing.pdf not written: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set ATLAS_CHROMIUM)`);
  // Started now, so that Chromium's start-up overlaps the charts.
  const printer = pdf ? launchPrinter() : undefined;
  // Handled here so a failed start is not an unhandled rejection while the charts render; finishBriefing reports it.
  printer?.catch(() => undefined);
  // The HTML and the PDF need only the charts' SVGs: started as soon as every chart is laid out,
  // so Chromium prints while resvg still rasterises the PNGs (the Word file waits for those).
  let started: Promise<StartedBriefing> | undefined;
  const briefing = { write: ctx.write, corpus: docSymbol, pdf, printer };
  try {
    const charts = await renderCharts(t, {
      write: ctx.write, docSymbol, documents: symbolsById(documents), fewMechanismsMax: ctx.params.few_mechanisms_max,
      previousDir: ctx.previousDir,
      onSvgs: (svgs) => { started = startBriefing(t, { ...briefing, charts: svgs }); started.catch(() => undefined); },
    });
    if (charts.reused.length) ctx.log.info(`render-charts: ${charts.reused.length} of ${charts.charts.length} charts unchanged, reused`);
    await finishBriefing(await (started ?? startBriefing(t, { ...briefing, charts: charts.charts })), { write: ctx.write, charts: charts.charts });
  } finally {
    // a print started early ends before Chromium is closed
    await started?.then((s) => s.pdf).catch(() => undefined);
    await printer?.then((b) => b.close(), () => undefined);
  }
}
