/**
 * The rows the charts and the briefing show, read from the build's database.
 *
 * The runner would read every input table whole; at 1,000 documents that is
 * 332,079 evidence rows and 137,000 paragraphs, converted to JS objects and
 * hashed into the briefing's build id, for the few hundred rows the briefing
 * quotes. Here the small tables are read whole and the two big ones only where
 * the briefing looks: the actor evidence in paragraphs some finding cites (the
 * columns the quotes use), and
 * the paragraph that holds the report's caveat on selection. Rows come in the
 * tables' key order, as the runner gives them, so the quotes are the same.
 */
import type { TableName } from '../catalog/rows.ts';
import { query, type Db } from '../core/db.ts';
import { readTables, type PartialRead } from '../core/read-tables.ts';
import type { InputTables } from '../core/stage.ts';
import { CAVEAT_PARA } from './briefing/model.ts';
import type { EvidenceRow } from './briefing/quotes.ts';

/**
 * The evidence columns the quotes read (briefing/quotes.ts EvidenceRow): not the claim's
 * sentence and other columns, which at 1,000 documents are most of the table's bytes.
 */
const EVIDENCE_COLUMNS = ['doc_id', 'mechanism_id', 'theme_id', 'para_no', 'role', 'theme_source', 'quote'] as const satisfies readonly (keyof EvidenceRow)[];

/** Tables read only in part (the rest are read whole). */
const PARTIAL: Record<string, PartialRead> = {
  // quotesForFinding takes actor rows in a finding's cited paragraphs (data_gaps.sources;
  // a finding without sources cites paragraph numbers of any document).
  evidence: (orderBy) => ({ sql: `
    WITH cited AS (
      SELECT DISTINCT s.doc_id, s.para_no FROM (SELECT unnest(sources) AS s FROM data_gaps WHERE sources IS NOT NULL)
    ), cited_numbers AS (
      SELECT DISTINCT unnest(citations) AS para_no FROM data_gaps WHERE sources IS NULL
    )
    SELECT ${EVIDENCE_COLUMNS.map((c) => `e."${c}"`).join(', ')} FROM evidence e
    WHERE is_counted(e.role)
      AND (EXISTS (SELECT 1 FROM cited c WHERE c.doc_id = e.doc_id AND c.para_no = e.para_no)
        OR e.para_no IN (SELECT para_no FROM cited_numbers))
    ORDER BY ${orderBy}` }),
  // The methods section quotes one sentence of one paragraph.
  paragraphs: (orderBy) => ({ sql: `SELECT * FROM paragraphs WHERE para_no = ${CAVEAT_PARA} ORDER BY ${orderBy}` }),
  // No chart or form of the briefing shows headings.
  headings: (orderBy) => ({ sql: `SELECT * FROM headings WHERE false ORDER BY ${orderBy}` }),
};

/**
 * Each input table's rows the report needs, ordered by the table's key. The rows of a table
 * read in part carry only the columns its readers use (evidence: EVIDENCE_COLUMNS).
 *
 * A table read whole has its lists read as JSON text and parsed here: JSON.parse builds the
 * arrays in a third of the time DuckDB's value conversion takes (at 1,000 documents the lists
 * of the coverage tables hold five million entries), and gives the same values.
 */
export async function readReportInputs<const I extends readonly TableName[]>(db: Db, names: I): Promise<InputTables<I>> {
  const lists = await listColumns(db, names.filter((n) => !PARTIAL[n]));
  const asJson: Record<string, PartialRead> = Object.fromEntries([...lists].map(([name, columns]) => [name, (orderBy) => ({
    sql: `SELECT * REPLACE (${columns.map((c) => `to_json("${c}")::VARCHAR AS "${c}"`).join(', ')}) FROM "${name}" ORDER BY ${orderBy}`,
  })]));
  const t = await readTables(db, names, { ...asJson, ...PARTIAL });
  for (const [name, columns] of lists) {
    for (const row of t[name as I[number]] as Record<string, unknown>[]) {
      for (const c of columns) if (row[c] !== null) row[c] = JSON.parse(row[c] as string);
    }
  }
  return t;
}

/** The list columns of each table that has any. */
async function listColumns(db: Db, names: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await query<{ table_name: string; column_name: string }>(db, `SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'main' AND data_type LIKE '%[]' AND list_contains(from_json($names, '["VARCHAR"]'), table_name)
    ORDER BY table_name, ordinal_position`, { names: JSON.stringify(names) });
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
  return out;
}
