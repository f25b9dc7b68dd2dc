/**
 * How much the kit will read from one input before refusing it. Inputs come from
 * folders an analyst points the kit at, so a hostile or mistaken file (an alias
 * bomb, a disk image named report.txt, a PDF with a million pages) must end in a
 * clear error, never in a hang or an out-of-memory crash. Every limit is checked
 * before the expensive work starts (file sizes from stat, before reading).
 *
 * @example
 *   import { LIMITS } from './limits.ts';
 *   if (pdf.numPages > LIMITS.maxPdfPages) throw new AtlasError(`${pdf.numPages} pages, over the limit of ${LIMITS.maxPdfPages}`, { file });
 */
export const LIMITS = {
  /** Largest YAML file (registry, seeds and data manifests, cues). The largest real one is ~10 KB; a 20,000-document manifest is ~7 MB. */
  maxYamlBytes: 8 * 1024 * 1024,
  /** yaml's maxAliasCount: how far aliases (*name) may expand a file, so a "billion laughs" file cannot exhaust memory. The kit's own YAML uses none. */
  maxYamlAliases: 100,
  /** Largest source document (text or PDF) or raw data file. A UN report is well under 5 MB, as text or as PDF. */
  maxDocumentBytes: 32 * 1024 * 1024,
  /** Most pages read from one PDF (the longest UN reports run to a few hundred pages). */
  maxPdfPages: 2_000,
  /** Most objects in one PDF's cross-reference table (a 100-page report holds a few thousand). */
  maxPdfObjects: 1_000_000,
  /** Longest time spent reading one document (PDF parsing included) before giving up on it. */
  documentTimeoutMs: 60_000,
} as const;

/** A byte count for messages: "8,388,608 bytes (8.0 MiB)". */
export function formatBytes(n: number): string {
  return `${n.toLocaleString('en')} bytes (${(n / 1024 / 1024).toFixed(1)} MiB)`;
}
