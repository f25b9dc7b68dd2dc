/**
 * The rows the explorer page shows, read from the build's database: every
 * document (the page says how many the corpus has) and the paragraphs,
 * headings, mentions and claims of only the documents it holds
 * (explorerDocuments). The runner would read those four tables whole:
 * 800,000 rows at 1,000 documents for a page that holds 25 of them.
 * Rows come in the tables' key order, as the runner gives them.
 */
import { tableSpec } from '../../catalog/index.ts';
import { query, type Db, type Row } from '../../core/db.ts';
import { explorerDocuments } from '../write-explorer.ts';

/** Tables read only for the documents the page holds. */
const PER_DOCUMENT = new Set(['paragraphs', 'headings', 'mentions', 'evidence']);

export async function readExplorerInputs(db: Db, names: readonly string[]): Promise<Record<string, Row[]>> {
  const orderBy = (name: string) => tableSpec(name).key.map((k) => `"${k}"`).join(', ');
  const documents = await query<{ doc_id: string; symbol: string }>(db, `SELECT * FROM documents ORDER BY ${orderBy('documents')}`);
  const ids = JSON.stringify(explorerDocuments(documents));
  const out: Record<string, Row[]> = {};
  for (const name of names) {
    if (name === 'documents') out[name] = documents as unknown as Row[];
    else if (PER_DOCUMENT.has(name)) {
      out[name] = await query(db, `SELECT * FROM "${name}" WHERE doc_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]'))) ORDER BY ${orderBy(name)}`, { ids });
    } else out[name] = await query(db, `SELECT * FROM "${name}" ORDER BY ${orderBy(name)}`);
  }
  return out;
}
