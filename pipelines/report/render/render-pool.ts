/**
 * Renders charts on every core: this thread and a piscina pool of worker
 * threads take charts from one queue, one chart a task. This thread renders
 * too because starting a worker (tsx, then vega, vega-lite and resvg) costs
 * about a second more than loading them here; with one core, or one chart,
 * no worker is started. The rendering modules are imported only here, so a
 * build whose charts are all unchanged never loads them.
 */
import { availableParallelism } from 'node:os';
import type { TopLevelSpec } from 'vega-lite';
import type { RenderedChart } from './render-chart.ts';

export interface PoolOptions {
  /** Threads at most, this one included (default: the cores available). */
  maxThreads?: number;
}

type Task = { name: string; spec: TopLevelSpec };

/** ATLAS_RENDER_THREADS caps the threads (1: no worker), for machines whose cores are shared. */
function threadsFromEnv(): number | undefined {
  const v = process.env.ATLAS_RENDER_THREADS;
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`ATLAS_RENDER_THREADS must be a whole number of 1 or more, not "${v}"`);
  return n;
}

/** Render each spec; results in the order given. */
export async function renderInPool(tasks: readonly Task[], opts: PoolOptions = {}): Promise<RenderedChart[]> {
  if (tasks.length === 0) return [];
  const { renderChart } = await import('./render-chart.ts');
  const workers = Math.min(tasks.length, opts.maxThreads ?? threadsFromEnv() ?? availableParallelism()) - 1;
  const results: RenderedChart[] = new Array(tasks.length);
  let next = 0;
  const take = () => (next < tasks.length ? next++ : -1);
  const here = async () => {
    for (let i = take(); i >= 0; i = take()) results[i] = await renderChart(tasks[i]!.name, tasks[i]!.spec);
  };
  if (workers <= 0) {
    await here();
    return results;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./chart-worker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    concurrentTasksPerWorker: 1,
  });
  // Each worker keeps a second chart queued, so it does not wait while this thread is busy rendering.
  const lane = async () => {
    for (let i = take(); i >= 0; i = take()) results[i] = await (pool.run(tasks[i]) as Promise<RenderedChart>);
  };
  try {
    await Promise.all([here(), ...Array.from({ length: 2 * workers }, lane)]);
    return results;
  } finally {
    await pool.destroy();
  }
}
