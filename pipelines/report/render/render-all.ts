/**
 * Renders every chart on every core without worker threads: this thread lays the charts out
 * (vega and vega-lite are JavaScript) while resvg rasterises their PNGs on libuv's native
 * thread pool (svgToPngAsync). Rasterising is about 60% of a chart's time on the seed; a
 * piscina pool of worker threads, tried first, paid about a second per worker to start (tsx,
 * then vega, vega-lite and resvg) and saved nothing on 2 cores. The rendering modules are
 * imported only here, so a build whose charts are all unchanged never loads them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RenderedChart } from './render-chart.ts';

/** A chart to render; `json`, its spec's stableJson, when the caller has it. */
export interface ChartTask { name: string; spec: TopLevelSpec; json?: string }

/** Every chart's SVG, in the order given: what is known before the PNGs are rasterised. */
export type ChartSvgs = { svg: string; width: number; height: number }[];

/**
 * Render each spec; results in the order given. The first failure (named by its chart) rejects.
 * `onSvgs` is called once every chart is laid out, while their PNGs are still being rasterised.
 */
export async function renderAll(tasks: readonly ChartTask[], onSvgs?: (svgs: ChartSvgs) => void): Promise<RenderedChart[]> {
  if (tasks.length === 0) { onSvgs?.([]); return []; }
  const { renderChart } = await import('./render-chart.ts');
  const svgs: ChartSvgs = new Array(tasks.length);
  let left = tasks.length;
  const onSvg = (i: number) => (s: ChartSvgs[number]) => { svgs[i] = s; if (--left === 0) onSvgs?.(svgs); };
  return Promise.all(tasks.map((t, i) => renderChart(t.name, t.spec, { ...(t.json === undefined ? {} : { json: t.json }), onSvg: onSvg(i) })));
}
