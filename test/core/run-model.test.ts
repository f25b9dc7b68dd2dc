import { describe, expect, it } from 'vitest';
import { openDb, query } from '../../pipelines/core/db.ts';
import { runModel, type SqlModel } from '../../pipelines/core/sql-models.ts';
import { CATALOG } from '../../pipelines/catalog/index.ts';

const model = (sql: string): SqlModel => ({ name: 'named', layer: 'final', file: 'named.sql', sql });
const kindOf = async (db: Awaited<ReturnType<typeof openDb>>) =>
  (await query<{ kind: string }>(db, "SELECT table_type AS kind FROM information_schema.tables WHERE table_name = 'named'"))[0]?.kind;

describe('runModel', () => {
  it('stores a model as a table, or keeps it as a view that follows its inputs, replacing an object of the other kind', async () => {
    const db = await openDb();
    try {
      await db.conn.run('CREATE TABLE ids AS SELECT 1 AS id');
      await runModel(db, model('select id, id * 10 as ten from ids'), 'TABLE');
      expect(await kindOf(db)).toBe('BASE TABLE');
      // a previous build's table becomes a view (DuckDB refuses CREATE OR REPLACE VIEW over a table)
      await runModel(db, model('select id, id * 10 as ten from ids'), 'VIEW');
      expect(await kindOf(db)).toBe('VIEW');
      await db.conn.run('INSERT INTO ids VALUES (2)');
      expect((await query<{ ten: number }>(db, 'SELECT ten FROM named ORDER BY id')).map((r) => r.ten)).toEqual([10, 20]);
      // and back
      await runModel(db, model('select id from ids'), 'TABLE');
      expect(await kindOf(db)).toBe('BASE TABLE');
      expect((await query(db, 'SELECT * FROM named')).length).toBe(2);
    } finally {
      db.close();
    }
  });

  it('keeps as views only the named views, which put names beside another table\'s ids, and claims, which puts words beside claim_spans\' offsets', () => {
    expect(CATALOG.filter((t) => t.view).map((t) => t.name).sort()).toEqual(['ask_claims_named', 'claims', 'claims_named', 'evidence_named']);
  });
});
