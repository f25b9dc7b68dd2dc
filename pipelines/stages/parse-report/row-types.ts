/**
 * Row types of the four tables this parser fills, from the catalog.
 *
 * `RowOf` reads nullability from `nullable: true` on a column, but `col()`
 * returns `nullable?: boolean`, so today every column comes out NOT NULL at
 * the type level. `WithNulls` re-adds `| null` for the columns the catalog
 * declares nullable (a test checks this list against the catalog); it is a
 * no-op once `RowOf` carries the nullability itself.
 */
import type { RowOf } from '../../catalog/types.ts';
import type { footnotes, headings, paragraphs, toc } from '../../catalog/report.ts';

type WithNulls<R, K extends keyof R> = { [P in keyof R]: P extends K ? R[P] | null : R[P] };

export const NULLABLE = {
  paragraphs: ['section', 'subsection', 'heading', 'cluster'],
  headings: ['number', 'first_para', 'last_para', 'intro'],
  footnotes: [],
  toc: ['number', 'body_first_para', 'body_last_para'],
} as const;

type N<T extends keyof typeof NULLABLE> = (typeof NULLABLE)[T][number];

export type ParagraphRow = WithNulls<RowOf<typeof paragraphs>, N<'paragraphs'>>;
export type HeadingRow = WithNulls<RowOf<typeof headings>, N<'headings'>>;
export type FootnoteRow = RowOf<typeof footnotes>;
export type TocRow = WithNulls<RowOf<typeof toc>, N<'toc'>>;
