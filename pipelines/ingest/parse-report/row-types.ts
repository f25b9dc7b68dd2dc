/** Row types of the tables this parser fills, as declared in the catalog. */
import type { RowOf } from '../../catalog/types.ts';
import type { blocks, footnotes, headings, paragraph_items, paragraphs, toc } from '../../catalog/report.ts';

export type ParagraphRow = RowOf<typeof paragraphs>;
export type HeadingRow = RowOf<typeof headings>;
export type FootnoteRow = RowOf<typeof footnotes>;
export type TocRow = RowOf<typeof toc>;
export type ItemRow = RowOf<typeof paragraph_items>;
export type BlockRow = RowOf<typeof blocks>;
