/**
 * How titles, subtitles, tooltips and the briefing name the corpus, from its
 * documents' symbols (the manifest's): one document by its symbol; several by
 * their number and the first symbols, so a title never names one document for
 * another corpus.
 *
 *   corpusName(['A/HRC/14/32'])                       // 'A/HRC/14/32'
 *   corpusName(['A/HRC/14/32', 'A/HRC/14/37'])        // '2 documents: A/HRC/14/32, A/HRC/14/37'
 *   corpusName([...13 symbols])                       // '13 documents: A/HRC/14/15, A/HRC/14/15/Add.1, A/HRC/14/32 and 10 more'
 */

/** Symbols listed by name before "and N more". */
export const LISTED_SYMBOLS = 3;

export function corpusName(symbols: readonly string[]): string {
  const sorted = [...new Set(symbols)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 0) return 'no documents';
  if (sorted.length === 1) return sorted[0]!;
  const listed = sorted.slice(0, LISTED_SYMBOLS).join(', ');
  const more = sorted.length - LISTED_SYMBOLS;
  return `${sorted.length} documents: ${listed}${more > 0 ? ` and ${more} more` : ''}`;
}

/** doc_id → symbol of every document, for citations that name each paragraph's document. */
export function symbolsById(documents: readonly { doc_id: unknown; symbol: unknown }[]): Record<string, string> {
  return Object.fromEntries(documents.map((d) => [String(d.doc_id), String(d.symbol)]));
}
