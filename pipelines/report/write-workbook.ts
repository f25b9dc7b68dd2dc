/**
 * Stage write-workbook: output/tables/atlas.xlsx, every exported table the stages before it
 * produce as one sheet, with the catalog's data dictionary as its README sheet. The catalog
 * is the one source: which tables, in which order, with which columns and descriptions.
 * The stage reads the tables from the database itself, in the exports' row order, and only
 * those whose rows fit the workbook's budget (the rest get a sheet saying where they are).
 */
import { CATALOG, isTableName, type TableName } from '../catalog/index.ts';
import type { Db } from '../core/db.ts';
import { orderedSelect } from '../core/sql.ts';
import { defineStage, type Stage, type StageContext, type TsStage } from '../core/stage.ts';
import { corpusName } from '../text/corpus-name.ts';

export const WORKBOOK_FILE = 'tables/atlas.xlsx';

/** Dated to the newest document, so the same tables give the same bytes; 1980-01-01 (the first ZIP date) without one. */
export function workbookDate(documents: readonly { date?: unknown }[] | undefined): Date {
  const dates = (documents ?? []).map((d) => String(d.date ?? '')).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return new Date(`${dates.at(-1) ?? '1980-01-01'}T00:00:00Z`);
}

/** The exported catalog tables that `upstream` produces, in catalog order. */
export function workbookTables(upstream: readonly Stage[]): TableName[] {
  const produced = new Set(upstream.flatMap((s) => s.outputs));
  return CATALOG.filter((t) => t.export !== false && produced.has(t.name)).map((t) => t.name).filter(isTableName);
}

/** What the workbook says it holds: the corpus as every title names it (lib/corpus-name.ts). */
export function workbookDescription(symbols: readonly string[]): string {
  const source = symbols.length === 0 ? 'the source documents' : corpusName(symbols);
  return `Mechanism Atlas coding of ${source}: one sheet per table, the data dictionary in the README sheet. `
    + 'Counts are the kit\'s coding of the report, each traced to paragraph numbers.';
}

async function documentsOf(db: Db, tables: readonly string[]): Promise<{ symbol: string; date: string | null }[]> {
  if (!tables.includes('documents')) return [];
  const { query } = await import('../core/db.ts');
  return query(db, 'SELECT DISTINCT symbol, CAST(date AS VARCHAR) AS date FROM documents ORDER BY symbol');
}

export function workbookStage(upstream: readonly Stage[]): TsStage {
  const tables = workbookTables(upstream);
  const run = async (_t: unknown, ctx: StageContext<never>) => {
    // exceljs and DuckDB load only when the stage runs: a no-change rebuild loads neither
    const { workbookBytes, tablesThatFit, sheetColumns } = await import('./workbook.ts');
    const { query } = await import('../core/db.ts');
    const counts = [];
    for (const name of tables) counts.push({ name, rows: Number((await query<{ n: bigint }>(ctx.db, `SELECT count(*) AS n FROM "${name}"`))[0].n) });
    const fit = tablesThatFit(counts);
    const sheets = [];
    for (const { name, rows } of counts) {
      const spec = CATALOG.find((s) => s.name === name)!;
      // rows as the exports order them (the key, in DuckDB's order), lists joined and text cut in SQL
      sheets.push(fit.has(name) ? { spec, rows: await query(ctx.db, orderedSelect(spec, sheetColumns(spec))) } : { spec, rows: null, nRows: rows });
    }
    const documents = await documentsOf(ctx.db, tables);
    const result = await workbookBytes(sheets, {
      date: workbookDate(documents),
      title: 'Mechanism Atlas tables',
      description: workbookDescription(documents.map((d) => d.symbol)),
    });
    for (const c of result.cut) {
      ctx.log.warn(`write-workbook: ${c.table}: ${c.cells} cell(s) cut at Excel's 32,767 characters, ${c.rows} row(s) past Excel's last row left out; the CSV and Parquet files have everything`);
    }
    if (result.leftOut.length) {
      ctx.log.warn(`write-workbook: rows not in the workbook (over its budget; in the CSV and Parquet files): ${result.leftOut.map((l) => `${l.table} (${l.rows.toLocaleString('en')})`).join(', ')}`);
    }
    await ctx.write(WORKBOOK_FILE, result.bytes);
    return {};
  };
  // the stage reads the tables from the database itself, in the exports' row order
  return defineStage({ name: 'write-workbook', module: import.meta.url, inputs: tables, outputs: [`files:${WORKBOOK_FILE}`], readsOwnInputs: true, run });
}
