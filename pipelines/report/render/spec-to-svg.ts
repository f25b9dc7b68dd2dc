/**
 * A Vega-Lite spec → SVG, laid out with the DejaVu advance widths.
 *
 * vega measures text through one process-wide object (vega-scenegraph's
 * textMetrics). Its width function is swapped for the DejaVu one only while a
 * chart is laid out here, and put back after, so importing this module changes
 * nothing for other users of vega in the process.
 */
import { performance } from 'node:perf_hooks';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { AtlasError } from '../../core/errors.ts';
import { compileSpec } from './compile-spec.ts';
import { measureText, type TextItem } from './fonts.ts';
import { escapeHtml } from './html-escape.ts';
import { specDescription, specTitle } from './spec-text.ts';

type WidthFn = (item: TextItem, text: unknown) => number;
// vega re-exports vega-scenegraph's textMetrics, but its typings omit it.
const textMetrics = (vega as unknown as { textMetrics: { width: WidthFn } }).textMetrics;
let layouts = 0;
let vegaWidth: WidthFn | undefined;

/** Run fn with vega measuring text in DejaVu; the original measure is restored when no layout is running. */
export async function withDejaVuMetrics<T>(fn: () => Promise<T>): Promise<T> {
  if (layouts++ === 0) { vegaWidth = textMetrics.width; textMetrics.width = measureText; }
  try {
    return await fn();
  } finally {
    if (--layouts === 0) { textMetrics.width = vegaWidth!; vegaWidth = undefined; }
  }
}

/** The SVG of a spec, with <title>, <desc> and aria-label added. */
export async function specToSvg(spec: TopLevelSpec, name = 'chart'): Promise<{ svg: string; width: number; height: number; compileMs: number; svgMs: number }> {
  const t0 = performance.now();
  const { vega: vg, warnings } = compileSpec(spec, name);
  if (warnings.length) {
    throw new AtlasError(`Vega-Lite warnings: ${warnings.join('; ')}`, { stage: 'render', record: name, hint: 'fix the spec builder' });
  }
  const t1 = performance.now();
  const raw = await withDejaVuMetrics(async () => {
    // Clip-path and gradient ids come from process-wide counters: restart them so
    // a chart's SVG does not depend on what was rendered before it.
    vega.resetSVGDefIds();
    const view = new vega.View(vega.parse(vg), { renderer: 'none' });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  });
  const m = /^<svg([^>]*)>/.exec(raw);
  if (!m) throw new AtlasError('Vega produced no <svg> element', { stage: 'render', record: name });
  const width = Number(/ width="([\d.]+)"/.exec(m[1]!)?.[1]);
  const height = Number(/ height="([\d.]+)"/.exec(m[1]!)?.[1]);
  const title = specTitle(spec);
  const desc = specDescription(spec);
  const open = `<svg${m[1]} role="graphics-document document" aria-label="${escapeHtml(desc || title)}">`
    + `<title>${escapeHtml(title)}</title>${desc ? `<desc>${escapeHtml(desc)}</desc>` : ''}`;
  const svg = `${open}${raw.slice(m[0].length)}\n`;
  return { svg, width, height, compileMs: t1 - t0, svgMs: performance.now() - t1 };
}
