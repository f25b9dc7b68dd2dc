/**
 * SQL text built in TypeScript: the one place that quotes literals and identifiers
 * and writes a table's key-ordered SELECT, so every reader orders rows the same way.
 */

/** A string as an SQL literal: 'it''s'. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** A string, number or boolean as an SQL literal (strings quoted, the others as written). */
export function sqlLiteral(v: string | number | boolean): string {
  return typeof v === 'string' ? sqlString(v) : String(v);
}

/** An identifier in double quotes (a quote inside doubled). */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The ORDER BY list of a table's key: "doc_id", "para_no". */
export function keyOrder(key: readonly string[]): string {
  return key.map(sqlIdent).join(', ');
}

/**
 * Every row of a table ordered by its key: the order of the exports, the workbook, the stages'
 * inputs and the notebooks. `from` names the table another way (an attached database's copy).
 *
 * @example orderedSelect({ name: 'themes', key: ['theme_id'] }) // 'SELECT * FROM "themes" ORDER BY "theme_id"'
 */
export function orderedSelect(table: { name: string; key: readonly string[] }, columns = '*', from = sqlIdent(table.name)): string {
  return `SELECT ${columns} FROM ${from} ORDER BY ${keyOrder(table.key)}`;
}
