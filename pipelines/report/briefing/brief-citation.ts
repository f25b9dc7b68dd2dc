/**
 * How the briefing prints a citation. The tables keep every source (data_gaps.sources
 * and .cited); the briefing is read by people, and a finding of a 1,000-document corpus
 * cites a thousand documents, 50,000 characters of symbols and paragraph numbers.
 *
 * The rule, as in "et al.": a citation naming at most CITED_DOCUMENTS documents is
 * printed whole, exactly as data_gaps.cited gives it; a longer one names its first
 * document (documents in symbol order, as cite() orders them) with its paragraphs, and
 * how many other documents it cites:
 *
 *   briefCitation([{ doc_id: 'a', para_no: 3 }, { doc_id: 'b', para_no: 3 }, ...], symbols)
 *   // 'A/HRC/14/32/SYN.1, para. 3 and 999 other documents; every source in data_gaps'
 */
import { compareText, formatCitation, plural } from '../charts/common.ts';

/** The most documents a citation names in full. */
export const CITED_DOCUMENTS = 3;

/** The rule in words, for the briefing's methods note. */
export const CITATION_RULE = `Citations. A citation that names more than ${CITED_DOCUMENTS} documents is shortened to its first document `
  + '(by symbol), with that document’s paragraphs, and the number of other documents it cites; the data_gaps table lists every '
  + 'source of every finding, each paragraph with its document.';

export interface CitedParagraph { doc_id: string; para_no: number }

/** Each cited document's symbol with its paragraphs, symbols in order (as cite() in SQL). */
export function citedDocuments(sources: readonly CitedParagraph[], symbols: Readonly<Record<string, string>>): [string, number[]][] {
  const byDoc = new Map<string, number[]>();
  for (const s of sources) {
    const symbol = symbols[s.doc_id] ?? s.doc_id;
    const ps = byDoc.get(symbol);
    if (ps) ps.push(s.para_no); else byDoc.set(symbol, [s.para_no]);
  }
  return [...byDoc].sort((a, b) => compareText(a[0], b[0]));
}

/** The citation of `sources` as the briefing prints it (the rule above); "no paragraph" for none. */
export function briefCitation(sources: readonly CitedParagraph[], symbols: Readonly<Record<string, string>>): string {
  const docs = citedDocuments(sources, symbols);
  if (docs.length === 0) return 'no paragraph';
  if (docs.length <= CITED_DOCUMENTS) return docs.map(([symbol, ps]) => formatCitation(symbol, ps)).join('; ');
  const [symbol, ps] = docs[0]!;
  return `${formatCitation(symbol, ps)} and ${plural(docs.length - 1, 'other document')}; every source in data_gaps`;
}
