import { describe, expect, it } from 'vitest';
import { openDb, query } from '../../pipelines/core/db.ts';
import { orderedSelect, sqlIdent, sqlString } from '../../pipelines/core/sql.ts';

describe('SQL text', () => {
  it('quotes a string literal and an identifier so that DuckDB reads them back unchanged', async () => {
    const db = await openDb();
    try {
      const text = "Côte d'Ivoire ''x'' \"q\"";
      const [row] = await query<Record<string, string>>(db, `SELECT ${sqlString(text)} AS ${sqlIdent('odd "name"')}`);
      expect(row).toEqual({ 'odd "name"': text });
    } finally {
      db.close();
    }
  });

  it('selects a table in the order of its key, also from a qualified name', async () => {
    const db = await openDb();
    try {
      await db.conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES ('b', 2), ('a', 2), ('b', 1)) v(doc_id, para_no)`);
      const spec = { name: 't', key: ['doc_id', 'para_no'] };
      expect(orderedSelect(spec)).toBe('SELECT * FROM "t" ORDER BY "doc_id", "para_no"');
      const rows = await query<{ doc_id: string; para_no: number }>(db, orderedSelect(spec, '*', 'memory.main."t"'));
      expect(rows.map((r) => `${r.doc_id}${r.para_no}`)).toEqual(['a2', 'b1', 'b2']);
    } finally {
      db.close();
    }
  });
});
