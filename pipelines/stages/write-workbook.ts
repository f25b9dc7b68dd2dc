/**
 * Stage write-workbook: output/tables/atlas.xlsx, every exported table the stages before it
 * produce as one sheet, with the catalog's data dictionary as its README sheet. The catalog
 * is the one source: which tables, in which order, with which columns and descriptions.
 */
import { CATALOG } from '../catalog/index.ts';
import { query } from '../lib/db.ts';
import { stage, type Stage, type TsStage } from './stage.ts';

export const WORKBOOK_FILE = 'tables/atlas.xlsx';

/** Dated to the newest document, so the same tables give the same bytes; 1980-01-01 (the first ZIP date) without one. */
export function workbookDate(documents: readonly { date?: unknown }[] | undefined): Date {
  const dates = (documents ?? []).map((d) => String(d.date ?? '')).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return new Date(`${dates.at(-1) ?? '1980-01-01'}T00:00:00Z`);
}

/** The exported catalog tables that `upstream` produces, in catalog order. */
export function workbookTables(upstream: readonly Stage[]): string[] {
  const produced = new Set(upstream.flatMap((s) => s.outputs));
  return CATALOG.filter((t) => t.export !== false && produced.has(t.name)).map((t) => t.name);
}

export function workbookStage(upstream: readonly Stage[]): TsStage {
  const tables = workbookTables(upstream);
  return stage('write-workbook', tables, [`files:${WORKBOOK_FILE}`], async (t, ctx) => {
    const { workbookBytes } = await import('../lib/workbook.ts'); // exceljs loads only when the stage runs
    const symbols = [...new Set((t.documents ?? []).map((d) => String(d.symbol)))].sort();
    const source = symbols.length ? symbols.join('; ') : 'the source documents';
    // Rows as the exports order them (the key, in DuckDB's order): a stage's own rows may come in another order.
    const sheets = [];
    for (const name of tables) {
      const spec = CATALOG.find((s) => s.name === name)!;
      sheets.push({ spec, rows: await query(ctx.db, `SELECT * FROM "${name}" ORDER BY ${spec.key.map((k) => `"${k}"`).join(', ')}`) });
    }
    const result = await workbookBytes(sheets, {
      date: workbookDate(t.documents),
      title: 'Mechanism Atlas tables',
      description: `Mechanism Atlas coding of ${source}: one sheet per table, the data dictionary in the README sheet. `
        + 'Counts are the kit\'s coding of the report, each traced to paragraph numbers.',
    });
    for (const c of result.cut) {
      ctx.log.warn(`write-workbook: ${c.table}: ${c.cells} cell(s) cut at Excel's 32,767 characters, ${c.rows} row(s) past Excel's last row left out; the CSV and Parquet files have everything`);
    }
    await ctx.write(WORKBOOK_FILE, result.bytes);
    return {};
  }, { code: ['pipelines/stages/write-workbook.ts', 'pipelines/lib/workbook.ts', 'pipelines/lib/zip-dates.ts', 'pipelines/catalog'] });
}

/** The stages followed by the workbook of every exported table they produce. */
export function withWorkbook(stages: readonly Stage[]): readonly Stage[] {
  return [...stages, workbookStage(stages)];
}
