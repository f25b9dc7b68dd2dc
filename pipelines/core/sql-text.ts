/**
 * Bits of SQL text built in TypeScript: a string literal, and a table's rows in
 * the order of its catalog key (the order the build reads and exports them in).
 * One copy each, for the pipeline and the notebooks alike.
 */
import type { TableSpec } from '../catalog/types.ts';

/**
 * A SQL string literal: the text in single quotes, quotes inside doubled.
 *
 * @example sqlString("Côte d'Ivoire") // "'Côte d''Ivoire'"
 */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A double-quoted identifier, quotes inside doubled. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Every row of a catalog table, ordered by its key.
 *
 * @example orderedSelect({ name: 'themes', key: ['theme_id'] }) // 'SELECT * FROM "themes" ORDER BY "theme_id"'
 */
export function orderedSelect(spec: Pick<TableSpec, 'name' | 'key'>, from: string = sqlIdent(spec.name)): string {
  return `SELECT * FROM ${from} ORDER BY ${spec.key.map(sqlIdent).join(', ')}`;
}
