/**
 * Parser of UN reports into the rows of the catalog tables `paragraphs`,
 * `headings`, `footnotes`, `toc`, `paragraph_items` and `blocks`. Both routes
 * meet in one intermediate, SourceLine[] (source-lines.ts): a text seed is
 * read line for line (decodeReport, then parseReport), a PDF is turned into
 * blocks by pipelines/ingest/pdf (then parseSourceLines). Pure functions; every
 * failure is an AtlasError naming the file and the line (and, for a PDF, the
 * page).
 */
import { AtlasError } from '../../core/errors.ts';
import { assemble } from './assemble.ts';
import { buildRows, type ReportTables } from './build-rows.ts';
import { classifyLines } from './classify-lines.ts';
import { fail } from './fail.ts';
import type { Profile } from './profiles.ts';
import { describeLine, textToSourceLines, type SourceLine } from './source-lines.ts';

export { decodeReport, decodeReportLines } from './decode.ts';
export { detectProfile, isProfile, PROFILES, type Profile } from './profiles.ts';
export { linesToSourceLines, textToSourceLines, type SourceLine } from './source-lines.ts';
export type { ReportTables, ParagraphRow, HeadingRow, FootnoteRow, TocRow, ItemRow, BlockRow } from './build-rows.ts';

export interface ParseOptions {
  /** File name used in error messages (as the user gave it or relative to the repo). */
  file: string;
  /** Document id written to every row. */
  docId: string;
  /** A document profile to enforce (e.g. the parts of a rapporteur's thematic report). */
  profile?: Profile | null;
  /**
   * Accept a footnote marker printed again after its first use. A PDF's markers
   * are what was printed (Council reports mark one note "Observer … speaking on
   * behalf of …" many times); in a hand-made text a repeat is more likely a slip.
   */
  repeatedMarkers?: boolean;
  /** Known State names (pipelines/ingest/state-names.ts), to read the States behind a recommendation. */
  stateNames?: ReadonlySet<string> | null;
}

/** Parse a report's text (as decodeReport returns it). */
export function parseReport(text: string, opts: ParseOptions): ReportTables {
  if (text.trim() === '') throw fail(opts.file, 1, 'the report text is empty', 'check that the seed file was copied completely');
  return parseSourceLines(textToSourceLines(text), opts);
}

/** Parse the intermediate of either route. Errors point at the printed page and line. */
export function parseSourceLines(src: readonly SourceLine[], opts: ParseOptions): ReportTables {
  const { file, docId } = opts;
  if (src.every((l) => l.text.trim() === '')) throw fail(file, 1, 'the report text is empty', 'check that the document was copied completely');
  const paged = src.some((l) => l.page !== null);
  const lineAt = (no: number) => src[Math.min(Math.max(no, 1), src.length) - 1];
  const pos = (no: number) => ({ line: lineAt(no).line, page: lineAt(no).page });
  const at = (no: number) => describeLine(lineAt(no));
  try {
    const lines = classifyLines(src);
    const assembled = assemble(lines, file, at);
    return buildRows(assembled, { file, docId, lines: src, pos, at, profile: opts.profile ?? null, repeatedMarkers: opts.repeatedMarkers ?? false,
      stateNames: opts.stateNames ?? null,
    });
  } catch (e) {
    if (!paged || !(e instanceof AtlasError) || e.where.line === undefined || e.where.page !== undefined) throw e;
    const l = lineAt(e.where.line);
    throw new AtlasError(e.problem, { ...e.where, line: l.line, page: l.page ?? undefined });
  }
}
