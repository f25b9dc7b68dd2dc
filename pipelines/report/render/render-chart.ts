/**
 * One chart to all its forms: stable JSON, SVG, PNG (2×) and the HTML page.
 *
 * Determinism: text is laid out with the advance widths read from the DejaVu
 * TTF files (not Vega's rough estimate, not whatever canvas happens to be
 * installed), and resvg is given exactly those font files with system fonts
 * off, so the same spec gives byte-identical SVG and PNG on any machine.
 */
import { performance } from 'node:perf_hooks';
import type { TopLevelSpec } from 'vega-lite';
import { chartHtml } from './chart-page.ts';
import { specToSvg } from './spec-to-svg.ts';
import { svgToPngAsync } from './svg-to-png.ts';
import { specDescription, specTitle, stableJson } from './spec-text.ts';

export interface RenderTimings { compileMs: number; svgMs: number; pngMs: number; htmlMs: number; totalMs: number }

export interface RenderedChart {
  name: string;
  title: string;
  description: string;
  /** The .vl.json text. */
  json: string;
  svg: string;
  png: Uint8Array;
  html: string;
  /** SVG size in CSS px; the PNG is scale × that. */
  width: number;
  height: number;
  scale: number;
  timings: RenderTimings;
}

export interface RenderOptions {
  /** PNG scale factor (default 2). */
  scale?: number;
  /** Path prefix of the vendor scripts as seen from the HTML page (default "vendor/"). */
  vendorPrefix?: string;
  /** The spec's stableJson when the caller has made it already (a map's is over 1 MB: sorting it again cost ~0.1 s). */
  json?: string;
  /** Called with the SVG as soon as it is laid out, before the PNG is rasterised (the briefing's PDF needs only SVGs). */
  onSvg?(svg: { svg: string; width: number; height: number }): void;
  /** Start laying out only once this settles (render-all.ts lays charts out one at a time). */
  after?: Promise<unknown>;
}

/** Render one chart to all its formats, timing each step. */
export async function renderChart(name: string, spec: TopLevelSpec, opts: RenderOptions = {}): Promise<RenderedChart> {
  const scale = opts.scale ?? 2;
  if (opts.after) {
    await opts.after;
    // a turn of the event loop: the PNGs rasterised meanwhile on the pool get encoded before this
    // layout takes the thread (vega's dataflow runs on promises, which would keep them waiting)
    await new Promise((resolve) => setImmediate(resolve));
  }
  const t0 = performance.now();
  const json = opts.json ?? stableJson(spec);
  const { svg, width, height, compileMs, svgMs } = await specToSvg(spec, name);
  const t1 = performance.now();
  opts.onSvg?.({ svg, width, height });
  const { png } = await svgToPngAsync(svg, scale);
  const t2 = performance.now();
  const html = chartHtml(name, JSON.parse(json) as TopLevelSpec, { vendorPrefix: opts.vendorPrefix, width, height });
  const t3 = performance.now();
  return {
    name, title: specTitle(spec), description: specDescription(spec), json, svg, png, html, width, height, scale,
    timings: { compileMs, svgMs, pngMs: t2 - t1, htmlMs: t3 - t2, totalMs: t3 - t0 },
  };
}
