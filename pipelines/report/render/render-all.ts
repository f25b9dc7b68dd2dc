/**
 * Renders charts on every core: this thread lays the charts out (vega and vega-lite are
 * JavaScript), one after another, while resvg rasterises the PNGs of those already laid out on
 * libuv's native thread pool (svgToPngAsync). The build runs this in the chart thread
 * (chart-thread.ts), not on its main thread.
 */
import type { TopLevelSpec } from 'vega-lite';
import { renderChart, type RenderedChart } from './render-chart.ts';

/** A chart to render; `json`, its spec's stableJson, when the caller has it. */
export interface ChartTask { name: string; spec: TopLevelSpec; json?: string }

/** A chart's SVG: what is known before its PNG is rasterised. */
export interface ChartLayout { svg: string; width: number; height: number }

/**
 * A queue of charts to render: each is laid out once the one given before it is (whenever it was
 * given), `onSvg` is called as soon as it is, and its PNG is rasterised meanwhile. A failed layout
 * lets the next one start.
 *
 * One layout at a time: laid out all at once, vega's asynchronous dataflows advanced in step and
 * every SVG was done at about the same time, so resvg's pool waited for the last layout and then
 * rasterised everything at the end.
 */
export function layoutQueue(): (task: ChartTask, onSvg?: (layout: ChartLayout) => void) => Promise<RenderedChart> {
  let previous: Promise<void> = Promise.resolve();
  return (task, onSvg) => {
    let laidOut!: () => void;
    const after = previous;
    previous = new Promise<void>((resolve) => { laidOut = resolve; });
    return renderChart(task.name, task.spec, {
      ...(task.json === undefined ? {} : { json: task.json }), after,
      onSvg: (layout) => { laidOut(); onSvg?.(layout); },
    }).finally(laidOut);
  };
}

/**
 * Render each spec, laid out in the order given; results in that order. The first failure (named
 * by its chart) rejects. `onSvg(i, layout)` is called as soon as task i is laid out.
 */
export async function renderAll(tasks: readonly ChartTask[], onSvg?: (index: number, layout: ChartLayout) => void): Promise<RenderedChart[]> {
  const render = layoutQueue();
  return Promise.all(tasks.map((t, i) => render(t, (layout) => onSvg?.(i, layout))));
}
