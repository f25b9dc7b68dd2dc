/**
 * Data checks declared with each table in the catalog (dbt style): the columns
 * and types match the declaration, the key is unique, declared columns are not
 * null, closed vocabularies hold. A failure stops the build and quotes rows.
 */
import type { TableSpec } from '../catalog/types.ts';
import { query, type Db } from './db.ts';
import { AtlasError } from './errors.ts';
import { sqlIdent, sqlLiteral } from './sql.ts';

const q = sqlIdent;
const lit = sqlLiteral;

/**
 * Where a table's rows are read for its checks: the table itself, or (`file` given) the Parquet
 * file it was exported to, `sql` being the relation that reads it.
 */
export interface CheckedRows { sql: string; file?: string }

/**
 * Check a table against its declaration; returns its row count. All checks run as
 * one query (one scan plus the key grouping); only when one of them fails are the
 * checks run again one by one, to name the first failure and quote sample rows.
 */
export async function checkTable(db: Db, spec: TableSpec, stage?: string, rows: CheckedRows = { sql: q(spec.name) }): Promise<number> {
  const n = await checkAllAtOnce(db, spec, rows.sql);
  if (n !== null) return n;
  return checkOneByOne(db, spec, stage, rows);
}

/**
 * An exported view is checked on its Parquet file, as it is exported (core/export.ts), not when
 * its model runs: a view's rows are computed each time they are read, and the file holds them
 * as computed once, with each column's null count in its statistics, from which DuckDB answers
 * the not-null checks. Checking claims itself at 1,000 documents sliced its 313,000 sentences a
 * second time (0.25-0.45 s); its file took 0.06 s.
 */
export function checkedAtExport(spec: TableSpec): boolean {
  return spec.view === true && spec.export !== false;
}

/** The rows of a Parquet file, for checkTable. */
export function parquetRows(file: string): CheckedRows {
  return { sql: `read_parquet(${lit(file)})`, file };
}

/** A SQL model's table once its model has run: checked, or only counted if it is checked at export; returns its row count. */
export async function checkModelOutput(db: Db, spec: TableSpec, stage?: string): Promise<number> {
  if (!checkedAtExport(spec)) return checkTable(db, spec, stage);
  const [{ n }] = await query<{ n: bigint }>(db, `SELECT count(*) AS n FROM ${q(spec.name)}`);
  return Number(n);
}

/** The declared columns, as DESCRIBE would list them (a dictionary column as ENUM). */
function declaredAs(spec: TableSpec): string {
  return spec.columns.map((c) => `${c.name} ${c.dictionary ? 'ENUM' : c.type}`).join(', ');
}

/** DESCRIBE's columns, an ENUM's members left out (they are the values a dictionary column holds). */
function describedAs(cols: readonly { column_name: string; column_type: string }[], spec: TableSpec): string {
  return cols.map((c, i) => {
    const dictionary = spec.columns[i]?.dictionary && spec.columns[i].name === c.column_name;
    // with no rows a dictionary column is a VARCHAR (an ENUM needs members)
    const type = dictionary && (c.column_type.startsWith('ENUM(') || c.column_type === 'VARCHAR') ? 'ENUM' : c.column_type;
    return `${c.column_name} ${type}`;
  }).join(', ');
}

/** Row count when every check passes, null when one fails (or the table does not have the declared columns). */
async function checkAllAtOnce(db: Db, spec: TableSpec, from: string): Promise<number | null> {
  let cols: { column_name: string; column_type: string }[];
  try {
    cols = await query(db, `DESCRIBE SELECT * FROM ${from}`);
  } catch {
    return null; // no such table: the detailed checks report it
  }
  if (describedAs(cols, spec) !== declaredAs(spec)) return null;
  const counts: string[] = [];
  for (const c of spec.columns) {
    if (!c.nullable) counts.push(`count(*) FILTER (WHERE ${q(c.name)} IS NULL)`);
    if (c.accepted) counts.push(`count(*) FILTER (WHERE ${q(c.name)} IS NOT NULL AND ${q(c.name)} NOT IN (${c.accepted.map(lit).join(', ')}))`);
  }
  const key = spec.key.map(q).join(', ');
  let row: { n: bigint; bad: bigint[]; dup: bigint };
  try {
    [row] = await query<typeof row>(db, `SELECT count(*) AS n,
      [${counts.join(', ')}]::BIGINT[] AS bad,
      (SELECT count(*) FROM (SELECT 1 FROM ${from} GROUP BY ${key} HAVING count(*) > 1)) AS dup
      FROM ${from}`);
  } catch {
    return null; // the detailed checks run the same tests and report the error as before
  }
  if (row.dup !== 0n || row.bad.some((b) => b !== 0n)) return null;
  return Number(row.n);
}

async function checkOneByOne(db: Db, spec: TableSpec, stage: string | undefined, rows: CheckedRows): Promise<number> {
  const from = rows.sql;
  const fail = (problem: string, sample?: unknown[]) => {
    throw new AtlasError(`${problem}${sample?.length ? `\n  sample: ${JSON.stringify(sample.slice(0, 3), bigintSafe)}` : ''}`,
      { stage, file: rows.file, record: `table ${spec.name}`, hint: 'fix the input or the model that produces this table' });
  };

  const cols = await query<{ column_name: string; column_type: string }>(db, `DESCRIBE SELECT * FROM ${from}`);
  const got = describedAs(cols, spec);
  const want = declaredAs(spec);
  if (got !== want) fail(`columns do not match the catalog\n  expected: ${want}\n  found:    ${got}`);

  for (const c of spec.columns) {
    if (!c.nullable) {
      const bad = await query(db, `SELECT * FROM ${from} WHERE ${q(c.name)} IS NULL LIMIT 3`);
      if (bad.length) fail(`column ${c.name} is declared not null but has nulls`, bad);
    }
    if (c.accepted) {
      const bad = await query(db, `SELECT DISTINCT ${q(c.name)} AS value FROM ${from}
        WHERE ${q(c.name)} IS NOT NULL AND ${q(c.name)} NOT IN (${c.accepted.map(lit).join(', ')}) LIMIT 3`);
      if (bad.length) fail(`column ${c.name} has values outside ${JSON.stringify(c.accepted)}`, bad);
    }
  }

  const key = spec.key.map(q).join(', ');
  const dup = await query(db, `SELECT ${key}, count(*) AS n FROM ${from} GROUP BY ${key} HAVING count(*) > 1 LIMIT 3`);
  if (dup.length) fail(`key (${spec.key.join(', ')}) is not unique`, dup);

  const [{ n }] = await query<{ n: bigint }>(db, `SELECT count(*) AS n FROM ${from}`);
  return Number(n);
}

function bigintSafe(_k: string, v: unknown) { return typeof v === 'bigint' ? Number(v) : v; }
