/**
 * Renders charts on every core: a piscina pool of worker threads, one chart a
 * task. A single chart is rendered in this thread instead, since starting a
 * worker (tsx, then vega, vega-lite and resvg) costs more than it saves.
 * The rendering modules are imported only here, so a build whose charts are all
 * unchanged never loads them.
 */
import { availableParallelism } from 'node:os';
import type { TopLevelSpec } from 'vega-lite';
import type { RenderedChart } from './render-chart.ts';

export interface PoolOptions {
  /** Worker threads at most (default: the cores available). */
  maxThreads?: number;
}

/** Render each spec; results in the order given. */
export async function renderInPool(tasks: readonly { name: string; spec: TopLevelSpec }[], opts: PoolOptions = {}): Promise<RenderedChart[]> {
  const threads = Math.min(tasks.length, opts.maxThreads ?? availableParallelism());
  if (threads <= 1) {
    const { renderChart } = await import('./render-chart.ts');
    const out: RenderedChart[] = [];
    for (const t of tasks) out.push(await renderChart(t.name, t.spec));
    return out;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./chart-worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // A chart holds the vega runtime and its scenegraph; one at a time per thread.
    concurrentTasksPerWorker: 1,
  });
  try {
    return await Promise.all(tasks.map((t) => pool.run(t) as Promise<RenderedChart>));
  } finally {
    await pool.destroy();
  }
}
