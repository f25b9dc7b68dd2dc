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
 * Check a table against its declaration; returns its row count. All checks run as
 * one query (one scan plus the key grouping); only when one of them fails are the
 * checks run again one by one, to name the first failure and quote sample rows.
 */
export async function checkTable(db: Db, spec: TableSpec, stage?: string): Promise<number> {
  const n = await checkAllAtOnce(db, spec);
  if (n !== null) return n;
  return checkOneByOne(db, spec, stage);
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
async function checkAllAtOnce(db: Db, spec: TableSpec): Promise<number | null> {
  let cols: { column_name: string; column_type: string }[];
  try {
    cols = await query(db, `DESCRIBE ${q(spec.name)}`);
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
      (SELECT count(*) FROM (SELECT 1 FROM ${q(spec.name)} GROUP BY ${key} HAVING count(*) > 1)) AS dup
      FROM ${q(spec.name)}`);
  } catch {
    return null; // the detailed checks run the same tests and report the error as before
  }
  if (row.dup !== 0n || row.bad.some((b) => b !== 0n)) return null;
  return Number(row.n);
}

async function checkOneByOne(db: Db, spec: TableSpec, stage?: string): Promise<number> {
  const fail = (problem: string, sample?: unknown[]) => {
    throw new AtlasError(`${problem}${sample?.length ? `\n  sample: ${JSON.stringify(sample.slice(0, 3), bigintSafe)}` : ''}`,
      { stage, record: `table ${spec.name}`, hint: 'fix the input or the model that produces this table' });
  };

  const cols = await query<{ column_name: string; column_type: string }>(db, `DESCRIBE ${q(spec.name)}`);
  const got = describedAs(cols, spec);
  const want = declaredAs(spec);
  if (got !== want) fail(`columns do not match the catalog\n  expected: ${want}\n  found:    ${got}`);

  for (const c of spec.columns) {
    if (!c.nullable) {
      const bad = await query(db, `SELECT * FROM ${q(spec.name)} WHERE ${q(c.name)} IS NULL LIMIT 3`);
      if (bad.length) fail(`column ${c.name} is declared not null but has nulls`, bad);
    }
    if (c.accepted) {
      const bad = await query(db, `SELECT DISTINCT ${q(c.name)} AS value FROM ${q(spec.name)}
        WHERE ${q(c.name)} IS NOT NULL AND ${q(c.name)} NOT IN (${c.accepted.map(lit).join(', ')}) LIMIT 3`);
      if (bad.length) fail(`column ${c.name} has values outside ${JSON.stringify(c.accepted)}`, bad);
    }
  }

  const key = spec.key.map(q).join(', ');
  const dup = await query(db, `SELECT ${key}, count(*) AS n FROM ${q(spec.name)} GROUP BY ${key} HAVING count(*) > 1 LIMIT 3`);
  if (dup.length) fail(`key (${spec.key.join(', ')}) is not unique`, dup);

  const [{ n }] = await query<{ n: bigint }>(db, `SELECT count(*) AS n FROM ${q(spec.name)}`);
  return Number(n);
}

function bigintSafe(_k: string, v: unknown) { return typeof v === 'bigint' ? Number(v) : v; }
