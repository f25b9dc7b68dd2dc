/**
 * One listed document → its rows: verify the hash, read it by its route
 * (PDF or text), check that it is an English UN document and the one the
 * manifest names, and parse it. Every refusal is an AtlasError naming the
 * file and what to do; timings are returned for the log.
 */
import { join } from 'node:path';
import { AtlasError } from '../core/errors.ts';
import { detectLanguageOfLines, LANGUAGE_NAMES, type Language } from './language.ts';
import { readVerifiedSeed, MANIFEST_FILE, type SeedDoc } from './seed-manifest.ts';
import type { PdfLimits } from './pdf/load-pdf.ts';
import { detectProfile, parseSourceLines, type Profile, type ReportTables } from './parse-report/index.ts';
import { describeDocument } from './describe-document.ts';
import { readDocument, type DocumentText, type PdfReader } from './read-document.ts';

export interface IngestedDocument {
  tables: ReportTables;
  pages: number | null;
  profile: Profile | null;
  readMs: number;
  parseMs: number;
}

export interface IngestOptions {
  seedsDir: string;
  stateNames: ReadonlySet<string>;
  limits?: PdfLimits;
  /** How PDFs are read (default: in this thread). */
  readPdf?: PdfReader;
}

/** The only language the registry, the cues and the mention patterns are written for. */
export const READ_LANGUAGE: Language = 'en';

/** Refuse a text (its lines) in another language than English, whatever the manifest says. */
export function checkLanguage(file: string, lines: readonly string[], listed: string, stage = 'ingest-report'): void {
  const where = { file, stage };
  const hint = 'add the English version of the document (the UN publishes each document in its six official languages; ODS file names end in -EN or _en)';
  if (listed !== READ_LANGUAGE) {
    throw new AtlasError(`the manifest lists the document as ${LANGUAGE_NAMES[listed as Language] ?? listed} (${listed}); Mechanism Atlas reads English documents only`, { ...where, hint });
  }
  const guess = detectLanguageOfLines(lines);
  if (guess.language !== null && guess.language !== READ_LANGUAGE) {
    throw new AtlasError(`the text is in ${LANGUAGE_NAMES[guess.language]}, not English (${(guess.score * 100).toFixed(0)}% of ${guess.sample} words are common ${LANGUAGE_NAMES[guess.language]} words)`, { ...where, hint });
  }
}

/** Read a listed document: its bytes, checked against the manifest's hash, then its text (PDF or text route). */
export async function readListedDocument(d: SeedDoc, opts: IngestOptions): Promise<DocumentText> {
  const file = join(opts.seedsDir, d.file);
  return readDocument(readVerifiedSeed(opts.seedsDir, d), file, opts.limits, opts.readPdf);
}

export async function ingestDocument(d: SeedDoc, opts: IngestOptions): Promise<IngestedDocument> {
  return parseListedDocument(d, await readListedDocument(d, opts), opts);
}

/** A listed document's text → its rows, after the language and (for a PDF) the masthead's symbol are checked. */
export function parseListedDocument(d: SeedDoc, doc: DocumentText, opts: IngestOptions): IngestedDocument {
  const file = join(opts.seedsDir, d.file);
  checkLanguage(file, doc.lines.map((l) => l.text), d.language);
  if (doc.route === 'pdf') {
    const printed = describeDocument(doc, file);
    if (printed.symbolFrom === 'masthead' && printed.symbol !== d.symbol) {
      throw new AtlasError(`the masthead prints the symbol ${printed.symbol}, but the manifest lists ${d.symbol} for this file`, {
        file, stage: 'ingest-report', record: `document ${d.doc_id}`,
        hint: `correct the symbol in ${join(opts.seedsDir, MANIFEST_FILE)}, or add the right file`,
      });
    }
  }
  const t0 = performance.now();
  const tables = parseSourceLines(doc.lines, {
    file, docId: d.doc_id, profile: d.profile ?? null, repeatedMarkers: doc.route === 'pdf', stateNames: opts.stateNames,
  });
  const parseMs = performance.now() - t0;
  return { tables, pages: doc.pages, profile: d.profile ?? detectProfile(tables.paragraphs), readMs: doc.readMs, parseMs };
}
