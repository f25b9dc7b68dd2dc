import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec, openDb, query, type Db } from '../../pipelines/core/db.ts';
import { readReportInputs } from '../../pipelines/report/read-report-inputs.ts';
import { createMacros } from '../../pipelines/core/sql-models.ts';
import { CAVEAT_PARA } from '../../pipelines/report/briefing/model.ts';
import { quotesForFinding, type EvidenceRow } from '../../pipelines/report/briefing/quotes.ts';

// Only the columns the reader and the quotes use; rows inserted out of key order on purpose.
let db: Db;
beforeAll(async () => {
  db = await openDb();
  await exec(db, `
    CREATE TABLE data_gaps (finding_id VARCHAR, kind VARCHAR, subject VARCHAR, statement VARCHAR, citations INTEGER[],
      sources STRUCT(doc_id VARCHAR, para_no INTEGER)[]);
    INSERT INTO data_gaps VALUES
      ('redress:fund', 'redress', 'fund', 'COMMIT lacks a fund (d1, para. 88).', [88], [{'doc_id': 'd1', 'para_no': 88}]),
      ('few_mechanisms:t', 'few_mechanisms', 't', 'Few (d2, para. 5).', [5], [{'doc_id': 'd2', 'para_no': 5}]);
    CREATE TABLE evidence (doc_id VARCHAR, mechanism_id VARCHAR, theme_id VARCHAR, para_no INTEGER, role VARCHAR, quote VARCHAR, theme_source VARCHAR, sentence VARCHAR);
    INSERT INTO evidence VALUES
      ('d2', 'asean', 't', 5, 'actor', 'ASEAN did t.', 'heading', 's'),
      ('d1', 'commit', 'redress', 88, 'actor', 'COMMIT set up a compensation fund.', 'heading', 's'),
      ('d1', 'commit', 'redress', 88, 'lacking', 'COMMIT lacks a fund.', 'heading', 's'),
      ('d1', 'asean', 'redress', 88, 'actor', 'ASEAN gave legal aid.', 'words', 's'),
      ('d2', 'commit', 'redress', 88, 'actor', 'Another document''s para 88.', 'heading', 's'),
      ('d1', 'commit', 't', 6, 'actor', 'Not cited.', 'heading', 's');
    CREATE TABLE paragraphs (doc_id VARCHAR, para_no INTEGER, text VARCHAR);
    INSERT INTO paragraphs VALUES ('d2', ${CAVEAT_PARA}, 'Only a few selected initiatives.'), ('d1', 1, 'One.'), ('d1', ${CAVEAT_PARA}, 'Caveat.');
    CREATE TABLE headings (doc_id VARCHAR, heading_id VARCHAR, label VARCHAR);
    INSERT INTO headings VALUES ('d1', 'h1', 'A heading');
    CREATE TABLE documents (doc_id VARCHAR, symbol VARCHAR);
    INSERT INTO documents VALUES ('d2', 'B/2'), ('d1', 'A/1');
  `);
  await createMacros(db); // as the build has made them by then (is_counted)
});
afterAll(() => db?.close());

describe('readReportInputs', () => {
  it('reads small tables whole and in key order', async () => {
    const t = await readReportInputs(db, ['documents']);
    expect(t.documents).toEqual([{ doc_id: 'd1', symbol: 'A/1' }, { doc_id: 'd2', symbol: 'B/2' }]);
  });

  it('reads lists (parsed from DuckDB\'s JSON) as the runner reads them', async () => {
    await exec(db, `CREATE TABLE redress (mechanism_id VARCHAR, paragraphs INTEGER[], sources STRUCT(doc_id VARCHAR, para_no INTEGER)[], names VARCHAR[]);
      INSERT INTO redress VALUES ('b', NULL, [], ['x"y\\z', 'é\u000b😀', NULL]), ('a', [88, NULL, 3], [{'doc_id': 'd1', 'para_no': 88}], NULL)`);
    const t = await readReportInputs(db, ['redress']);
    expect(t.redress).toEqual(await query(db, 'SELECT * FROM redress ORDER BY mechanism_id'));
    expect(t.redress![0]!.paragraphs).toEqual([88, null, 3]);
  });

  it('reads only the actor evidence of cited paragraphs, each with its document, in key order', async () => {
    const t = await readReportInputs(db, ['evidence']);
    expect(Object.keys(t.evidence![0]!).sort()).toEqual(['doc_id', 'mechanism_id', 'para_no', 'quote', 'role', 'theme_id', 'theme_source']);
    expect(t.evidence!.map((e) => [e.doc_id, e.mechanism_id, e.para_no, e.role])).toEqual([
      ['d1', 'asean', 88, 'actor'], ['d1', 'commit', 88, 'actor'], ['d2', 'asean', 5, 'actor'],
    ]);
  });

  it('gives every finding the same quotes as the whole evidence table does', async () => {
    const t = await readReportInputs(db, ['data_gaps', 'evidence']);
    const all = await query<EvidenceRow>(db, 'SELECT * FROM evidence ORDER BY doc_id, mechanism_id, theme_id, para_no, role');
    const ctx = { mechanisms: [
      { mechanism_id: 'commit', acronym: 'COMMIT', name: 'COMMIT process', region: 'Asia' },
      { mechanism_id: 'asean', acronym: 'ASEAN', name: 'ASEAN', region: 'Asia' },
    ], max: 3 };
    for (const f of t.data_gaps as never[]) {
      expect(quotesForFinding(f, t.evidence as never, ctx)).toEqual(quotesForFinding(f, all, ctx));
      expect(quotesForFinding(f, all, ctx).length).toBeGreaterThan(0);
    }
  });

  it('reads only the caveat paragraph and no headings', async () => {
    const t = await readReportInputs(db, ['paragraphs', 'headings']);
    expect(t.paragraphs!.map((p) => [p.doc_id, p.para_no])).toEqual([['d1', CAVEAT_PARA], ['d2', CAVEAT_PARA]]);
    expect(t.headings).toEqual([]);
  });
});
