import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec, openDb, type Db } from '../../../pipelines/core/db.ts';
import { readExplorerInputs } from '../../../pipelines/report/explorer/read-explorer-inputs.ts';
import { EXPLORER_MAX_DOCUMENTS } from '../../../pipelines/report/write-explorer.ts';

// More documents than the page holds, symbols in another order than doc_ids; only the key columns matter here.
const N = EXPLORER_MAX_DOCUMENTS + 3;
let db: Db;
beforeAll(async () => {
  db = await openDb();
  const docs = Array.from({ length: N }, (_, i) => `('d${String(i).padStart(3, '0')}', 'S/${String(N - i).padStart(3, '0')}')`).join(', ');
  await exec(db, `
    CREATE TABLE documents (doc_id VARCHAR, symbol VARCHAR);
    INSERT INTO documents VALUES ${docs};
    CREATE TABLE paragraphs (doc_id VARCHAR, para_no INTEGER, text VARCHAR);
    INSERT INTO paragraphs SELECT doc_id, p, 'x' FROM documents, range(1, 3) t(p);
    CREATE TABLE themes (theme_id VARCHAR, sort_order INTEGER);
    INSERT INTO themes VALUES ('b', 2), ('a', 1);
    CREATE TABLE coverage_region_theme (region VARCHAR, theme_id VARCHAR, paragraphs INTEGER[], sources STRUCT(doc_id VARCHAR, para_no INTEGER)[], cited VARCHAR);
    INSERT INTO coverage_region_theme VALUES ('Africa', 'a', [3, 5], [{'doc_id': 'd001', 'para_no': 3}, {'doc_id': 'd002', 'para_no': 5}], 'S/027, para. 3; S/026, para. 5');
  `);
});
afterAll(() => db?.close());

describe('readExplorerInputs', () => {
  it('reads every document, and the paragraphs of only the documents the page holds, in key order', async () => {
    const t = await readExplorerInputs(db, ['documents', 'paragraphs', 'themes']);
    expect(t.documents).toHaveLength(N);
    // The page holds the first documents by symbol: S/001 … belong to the highest doc_ids.
    const held = [...new Set(t.paragraphs!.map((p) => p.doc_id as string))];
    expect(held).toHaveLength(EXPLORER_MAX_DOCUMENTS);
    expect(held).not.toContain('d000');
    expect(held).toContain(`d${String(N - 1).padStart(3, '0')}`);
    expect(t.paragraphs!.map((p) => `${p.doc_id}/${p.para_no}`)).toEqual(held.flatMap((d) => [`${d}/1`, `${d}/2`]));
    expect(t.themes!.map((x) => x.theme_id)).toEqual(['a', 'b']);
  });

  it('reads a chart table\'s paragraph lists as empty in a corpus (its charts show the cited text), and whole with one document', async () => {
    const t = await readExplorerInputs(db, ['coverage_region_theme']);
    expect(t.coverage_region_theme).toEqual([{ region: 'Africa', theme_id: 'a', paragraphs: [], sources: [], cited: 'S/027, para. 3; S/026, para. 5' }]);
    const one = await openDb();
    try {
      await exec(one, `
        CREATE TABLE documents (doc_id VARCHAR, symbol VARCHAR);
        INSERT INTO documents VALUES ('d001', 'S/1');
        CREATE TABLE coverage_region_theme (region VARCHAR, theme_id VARCHAR, paragraphs INTEGER[], sources STRUCT(doc_id VARCHAR, para_no INTEGER)[]);
        INSERT INTO coverage_region_theme VALUES ('Africa', 'a', [3], [{'doc_id': 'd001', 'para_no': 3}]);
      `);
      expect((await readExplorerInputs(one, ['coverage_region_theme'])).coverage_region_theme)
        .toEqual([{ region: 'Africa', theme_id: 'a', paragraphs: [3], sources: [{ doc_id: 'd001', para_no: 3 }] }]);
    } finally {
      one.close();
    }
  });
});
