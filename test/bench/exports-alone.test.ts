import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportsAlone } from '../../bench/exports-alone.ts';
import { builtOut } from '../helpers/built.ts';

describe('bench/exports-alone.ts', () => {
  it('exports every table the build exported, the same bytes, and times each', async () => {
    const manifest = JSON.parse(readFileSync(join(builtOut(), 'manifest.json'), 'utf8')) as { files: { path: string; bytes: number }[] };
    const exported = manifest.files.filter((f) => /^tables\/.*\.(parquet|csv|arrow)$/.test(f.path));
    const r = await exportsAlone(join(builtOut(), 'atlas.duckdb'));
    expect(r.tables.length * 3).toBe(exported.length);
    expect(r.bytes).toBe(exported.reduce((n, f) => n + f.bytes, 0));
    for (const t of r.tables) expect(t.wallMs, t.table).toBeGreaterThan(0);
    expect(r.wallMs).toBeGreaterThanOrEqual(r.tables.reduce((n, t) => n + t.wallMs, 0) - 1);
    expect(r.userMs + r.systemMs).toBeGreaterThan(0);
  });
});
