/**
 * The CSV exports of the seed build start with a UTF-8 byte-order mark (so Excel reads
 * accents and curly quotes), and the readers the kit documents still read them: DuckDB's
 * read_csv and the kit's own CSV reader see the first column's name without the mark.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvObjects } from '../../pipelines/core/csv.ts';
import { csvColumns, UTF8_BOM } from '../../pipelines/core/export.ts';
import { openDb, query, type Db } from '../../pipelines/core/db.ts';
import { builtOut } from '../helpers/built.ts';
import { sqlString } from '../../pipelines/core/sql.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { TableSpec } from '../../pipelines/catalog/types.ts';

let db: Db;
const tables = () => join(builtOut(), 'tables');
const manifest = () => JSON.parse(readFileSync(join(builtOut(), 'manifest.json'), 'utf8')) as { tables: Record<string, number> };

beforeAll(async () => { db = await openDb(); });
afterAll(() => db.close());

describe('CSV exports', () => {
  it('every CSV starts with the UTF-8 byte-order mark, once', () => {
    const csvs = readdirSync(tables()).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(30);
    for (const f of csvs) {
      const head = readFileSync(join(tables(), f)).subarray(0, 6);
      expect([...head.subarray(0, 3)], f).toEqual([...UTF8_BOM]);
      expect(head.subarray(3, 6).equals(UTF8_BOM), `${f} has a second mark`).toBe(false);
    }
  });

  it('DuckDB read_csv reads the header without the mark, every row, and the UN names with their accents', async () => {
    const file = join(tables(), 'countries.csv');
    const cols = await query<{ column_name: string }>(db, `DESCRIBE SELECT * FROM read_csv(${sqlString(file)})`);
    expect(cols.map((c) => c.column_name)).toEqual(['iso3', 'iso2', 'm49', 'name', 'm49_region', 'm49_subregion']);
    const [n] = await query<{ n: bigint }>(db, `SELECT count(*) AS n FROM read_csv(${sqlString(file)})`);
    expect(Number(n.n)).toBe(manifest().tables.countries);
    expect(await query(db, `SELECT name FROM read_csv(${sqlString(file)}) WHERE iso3 IN ('CIV', 'PRK') ORDER BY iso3`))
      .toEqual([{ name: 'Côte d’Ivoire' }, { name: "Democratic People's Republic of Korea" }]);
  });

  it('the kit\'s CSV reader reads it too, curly quotes intact', () => {
    const rows = parseCsvObjects(readFileSync(join(tables(), 'evidence_named.csv'), 'utf8'), 'evidence_named.csv');
    expect(Object.keys(rows[0])[0]).toBe('doc_id');
    expect(rows).toHaveLength(manifest().tables.evidence_named);
    expect(rows.some((r) => /[’“”]/.test(r.quote))).toBe(true);
  });

  it('DuckDB writes the mark itself: the first header name carries it, quoting and nulls as before', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'atlas-bom-')), 'x.csv');
    await query(db, 'CREATE TABLE bom_t (doc_id VARCHAR, n INTEGER)');
    await query(db, "INSERT INTO bom_t VALUES ('a,b', 1), (NULL, 2)");
    const spec = { name: 'bom_t', key: ['n'], columns: [{ name: 'doc_id' }, { name: 'n' }] } as unknown as TableSpec;
    await query(db, `COPY (SELECT ${csvColumns(spec)} FROM bom_t ORDER BY n) TO ${sqlString(f)} (FORMAT csv, HEADER true)`);
    expect(readFileSync(f).equals(Buffer.concat([UTF8_BOM, Buffer.from('doc_id,n\n"a,b",1\n,2\n')]))).toBe(true);
  });
});
