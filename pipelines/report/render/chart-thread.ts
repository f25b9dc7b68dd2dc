/**
 * The charts are laid out and rasterised in a thread of their own (a worker thread), so this
 * thread stays free for what runs beside them: the workbook and explorer stages, and the
 * briefing, which waits on Chromium. The thread loads vega, vega-lite and resvg as it starts,
 * while this thread reads the tables and builds the specs; it then lays the charts out one
 * after another (render-all.ts), telling each SVG as soon as it is laid out.
 *
 * Same bytes as rendering here: the specs arrive by structured clone, which keeps key order.
 */
import { Worker } from 'node:worker_threads';
import { AtlasError, type ErrorWhere } from '../../core/errors.ts';
import type { ChartLayout, ChartTask } from './render-all.ts';
import type { RenderedChart } from './render-chart.ts';

/** A rendered chart as the thread sends it back: its JSON is the caller's already. */
export type ThreadChart = Omit<RenderedChart, 'json'>;

/** What this thread sends: a chart to render. */
export interface ToThread { id: number; task: ChartTask }

/** A failure in the thread, as it crosses over: an AtlasError's parts, or any other error's text. */
export type ThreadError = { problem: string; where: ErrorWhere } | { message: string; stack?: string };

/** What the thread sends back about chart `id`. */
export type FromThread =
  | { kind: 'svg'; id: number; layout: ChartLayout }
  | { kind: 'done'; id: number; chart: ThreadChart }
  | { kind: 'failed'; id: number; error: ThreadError };

export interface ChartThread {
  /**
   * Render a chart in the thread. Charts are laid out one after another in the order they are
   * given (render-all.ts layoutQueue); `onSvg` is called as soon as this one is laid out.
   */
  render(task: ChartTask, onSvg?: (layout: ChartLayout) => void): Promise<ThreadChart>;
  /** Stop the thread. */
  close(): Promise<void>;
}

/** The error a thread's failure stands for: an AtlasError stays one (it names the chart). */
export function threadError(e: ThreadError): Error {
  if ('problem' in e) return new AtlasError(e.problem, e.where);
  return Object.assign(new Error(e.message), e.stack ? { stack: e.stack } : {});
}

/**
 * Start the chart thread now: its modules load while this thread goes on. It keeps the process
 * alive only while a chart is rendering; whoever starts it closes it.
 */
export function startChartThread(): ChartThread {
  const worker = new Worker(new URL('./chart-worker.mjs', import.meta.url));
  worker.unref();
  const pending = new Map<number, { resolve(c: ThreadChart): void; reject(e: Error): void; onSvg?: (layout: ChartLayout) => void }>();
  let nextId = 0;
  let stopped: Error | undefined;
  const settle = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  };
  worker.on('message', (m: FromThread) => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.kind === 'svg') p.onSvg?.(m.layout);
    else if (m.kind === 'done') { settle(m.id); p.resolve(m.chart); }
    else { settle(m.id); p.reject(threadError(m.error)); }
  });
  const fail = (e: Error) => {
    stopped ??= e;
    for (const [id, p] of pending) { settle(id); p.reject(e); }
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the chart thread stopped (exit code ${code})`)));
  return {
    render(task, onSvg) {
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      return new Promise<ThreadChart>((resolve, reject) => {
        pending.set(id, { resolve, reject, onSvg });
        worker.ref();
        worker.postMessage({ id, task } satisfies ToThread);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
