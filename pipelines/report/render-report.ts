/**
 * The render-charts stage's work: read what the charts and the briefing show,
 * render the charts (reusing unchanged ones from the previous build) and write
 * the briefing in its four forms. render-charts.stage.ts declares the stage and imports
 * this only when the stage runs.
 *
 * The longest chain is the PDF: the briefing's charts laid out, its HTML, Chromium printing it.
 * So Chromium starts (as does the chart thread, when every chart will be drawn) as the build
 * starts (render-charts.stage.ts warmUp); the specs of the charts a briefing can show are built
 * first and each goes to the thread as soon as it is; the briefing's model (it needs only the
 * charts' titles) is made while the thread lays them out; and Chromium prints while the other
 * charts are laid out and every PNG is rasterised.
 */
import type { StageContext } from '../core/stage.ts';
import { RENDER_INPUTS } from './chart-tables.ts';
import { CHART_NAMES } from './charts/index.ts';
import { corpusName, symbolsById } from '../text/corpus-name.ts';
import { readReportInputs } from './read-report-inputs.ts';
import { startCharts, type ChartSvg } from './render-charts.ts';
import type { ChartThread } from './render/chart-thread.ts';
import { specDescription, specTitle } from './render/spec-text.ts';
import { KIND_CHART, briefingModel } from './briefing/model.ts';
import { briefingChartNames, finishBriefing, startBriefing, type StartedBriefing } from './write-briefing.ts';
import { CHROMIUM, type Printer } from './briefing/print-pdf.ts';

/** What the stage started ahead (render-charts.stage.ts warmUp); the runner closes it. */
export interface ReportStarts {
  /** The chart thread, started when every chart will be drawn (else the charts start one if a chart is stale). */
  thread?: ChartThread;
  /** Chromium where it is installed: launched on the first call, or already (a failed launch is reported by finishBriefing). */
  printer?: () => Promise<Printer>;
}

/** Render the charts and the briefing, with the chart thread and the printer started ahead. */
export async function renderReport(ctx: StageContext<'few_mechanisms_max'>, { thread, printer }: ReportStarts): Promise<void> {
  // Chromium prints the PDF; where it is not installed the other three forms are still written, and the log says so.
  const pdf = printer !== undefined;
  if (!pdf) ctx.log.warn(`briefing.pdf not written: no Chromium at ${CHROMIUM} (apt-get install -y chromium-headless-shell, or set ATLAS_CHROMIUM)`);
  let started: Promise<StartedBriefing> | undefined;
  try {
    const t = await readReportInputs(ctx.db, RENDER_INPUTS);
    const docSymbol = corpusName(t.documents.map((d) => d.symbol));
    // each chart's SVG, as soon as it is known
    const svgs = new Map<string, { known: Promise<ChartSvg>; tell(svg: ChartSvg): void }>();
    const svgOf = (name: string) => {
      if (!svgs.has(name)) {
        let tell!: (svg: ChartSvg) => void;
        const known = new Promise<ChartSvg>((resolve) => { tell = resolve; });
        svgs.set(name, { known, tell });
      }
      return svgs.get(name)!;
    };
    const charts = startCharts(t, {
      write: ctx.write, docSymbol, documents: symbolsById(t.documents), fewMechanismsMax: ctx.params.few_mechanisms_max,
      previousDir: ctx.previousDir, first: Object.values(KIND_CHART), ...(thread ? { thread } : {}),
      onSvg: (svg) => svgOf(svg.name).tell(svg),
    });
    charts.done.catch(() => undefined); // awaited below
    // made while the thread lays the briefing's charts out
    const doc = briefingModel(t, {
      corpus: docSymbol,
      charts: CHART_NAMES.map((name) => ({ name, title: specTitle(charts.specs[name]), description: specDescription(charts.specs[name]) })),
    });
    // the HTML and PDF as soon as the charts the briefing shows are laid out (a failed chart stops the wait)
    const shown = Promise.all(briefingChartNames(doc).map((name) => svgOf(name).known));
    started = startBriefing(doc, { write: ctx.write, pdf, printer, charts: await Promise.race([shown, charts.done.then(() => shown)]) });
    started.catch(() => undefined); // awaited below, once the charts are written
    const rendered = await charts.done;
    if (rendered.reused.length) ctx.log.info(`render-charts: ${rendered.reused.length} of ${rendered.charts.length} charts unchanged, reused`);
    await finishBriefing(await started, { write: ctx.write, charts: rendered.charts });
  } finally {
    // a print started early ends before Chromium is closed
    await started?.then((s) => s.pdf).catch(() => undefined);
  }
}
