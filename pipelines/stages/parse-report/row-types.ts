/** Row types of the four tables this parser fills, as declared in the catalog. */
import type { RowOf } from '../../catalog/types.ts';
import type { footnotes, headings, paragraphs, toc } from '../../catalog/report.ts';

export type ParagraphRow = RowOf<typeof paragraphs>;
export type HeadingRow = RowOf<typeof headings>;
export type FootnoteRow = RowOf<typeof footnotes>;
export type TocRow = RowOf<typeof toc>;
