import { describe, expect, it } from 'vitest';
import { openDb, query, writeRows, type Row } from '../../pipelines/core/db.ts';
import { checkTable } from '../../pipelines/core/checks.ts';
import { col, type TableSpec } from '../../pipelines/catalog/types.ts';
import { AtlasError } from '../../pipelines/core/errors.ts';

const spec = {
  name: 't', layer: 'intermediate', description: 'test', grain: 'row', key: ['id'], export: false,
  columns: [
    col('id', 'INTEGER', 'id'),
    col('who', 'VARCHAR', 'a few distinct strings', { dictionary: true }),
    col('tag', 'VARCHAR', 'a few distinct strings, some null', { dictionary: true, nullable: true }),
    col('text', 'VARCHAR', 'free text', { nullable: true }),
    col('score', 'DOUBLE', 'a number', { nullable: true }),
    col('flag', 'BOOLEAN', 'a flag'),
    col('n', 'INTEGER', 'a number, some null', { nullable: true }),
    col('list', 'VARCHAR[]', 'a list'),
  ],
} as const satisfies TableSpec;

/** 5,000 rows: three data chunks, the last short; nulls only in the second chunk. */
function rows(members: number): Row[] {
  return Array.from({ length: 5000 }, (_, i) => ({
    id: i,
    who: `m${(i * 7) % members}`,
    tag: i >= 2048 && i < 4096 && i % 3 === 0 ? null : ['b', 'a', 'c'][i % 3],
    text: i === 3000 ? null : `row ${i} — é ${'x'.repeat(i % 20)}`,
    score: i === 2500 ? null : i / 4,
    flag: i % 2 === 0,
    n: i % 1000 === 999 ? null : 1 - i,
    list: i % 2 ? [`a${i}`] : [],
  }));
}

async function roundTrip(input: Row[]): Promise<{ back: Row[]; types: string[] }> {
  const db = await openDb();
  try {
    await writeRows(db, spec, input);
    expect(await checkTable(db, spec)).toBe(input.length);
    const back = await query(db, 'SELECT id, who::VARCHAR AS who, tag::VARCHAR AS tag, text, score, flag, n, list FROM t ORDER BY id');
    const types = (await query<{ column_type: string }>(db, 'DESCRIBE t')).map((c) => c.column_type);
    return { back, types };
  } finally {
    db.close();
  }
}

describe('writeRows, column by column', () => {
  it.each([[3, 'UTINYINT'], [300, 'USMALLINT']])('stores every value as given, a dictionary of %i members as an ENUM', async (members) => {
    const input = rows(members);
    const { back, types } = await roundTrip(input);
    expect(back).toEqual(input);
    const sorted = Array.from({ length: members }, (_, i) => `m${i}`).sort(); // m0, m1, m10 …
    expect(types[1]).toBe(`ENUM(${sorted.map((m) => `'${m}'`).join(', ')})`);
    expect(types[2]).toBe("ENUM('a', 'b', 'c')");
    expect(types[3]).toBe('VARCHAR');
  });

  it('sorts by a dictionary column as by its strings', async () => {
    const db = await openDb();
    try {
      await writeRows(db, spec, rows(300));
      const [{ same }] = await query<{ same: boolean }>(db, `SELECT list(id ORDER BY who, id) = list(id ORDER BY who::VARCHAR, id) AS same FROM t`);
      expect(same).toBe(true);
    } finally {
      db.close();
    }
  });

  it('makes an empty table with a dictionary column a VARCHAR, which its check accepts', async () => {
    const db = await openDb();
    try {
      await writeRows(db, spec, []);
      expect(await checkTable(db, spec)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('names the first row and field that do not fit, in row order, and leaves no table', async () => {
    const input = rows(3);
    input[4100].n = 1.5; // third chunk
    input[4200].id = 'x';
    input[2100].n = 2 ** 40; // second chunk, but a later column than a bad id would be
    const db = await openDb();
    try {
      const e = await writeRows(db, spec, input).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).message).toMatch(/cannot store 1099511627776 as INTEGER: .*out of range/);
      expect((e as AtlasError).where).toMatchObject({ record: 't row 2101', field: 'n' });
      expect(await query(db, "SELECT * FROM information_schema.tables WHERE table_name = 't'")).toEqual([]);
    } finally {
      db.close();
    }
  });
});
