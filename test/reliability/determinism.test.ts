/**
 * Two builds of the same inputs give byte-identical tables, specs, SVGs, PNGs and
 * pages; only the manifest's timestamp differs, and the DuckDB file (whose format
 * is not byte-reproducible) holds the same rows.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuildCli } from '../helpers/cli.ts';
import { builtOut } from '../helpers/built.ts';
import { openDb, query } from '../../pipelines/core/db.ts';
import type { OutputManifest } from '../../pipelines/core/runner.ts';

const manifest = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as OutputManifest;

describe('determinism', () => {
  it('gives byte-identical outputs on a second build', async () => {
    const a = builtOut();
    const b = join(mkdtempSync(join(tmpdir(), 'atlas-det-')), 'output');
    const r = runBuildCli(['--out', b, '--force']);
    expect(r.code, r.stderr).toBe(0);
    const [ma, mb] = [manifest(a), manifest(b)];
    const strip = (m: OutputManifest) => ({ ...m, built_at: undefined, files: m.files.filter((f) => f.reproducible !== false) });
    expect(strip(mb)).toEqual(strip(ma));
    const kinds = new Set(ma.files.map((f) => f.path.replace(/^.*\./, '')));
    for (const k of ['csv', 'parquet', 'arrow', 'svg', 'png', 'json', 'html', 'md']) expect(kinds).toContain(k);
    // the database file's bytes may differ; its rows may not
    expect(ma.files.filter((f) => f.reproducible === false).map((f) => f.path)).toEqual(['atlas.duckdb']);
    const db = await openDb();
    await query(db, `ATTACH '${join(a, 'atlas.duckdb')}' AS a (READ_ONLY); ATTACH '${join(b, 'atlas.duckdb')}' AS b (READ_ONLY)`);
    const tables = await query<{ name: string }>(db, `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'a' ORDER BY 1`);
    expect(tables.length).toBeGreaterThan(30);
    for (const { name } of tables) {
      const diff = await query<{ n: bigint }>(db, `SELECT count(*) AS n FROM ((FROM a."${name}" EXCEPT ALL FROM b."${name}") UNION ALL (FROM b."${name}" EXCEPT ALL FROM a."${name}"))`);
      expect(Number(diff[0].n), name).toBe(0);
    }
    db.close();
  });
});
