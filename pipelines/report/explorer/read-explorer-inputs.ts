/**
 * The rows the explorer page shows, read from the build's database: every
 * document (the page says how many the corpus has) and the paragraphs,
 * headings, mentions and evidence of only the documents it holds
 * (explorerDocuments). The runner would read those four tables whole:
 * 800,000 rows at 1,000 documents for a page that holds 25 of them.
 * Rows come in the tables' key order, as the runner gives them.
 */
import type { TableName } from '../../catalog/rows.ts';
import type { Db } from '../../core/db.ts';
import { readTables, type PartialRead } from '../../core/read-tables.ts';
import type { InputTables } from '../../core/stage.ts';
import { explorerDocuments } from '../write-explorer.ts';

/** Tables read only for the documents the page holds. */
const PER_DOCUMENT = ['paragraphs', 'headings', 'mentions', 'evidence'] as const;

export async function readExplorerInputs<const I extends readonly TableName[]>(db: Db, names: I): Promise<InputTables<I>> {
  const { documents } = await readTables(db, ['documents']);
  const ids = JSON.stringify(explorerDocuments(documents));
  const ofPage = (name: string): PartialRead => (orderBy) => ({
    sql: `SELECT * FROM "${name}" WHERE doc_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]'))) ORDER BY ${orderBy}`, params: { ids },
  });
  return readTables(db, names, Object.fromEntries(PER_DOCUMENT.map((n) => [n, ofPage(n)])));
}
