/**
 * One PDF read in a worker thread (pdf-pool.ts): the bytes in, the PdfReport
 * out. An AtlasError does not survive the structured clone between threads as
 * an AtlasError, so it travels as its problem and where, and pdf-pool.ts
 * throws it again on the caller's side.
 */
import { AtlasError, type ErrorWhere } from '../../core/errors.ts';
import type { PdfLimits } from './load-pdf.ts';
import { readPdfReport, type PdfReport } from './read-pdf-report.ts';

export interface PdfTask {
  bytes: Uint8Array;
  file: string;
  limits?: PdfLimits;
}

export type PdfTaskResult = { report: PdfReport } | { error: { problem: string; where: ErrorWhere } };

export async function readPdfTask({ bytes, file, limits }: PdfTask): Promise<PdfTaskResult> {
  try {
    return { report: await readPdfReport(bytes, file, limits) };
  } catch (e) {
    if (e instanceof AtlasError) return { error: { problem: e.problem, where: e.where } };
    throw e;
  }
}
