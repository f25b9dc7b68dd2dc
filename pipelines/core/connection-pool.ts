/**
 * Connections for work that runs at the same time (stages, exports). A DuckDB connection runs
 * one statement at a time and a half-read result is lost when another statement starts on it,
 * so each running stage gets one of its own, borrowed from here and given back when it ends.
 * Tables and macros are the database's, seen by every connection; variables (the parameters,
 * core/params.ts) belong to a connection, so each new one gets them first.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Db } from './db.ts';

export interface Lease { db: Db; release(): void }

export interface ConnectionPool {
  /** A Db whose `conn` no one else uses until release(); its spare connections are the database's. */
  lease(): Promise<Lease>;
}

/**
 * Connections are db.spare(first), db.spare(first + 1) …, made when all are in use, closed with db.
 * @example
 *   const pool = connectionPool(db, (c) => setVariables(c, params), 1);
 *   const { db: mine, release } = await pool.lease();
 *   try { await query(mine, 'SELECT 1'); } finally { release(); }
 */
export function connectionPool(db: Db, prepare: (db: Db) => Promise<void>, first = 1): ConnectionPool {
  const free: DuckDBConnection[] = [];
  let made = 0;
  const view = (conn: DuckDBConnection): Db => ({ conn, spare: db.spare, close: () => undefined });
  return {
    async lease() {
      let conn = free.pop();
      if (!conn) {
        conn = await db.spare(first + made++);
        await prepare(view(conn));
      }
      const c = conn;
      let given = false;
      return { db: view(c), release: () => { if (!given) { given = true; free.push(c); } } };
    },
  };
}
