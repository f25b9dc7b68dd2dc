import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runOnce } from '../../bench/claims-alone.ts';
import { builtOut } from '../helpers/built.ts';
import { openBuilt, query } from '../helpers/built.ts';

describe('bench/claims-alone.ts', () => {
  it('runs the two claims stages on a built database and makes the claims the build made, leaving the build untouched', async () => {
    const dbFile = join(builtOut(), 'atlas.duckdb');
    const r = await runOnce(dbFile);
    const db = await openBuilt();
    try {
      const [{ n }] = await query<{ n: bigint }>(db, 'SELECT count(*) AS n FROM claims');
      expect(r.claims).toBe(Number(n));
    } finally {
      db.close();
    }
    expect(r.claims).toBeGreaterThan(200);
    for (const k of ['findMs', 'writeMs', 'modelMs'] as const) expect(r[k]).toBeGreaterThan(0);
    expect(r.totalMs).toBeCloseTo(r.findMs + r.writeMs + r.modelMs, 6);
  });
});
