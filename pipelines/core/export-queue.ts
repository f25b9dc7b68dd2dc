/**
 * The exports (Parquet, Arrow, CSV: core/export.ts) of each rebuilt table, started as soon as
 * its stage has written and checked it, while later stages run: DuckDB writes the files on its
 * own threads, mostly while this thread waits on something else. One export at a time, in the
 * order tables are finished; each file's bytes depend on the table only (rows in key order),
 * so the order changes nothing in them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tableSpec } from '../catalog/index.ts';
import type { ConnectionPool } from './connection-pool.ts';
import { exportTable } from './export.ts';

/** Each written file (relative to the build folder): its sha256 and size, for the manifest. */
export type Hashed = Map<string, { sha256: string; bytes: number }>;

export interface ExportQueue {
  /** Export this table (one the catalog does not mark `export: false`) when those before it are done. */
  add(name: string): void;
  /** Every export finished (the first failure rejects, once all have settled): the files written. */
  done(): Promise<Hashed>;
}

/**
 * @example
 *   const exports = exportQueue(pool, buildDir);
 *   exports.add('documents');            // starts now, in the background
 *   const hashed = await exports.done(); // 'tables/documents.parquet' → { sha256, bytes } …
 */
export function exportQueue(pool: ConnectionPool, dir: string): ExportQueue {
  const tablesDir = join(dir, 'tables');
  mkdirSync(tablesDir, { recursive: true });
  const hashed: Hashed = new Map();
  let chain: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  return {
    add(name) {
      const spec = tableSpec(name);
      if (spec.export === false) return;
      chain = chain.then(async () => {
        if (failure) return; // the build has failed: write nothing more
        const { db, release } = await pool.lease();
        try {
          for (const f of await exportTable(db, spec, tablesDir)) hashed.set(`tables/${f.name}`, { sha256: f.sha256, bytes: f.bytes });
        } finally {
          release();
        }
      }).catch((error: unknown) => { failure ??= { error }; });
    },
    async done() {
      await chain;
      if (failure) throw failure.error;
      return hashed;
    },
  };
}
