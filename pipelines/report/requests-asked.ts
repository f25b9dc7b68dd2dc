/**
 * The requests for information in words. With one document each request is one organisation
 * asked (A/HRC/14/32, para. 3); in a corpus an organisation is asked once per document, so what
 * is counted is requests, with the organisations and documents beside them. The chart, the
 * briefing's methods note and data_gaps.sql (its no_response finding) word them the same way.
 */
import { plural } from './charts/common.ts';

export interface AskedWords {
  /** "27 organisations" or "26,273 requests for information (14 organisations, in 1,000 documents)". */
  asked: string;
  /** What the not-answered part did: "asked for information had not responded" or "had not been answered". */
  unanswered: string;
  /** "the report was" or "the documents were" (written). */
  written: string;
}

export function askedWords(rows: readonly { doc_id: string; mechanism_id: string }[]): AskedWords {
  const documents = new Set(rows.map((r) => r.doc_id)).size;
  if (documents <= 1) return { asked: plural(rows.length, 'organisation'), unanswered: 'asked for information had not responded', written: 'the report was' };
  const organisations = new Set(rows.map((r) => r.mechanism_id)).size;
  return {
    asked: `${plural(rows.length, 'request')} for information (${plural(organisations, 'organisation')}, in ${plural(documents, 'document')})`,
    unanswered: 'had not been answered',
    written: 'the documents were',
  };
}
