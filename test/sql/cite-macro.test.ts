/**
 * The citation macros of pipelines/sql/macros.sql against an in-memory DuckDB:
 * cite() names each paragraph's document, registry_cites() keys the registry's
 * paragraphs to A/HRC/14/32 only when the corpus holds it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, query, writeRows, type Db } from '../../pipelines/core/db.ts';
import { createMacros } from '../../pipelines/core/sql-models.ts';
import { documents } from '../../pipelines/catalog/index.ts';
import { REGISTRY_SOURCE_SYMBOL } from '../../pipelines/registry/check-citations.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const doc = (doc_id: string, symbol: string) => ({
  doc_id, symbol, title: 't', date: '2010-05-04', body: null, language: 'en', source_file: `${doc_id}.txt`, sha256: '0'.repeat(64),
  n_paragraphs: 1, pages: null, profile: null,
});

let db: Db;
beforeAll(async () => {
  db = await openDb();
  await writeRows(db, documents, [doc('a-hrc-14-32', 'A/HRC/14/32'), doc('svn-3', 'A/HRC/WG.6/20/SVN/3'), doc('a-hrc-14-37', 'A/HRC/14/37')]);
  await createMacros(db);
});
afterAll(() => db?.close());

const one = async (sql: string) => Object.values((await query<Record<string, unknown>>(db, `SELECT ${sql} AS v`))[0]!)[0];

describe('cite()', () => {
  it('names each paragraph by its document: documents by symbol, paragraphs ascending and once', async () => {
    expect(await one(`cite([{'doc_id': 'svn-3', 'para_no': 30}, {'doc_id': 'a-hrc-14-32', 'para_no': 62}, {'doc_id': 'a-hrc-14-32', 'para_no': 24}, {'doc_id': 'a-hrc-14-32', 'para_no': 62}])`))
      .toBe('A/HRC/14/32, paras. 24, 62; A/HRC/WG.6/20/SVN/3, para. 30');
    expect(await one("cite(cites_of('a-hrc-14-37', [5]))")).toBe('A/HRC/14/37, para. 5');
  });

  it('gives null for nothing cited, and cite_note() nothing at all', async () => {
    expect(await one('cite(no_cites())')).toBeNull();
    expect(await one('cite_note(no_cites())')).toBe('');
    expect(await one("cite_note(cites_of('a-hrc-14-32', [3]))")).toBe(' (A/HRC/14/32, para. 3)');
  });

  it('para_nos() and cites_sorted() keep the document order of the keyed list', async () => {
    expect(await one("para_nos(cites_sorted(cites_of('svn-3', [30]) || cites_of('a-hrc-14-32', [88, 3, 88])))")).toEqual([3, 88, 30]);
  });
});

describe('cited_rows()', () => {
  it('gives per key what cites_sorted() and cite() give for that key\'s list, doc ids without a document kept as they are', async () => {
    const lists: Record<string, string> = {
      k1: "[{'doc_id': 'svn-3', 'para_no': 30}, {'doc_id': 'a-hrc-14-32', 'para_no': 62}, {'doc_id': 'a-hrc-14-32', 'para_no': 24}, {'doc_id': 'a-hrc-14-32', 'para_no': 62}]",
      k2: "[{'doc_id': 'a-hrc-14-37', 'para_no': 5}]",
      k3: "[{'doc_id': 'not-in-corpus', 'para_no': 2}, {'doc_id': 'a-hrc-14-37', 'para_no': 9}, {'doc_id': 'a-hrc-14-37', 'para_no': 1}]",
    };
    const rows = Object.entries(lists).map(([k, l]) => `SELECT '${k}' AS key, unnest(${l}, recursive := true)`).join(' UNION ALL ');
    const got = await query<{ key: string; sources: unknown[]; cited: string }>(db,
      `WITH cited_input AS (${rows}) SELECT key, sources, cited FROM cited_rows('cited_input') ORDER BY key`);
    expect(got.map((r) => r.key)).toEqual(['k1', 'k2', 'k3']);
    for (const r of got) {
      expect(r.sources, r.key).toEqual(await one(`cites_sorted(${lists[r.key]})`));
      expect(r.cited, r.key).toBe(await one(`cite(${lists[r.key]})`));
    }
    expect(got[2]!.cited).toBe('A/HRC/14/37, paras. 1, 9; not-in-corpus, para. 2');
  });
});

describe('registry_cites()', () => {
  it('keys the registry\'s paragraphs to A/HRC/14/32 in the corpus', async () => {
    expect(await one('registry_cites([24, 25])')).toEqual([{ doc_id: 'a-hrc-14-32', para_no: 24 }, { doc_id: 'a-hrc-14-32', para_no: 25 }]);
  });

  it('gives nothing when the corpus lacks A/HRC/14/32 (a citation points into the corpus)', async () => {
    const other = await openDb();
    try {
      await writeRows(other, documents, [doc('svn-3', 'A/HRC/WG.6/20/SVN/3')]);
      await createMacros(other);
      const [r] = await query<{ v: unknown[] }>(other, 'SELECT registry_cites([24]) AS v');
      expect(r!.v).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('names the same document as the registry citation check', () => {
    const sql = readFileSync(join(import.meta.dirname, '../../pipelines/sql/macros.sql'), 'utf8');
    expect(sql).toContain(`WHERE symbol = '${REGISTRY_SOURCE_SYMBOL}'`);
  });
});

describe('is_counted()', () => {
  it('agrees with catalog isCounted on every claim role: only actor counts', async () => {
    const { CLAIM_ROLES, isCounted } = await import('../../pipelines/catalog/evidence.ts');
    for (const role of CLAIM_ROLES) {
      const [{ counted }] = await query<{ counted: boolean }>(db, `SELECT is_counted($role) AS counted`, { role });
      expect(counted, role).toBe(isCounted(role));
    }
    expect(CLAIM_ROLES.filter(isCounted)).toEqual(['actor']);
  });

  it('is the only statement of the rule in the SQL models', () => {
    const models = ['staging', 'intermediate', 'final'].flatMap((layer) => readdirSync(join('pipelines/sql', layer)).map((f) => join('pipelines/sql', layer, f)));
    const users = models.filter((m) => readFileSync(m, 'utf8').includes('is_counted('));
    expect(users.length).toBeGreaterThanOrEqual(5);
    for (const m of models) expect(readFileSync(m, 'utf8'), m).not.toMatch(/'actor'/);
  });
});
