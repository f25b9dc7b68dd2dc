/**
 * Parser of the report text (A/HRC/14/32 and reports printed like it) into
 * the rows of the catalog tables `paragraphs`, `headings`, `footnotes` and
 * `toc`. Pure functions: bytes → text (decodeReport), text → rows
 * (parseReport). Every failure is an AtlasError naming file and line.
 */
import { assemble } from './assemble.ts';
import { buildRows, type ReportTables } from './build-rows.ts';
import { classifyLines } from './classify-lines.ts';
import { fail } from './fail.ts';

export { decodeReport } from './decode.ts';
export type { ReportTables, ParagraphRow, HeadingRow, FootnoteRow, TocRow } from './build-rows.ts';

export interface ParseOptions {
  /** File name used in error messages (as the user gave it or relative to the repo). */
  file: string;
  /** Document id written to every row. */
  docId: string;
}

export function parseReport(text: string, opts: ParseOptions): ReportTables {
  const { file, docId } = opts;
  if (text.trim() === '') throw fail(file, 1, 'the report text is empty', 'check that the seed file was copied completely');
  const lines = classifyLines(text);
  const assembled = assemble(lines, file);
  return buildRows(assembled, file, docId, lines.map((l) => l.text));
}
