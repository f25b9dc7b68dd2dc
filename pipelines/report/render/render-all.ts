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

/** Render each spec; results in the order given. The first failure (named by its chart) rejects. */
export async function renderAll(tasks: readonly ChartTask[]): Promise<RenderedChart[]> {
  if (tasks.length === 0) return [];
  const { renderChart } = await import('./render-chart.ts');
  return Promise.all(tasks.map((t) => renderChart(t.name, t.spec, t.json === undefined ? {} : { json: t.json })));
}
