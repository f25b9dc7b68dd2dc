/**
 * The rows the explorer page shows, read from the build's database: every
 * document (the page says how many the corpus has) and the paragraphs,
 * headings, mentions and evidence of only the documents it holds
 * (explorerDocuments). The runner would read those four tables whole:
 * 800,000 rows at 1,000 documents for a page that holds 25 of them.
 * Rows come in the tables' key order, as the runner gives them.
 */
import { tableSpec } from '../../catalog/index.ts';
import type { RowOfTable, TableName } from '../../catalog/rows.ts';
import { query, type Db, type Row } from '../../core/db.ts';
import { orderedSelect, keyOrder, sqlIdent } from '../../core/sql.ts';
import type { InputTables } from '../../core/stage.ts';
import { explorerDocuments } from '../write-explorer.ts';

/** Tables read only for the documents the page holds. */
const PER_DOCUMENT = new Set<string>(['paragraphs', 'headings', 'mentions', 'evidence']);

export async function readExplorerInputs<const I extends readonly TableName[]>(db: Db, names: I): Promise<InputTables<I>> {
  const documents = await query<RowOfTable<'documents'>>(db, orderedSelect(tableSpec('documents')));
  const ids = JSON.stringify(explorerDocuments(documents));
  const out: Record<string, readonly Row[]> = {};
  for (const name of names) {
    const spec = tableSpec(name);
    if (name === 'documents') out[name] = documents;
    else if (PER_DOCUMENT.has(name)) {
      out[name] = await query(db, `SELECT * FROM ${sqlIdent(name)} WHERE doc_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]'))) ORDER BY ${keyOrder(spec.key)}`, { ids });
    } else out[name] = await query(db, orderedSelect(spec));
  }
  return out as InputTables<I>;
}
