/** Shared set-up for the country-lens tests: an in-memory DuckDB with the params bound. */
import { join } from 'node:path';
import { openDb, query, setVariables, writeRows, type Db } from '../../pipelines/core/db.ts';
import { readModel, runModel, type SqlLayer } from '../../pipelines/core/sql-models.ts';
import { checkTable } from '../../pipelines/core/checks.ts';
import { countries, tableSpec, type RowOf } from '../../pipelines/catalog/index.ts';
import { PARAMS } from '../../pipelines/core/params.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const INDICATORS_DIR = join(ROOT, 'data', 'raw', 'indicators');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'country');

export async function lensDb(vars: Record<string, number> = {}): Promise<Db> {
  const db = await openDb();
  await setVariables(db, { ...PARAMS, ...vars });
  return db;
}

/** The countries table from test/fixtures/country/countries.csv (see its README). */
export async function loadCountriesFixture(db: Db): Promise<void> {
  const file = join(FIXTURES, 'countries.csv').replaceAll("'", "''");
  const rows = await query<RowOf<typeof countries>>(db, `
    SELECT iso3, iso2, CAST(m49 AS INTEGER) AS m49, name, m49_region, m49_subregion
    FROM read_csv('${file}', all_varchar = true, nullstr = '')`);
  await writeRows(db, countries, rows);
}

/** Run a model and check the table it makes against its catalog declaration; returns its row count. */
export async function runChecked(db: Db, layer: SqlLayer, name: string): Promise<number> {
  await runModel(db, readModel(layer, name));
  return checkTable(db, tableSpec(name));
}

/** Rows with BigInt counts turned into numbers, for toEqual. */
export async function rows<T = Record<string, unknown>>(db: Db, sql: string): Promise<T[]> {
  const out = await query<Record<string, unknown>>(db, sql);
  return out.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
}
