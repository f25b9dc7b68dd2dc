/**
 * Stage write-briefing: the data-gap findings as a briefing in four forms made
 * from one document model (pipelines/report/briefing/model.ts):
 *   briefing/briefing.html  self-contained (inline SVG charts and styles, no links out)
 *   briefing/briefing.pdf   that HTML printed by Chromium on A4 with page numbers
 *   briefing/briefing.docx  Word, charts as PNG
 *   briefing/briefing.md    Markdown, charts as ../charts/<name>.png
 */
import { type BriefingChart, type BriefingDoc, type BriefingOptions, type BriefingTables, briefingModel } from './briefing/model.ts';
import { renderHtml } from './briefing/render-html.ts';
import { renderMarkdown } from './briefing/render-markdown.ts';
import { renderDocx } from './briefing/render-docx.ts';
import { printPdf, type Printer } from './briefing/print-pdf.ts';
import type { WriteFn } from './render-charts.ts';

export { KIND_CHART, KIND_HEADING, type DataGapRow } from './briefing/model.ts';

/** A rendered chart as the briefing uses it: SVG for the HTML, PNG (2×) for Word. */
export interface RenderedBriefingChart extends BriefingChart {
  svg: string;
  png: Uint8Array;
  /** CSS px (the PNG is twice that). */
  width: number;
  height: number;
}

export interface WriteBriefingOptions extends Omit<BriefingOptions, 'charts'> {
  write: WriteFn;
  charts: readonly RenderedBriefingChart[];
  /** Skip the PDF (no Chromium): for tests of the other forms only. */
  pdf?: boolean;
  /** Chromium (launchPrinter), launched on the first call or already; printPdf closes it once it has printed, the caller if it never does. */
  printer?: () => Promise<Printer>;
}

export const BRIEFING_FILES = ['briefing/briefing.html', 'briefing/briefing.pdf', 'briefing/briefing.docx', 'briefing/briefing.md'] as const;

/** The briefing with its HTML written and its PDF printing: what needs only the charts' SVGs. */
export interface StartedBriefing { doc: BriefingDoc; html: string; pdf: Promise<Uint8Array | undefined>; files: string[] }

/** The charts the briefing shows, in the order it shows them: the only SVGs its HTML and PDF need. */
export function briefingChartNames(doc: BriefingDoc): string[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart.name] : [])));
}

/**
 * Write the HTML and start printing the PDF (Chromium prints in its own process). Charts need
 * only their SVGs here, so the render stage starts this before their PNGs (and before the charts
 * the briefing does not show) are ready.
 */
export async function startBriefing(
  doc: BriefingDoc, opts: Pick<WriteBriefingOptions, 'write' | 'pdf' | 'printer'> & { charts: readonly Omit<RenderedBriefingChart, 'png'>[] },
): Promise<StartedBriefing> {
  const byName = new Map(opts.charts.map((c) => [c.name, c]));
  const html = renderHtml(doc, byName);
  await opts.write('briefing/briefing.html', html);
  const pdf = opts.pdf === false ? Promise.resolve(undefined)
    : (async () => printPdf(html, { footer: `${doc.title} · build ${doc.buildId}`, date: doc.date }, opts.printer ? await opts.printer() : undefined))();
  pdf.catch(() => undefined); // reported by finishBriefing, once the Word file has settled
  return { doc, html, pdf, files: ['briefing/briefing.html'] };
}

/** The Word file (charts as PNG), the PDF once printed and the Markdown; returns the model and the paths written. */
export async function finishBriefing(started: StartedBriefing, opts: Pick<WriteBriefingOptions, 'write' | 'charts'>): Promise<{ doc: BriefingDoc; files: string[] }> {
  const { doc } = started;
  const files = [...started.files];
  const put = async (path: string, data: string | Uint8Array) => { await opts.write(path, data); files.push(path); };
  // Word gets the 2× PNG drawn at the chart's CSS size.
  const png = new Map(opts.charts.map((c) => [c.name, { png: c.png, width: c.width, height: c.height }]));
  const docx = renderDocx(doc, png);
  // A failure of either is reported once the other has settled (no unhandled rejection).
  const [printed, word] = await Promise.allSettled([started.pdf, docx]);
  if (printed.status === 'rejected') throw printed.reason;
  if (word.status === 'rejected') throw word.reason;
  if (printed.value) await put('briefing/briefing.pdf', printed.value);
  await put('briefing/briefing.docx', word.value);
  await put('briefing/briefing.md', renderMarkdown(doc));
  return { doc, files };
}

/** Build the model and write every form; returns the model and the paths written. */
export async function writeBriefing(tables: BriefingTables, opts: WriteBriefingOptions): Promise<{ doc: BriefingDoc; files: string[] }> {
  const doc = briefingModel(tables, { corpus: opts.corpus, date: opts.date, charts: opts.charts });
  return finishBriefing(await startBriefing(doc, opts), opts);
}
