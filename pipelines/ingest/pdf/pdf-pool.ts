/**
 * PDFs read on every core: a pool of worker threads (piscina), one document a
 * task. Besides the parallelism, it keeps pdfjs, its memory and what its
 * legacy build adds to the built-ins (load-pdf.ts puts back what it replaces)
 * out of the main thread, where the rest of the build runs.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AtlasError } from '../../core/errors.ts';
import type { PdfLimits } from './load-pdf.ts';
import type { PdfTask, PdfTaskResult } from './read-pdf-task.ts';
import type { PdfReport } from './read-pdf-report.ts';

export interface PdfPool {
  /** Read one PDF in a worker; rejects with the AtlasError the reader raised. */
  read(bytes: Uint8Array, file: string, limits?: PdfLimits): Promise<PdfReport>;
  /** Stop the threads (waits for none: call it once every read has settled). */
  close(): Promise<void>;
  /** The most threads the pool starts. */
  readonly threads: number;
}

/** A pool of at most `threads` workers (default: one per core), started on the first read. */
export function createPdfPool(threads = availableParallelism()): PdfPool {
  let pool: Piscina<PdfTask, PdfTaskResult> | null = null;
  return {
    threads: Math.max(1, threads),
    async read(bytes, file, limits) {
      pool ??= new Piscina({
        filename: new URL('./pdf-worker.mjs', import.meta.url).href,
        minThreads: 0, maxThreads: Math.max(1, threads), idleTimeout: 1_000,
      });
      const r = await pool.run({ bytes, file, limits });
      if ('error' in r) throw new AtlasError(r.error.problem, r.error.where);
      return r.report;
    },
    async close() {
      if (pool) await pool.destroy();
      pool = null;
    },
  };
}
