/**
 * The intermediate both routes produce and the structure parser reads: the
 * report as lines, one printed block (paragraph, heading, footnote, table row
 * group) a line and blank lines between blocks, each with where it was
 * printed. The text route (seeds/*.txt) is already in that shape, line for
 * line; the PDF route (pipelines/ingest/pdf) joins each block's printed lines into one.
 */

/** What the PDF reader knows a block to be from its position; the text route leaves it unset. */
export type LineRole = 'footnote' | 'note' | 'table' | 'caption';

export interface SourceLine {
  /** The block's text: footnote markers as Unicode superscripts (⁵), `**bold**`, a tab between columns. */
  text: string;
  /** Page of the block's first printed line (null for a text file, which has no pages). */
  page: number | null;
  /** Line of the block's first printed line: the line on its page for a PDF, the file line for a text. */
  line: number;
  /** Page and line of the block's last printed line. */
  endPage: number | null;
  endLine: number;
  role?: LineRole;
}

/** A text file's lines, each its own block (blank lines separate blocks). */
export function textToSourceLines(text: string): SourceLine[] {
  return linesToSourceLines(text.split(/\r\n|\r|\n/));
}

/** The lines of a text (as decodeReportLines gives them), each its own block. */
export function linesToSourceLines(raw: readonly string[]): SourceLine[] {
  const out: SourceLine[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = { text: raw[i], page: null, line: i + 1, endPage: null, endLine: i + 1 };
  return out;
}

/** "page 3, line 12" for a PDF block, "line 12" for a text line. */
export function describeLine(l: Pick<SourceLine, 'page' | 'line'>): string {
  return l.page === null ? `line ${l.line}` : `page ${l.page}, line ${l.line}`;
}
