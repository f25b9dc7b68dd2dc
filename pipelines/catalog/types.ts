/**
 * The shape of a catalog entry. Every table the pipeline writes is declared once,
 * with its grain, key, columns and checks; the runner enforces the declaration.
 */
export type ColumnType =
  | 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE'
  | 'VARCHAR[]' | 'INTEGER[]' | typeof CITES;

/**
 * A list of cited paragraphs, each with its document: in a corpus a paragraph
 * number alone is ambiguous, so every list of citations that spans documents
 * is keyed by document and paragraph (DuckDB's spelling, as DESCRIBE prints it).
 */
export const CITES = 'STRUCT(doc_id VARCHAR, para_no INTEGER)[]';

/** One cited paragraph of a CITES list. */
export interface CitedParagraph { doc_id: string; para_no: number }

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /** Nulls allowed (default false: a NOT NULL check runs). */
  readonly nullable?: boolean;
  /** Closed vocabulary checked by an accepted-values check. */
  readonly accepted?: readonly (string | number | boolean)[];
  /**
   * A VARCHAR stored as a DuckDB ENUM of the values it holds: a small code per row instead of a
   * string, for the few distinct strings of a large intermediate table (claim_spans). Models read
   * it as VARCHAR after a cast.
   */
  readonly dictionary?: boolean;
}

export type Layer = 'staging' | 'intermediate' | 'primary' | 'reporting';

export interface TableSpec {
  readonly name: string;
  readonly layer: Layer;
  readonly description: string;
  /** "One row per …" */
  readonly grain: string;
  readonly key: readonly string[];
  readonly columns: readonly Column[];
  /** Written to output/tables as Parquet, Arrow and CSV (default true). */
  readonly export?: boolean;
  /**
   * Kept in atlas.duckdb as a view of other tables, not stored (a SQL model only). For the named
   * views, which put names beside another table's ids: stored, they doubled the database's largest
   * tables and took as long to write as to export; and for claims, which puts the words back beside
   * claim_spans' offsets (stored, 1.4 s at 1,000 documents, most of it writing the sentences to
   * the database file). Their exports are the same files. An exported view is checked on its
   * Parquet file as it is exported, not when its model runs (core/checks.ts checkedAtExport).
   */
  readonly view?: boolean;
}

/** Column declaration shorthand: col('para_no', 'INTEGER', 'Paragraph number', { nullable: true }). */
export function col<N extends string, T extends ColumnType, const O extends ColumnOptions = {}>(
  name: N, type: T, description: string, opts?: O,
): { readonly name: N; readonly type: T; readonly description: string } & O {
  return { name, type, description, ...(opts ?? {}) } as { name: N; type: T; description: string } & O;
}

export interface ColumnOptions { readonly nullable?: boolean; readonly accepted?: readonly (string | number | boolean)[]; readonly dictionary?: boolean }

type JsOf<T extends ColumnType> =
  T extends 'VARCHAR' | 'DATE' ? string :
  T extends 'INTEGER' | 'DOUBLE' ? number :
  T extends 'BIGINT' ? bigint :
  T extends 'BOOLEAN' ? boolean :
  T extends 'VARCHAR[]' ? string[] :
  T extends 'INTEGER[]' ? number[] :
  T extends typeof CITES ? CitedParagraph[] : never;

type ColJs<C> = C extends { type: infer T extends ColumnType; nullable: true } ? JsOf<T> | null
  : C extends { type: infer T extends ColumnType } ? JsOf<T> : never;

/** The plain-object row type of a declared table. */
export type RowOf<S extends { columns: readonly { name: string }[] }> = {
  [C in S['columns'][number] as C['name']]: ColJs<C>;
};
