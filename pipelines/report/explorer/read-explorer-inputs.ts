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

/**
 * The charts' tables, whose paragraph lists a chart of several documents never shows (it shows
 * their cited text: charts/common.ts slim): in a corpus they are read as empty lists. At 1,000
 * documents the two tables' lists hold 1.2 million entries, read only to be dropped.
 */
const CHART_LISTS = {
  coverage_mechanism_theme: ['paragraphs', 'sources'],
  coverage_region_theme: ['paragraphs', 'sources'],
} as const;

export async function readExplorerInputs<const I extends readonly TableName[]>(db: Db, names: I): Promise<InputTables<I>> {
  const { documents } = await readTables(db, ['documents']);
  const ids = JSON.stringify(explorerDocuments(documents));
  const ofPage = (name: string): PartialRead => (orderBy) => ({
    sql: `SELECT * FROM "${name}" WHERE doc_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]'))) ORDER BY ${orderBy}`, params: { ids },
  });
  const withoutLists = ([name, lists]: [string, readonly string[]]): [string, PartialRead] => [name, (orderBy) => ({
    sql: `SELECT * REPLACE (${lists.map((c) => `list_slice("${c}", 1, 0) AS "${c}"`).join(', ')}) FROM "${name}" ORDER BY ${orderBy}`,
  })];
  return readTables(db, names, {
    ...Object.fromEntries(PER_DOCUMENT.map((n) => [n, ofPage(n)])),
    ...(documents.length > 1 ? Object.fromEntries(Object.entries(CHART_LISTS).map(withoutLists)) : {}),
  });
}
