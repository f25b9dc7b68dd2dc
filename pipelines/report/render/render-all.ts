/**
 * Renders every chart on every core without worker threads: this thread lays the charts out
 * (vega and vega-lite are JavaScript), one after another, while resvg rasterises the PNGs of
 * those already laid out on libuv's native thread pool (svgToPngAsync). Rasterising is about
 * 60% of a chart's time on the seed; a piscina pool of worker threads, tried first, paid about
 * a second per worker to start (tsx, then vega, vega-lite and resvg) and saved nothing on 2
 * cores. The rendering modules are imported only here, so a build whose charts are all
 * unchanged never loads them.
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
  // One layout at a time, each chart's PNG rasterised as soon as its SVG is ready: laid out all at
  // once, vega's asynchronous dataflows advanced in step and every SVG was done at about the same
  // time, so resvg's pool waited for the last layout and then rasterised everything at the end.
  const laidOut = tasks.map(() => { let open!: () => void; const done = new Promise<void>((r) => { open = r; }); return { done, open }; });
  const onSvg = (i: number) => (s: ChartSvgs[number]) => {
    laidOut[i]!.open();
    svgs[i] = s;
    if (--left === 0) onSvgs?.(svgs);
  };
  return Promise.all(tasks.map((t, i) => renderChart(t.name, t.spec, {
    ...(t.json === undefined ? {} : { json: t.json }), onSvg: onSvg(i), ...(i > 0 ? { after: laidOut[i - 1]!.done } : {}),
  }).finally(() => laidOut[i]!.open()))); // a failed layout lets the next one start (Promise.all reports the failure)
}
