/**
 * The chart thread's side (chart-thread.ts): render each chart it is sent, laid out one after
 * another (render-all.ts layoutQueue); send its SVG as soon as it is laid out, then the chart,
 * its PNG moved rather than copied. Importing this loads vega, vega-lite and resvg, which is
 * what the thread does as it starts.
 */
import { parentPort } from 'node:worker_threads';
import { AtlasError } from '../../core/errors.ts';
import type { FromThread, ThreadChart, ThreadError, ToThread } from './chart-thread.ts';
import { layoutQueue } from './render-all.ts';

function asThreadError(e: unknown): ThreadError {
  if (e instanceof AtlasError) return { problem: e.problem, where: e.where };
  return e instanceof Error ? { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } : { message: String(e) };
}

/** The PNG's buffer, to move to the other thread, when the PNG is all of it (else it is copied). */
function movable(c: ThreadChart): ArrayBuffer[] {
  return c.png.byteOffset === 0 && c.png.byteLength === c.png.buffer.byteLength ? [c.png.buffer as ArrayBuffer] : [];
}

export function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('chart-thread-serve.ts runs in the chart thread only');
  const send = (m: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  const render = layoutQueue();
  port.on('message', ({ id, task }: ToThread) => {
    render(task, (layout) => send({ kind: 'svg', id, layout }))
      .then(({ json: _json, ...chart }) => send({ kind: 'done', id, chart }, movable(chart)))
      .catch((e: unknown) => send({ kind: 'failed', id, error: asThreadError(e) }));
  });
}
