/**
 * Documents citing documents: every UN document symbol printed in a paragraph,
 * a footnote or a block (tables, annexes, the operative paragraphs of the
 * resolutions a session report carries), with the sentence (or table row) that
 * cites it and, when the cited document is in the corpus, its doc_id. A
 * document naming its own symbol is not citing anything and is left out.
 *
 *   A/HRC/14/37, resolution 14/2, para. 5: "Takes note with appreciation of the
 *   report of the Special Rapporteur … (A/HRC/14/32);" → cited_doc_id a-hrc-14-32
 */
import type { RowOf } from '../catalog/types.ts';
import type { blocks, documents, footnotes, paragraphs } from '../catalog/report.ts';
import type { document_citations } from '../catalog/corpus.ts';
import { citedSymbols } from '../text/cited-symbols.ts';
import { splitSentences } from '../text/sentences.ts';

export type DocumentCitationRow = RowOf<typeof document_citations>;

export interface CitationSources {
  documents: readonly Pick<RowOf<typeof documents>, 'doc_id' | 'symbol'>[];
  paragraphs: readonly Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'text'>[];
  footnotes: readonly Pick<RowOf<typeof footnotes>, 'doc_id' | 'note_no' | 'para_no' | 'text'>[];
  blocks: readonly Pick<RowOf<typeof blocks>, 'doc_id' | 'block_no' | 'kind' | 'after_para' | 'number' | 'text'>[];
  /** The printed number of the heading each block sits under (the resolution "14/2"), by `${doc_id}\u0000${block_no}`. */
  blockHeadings?: ReadonlyMap<string, string | null>;
}

/** Longest citing sentence kept whole; a longer one is cut to its clause, then to words around the symbol. */
export const MAX_SENTENCE_CHARS = 400;

/**
 * The words that cite [start, end): the sentence (a table: its row, " | " between rows);
 * a longer one (a resolution's preamble is one sentence of clauses) is cut to the clause
 * between semicolons, and failing that to at most MAX_SENTENCE_CHARS / 2 on each side of the
 * symbol, at word boundaries, marked with "…".
 */
export function citingSentence(text: string, start: number, end: number, tabular = false): string {
  let from = 0;
  let to = text.length;
  if (tabular) {
    const a = text.lastIndexOf(' | ', start);
    const b = text.indexOf(' | ', end);
    if (a >= 0) from = a + 3;
    if (b >= 0) to = b;
  } else {
    const s = splitSentences(text).find((x) => x.start <= start && end <= x.end);
    if (s) { from = s.start; to = s.end; }
  }
  if (to - from > MAX_SENTENCE_CHARS) {
    const a = text.lastIndexOf(';', start);
    const b = text.indexOf(';', end);
    if (a >= from) from = a + 1;
    if (b >= 0 && b < to) to = b + 1;
  }
  let head = '';
  let tail = '';
  if (to - from > MAX_SENTENCE_CHARS) {
    const half = Math.floor(MAX_SENTENCE_CHARS / 2);
    if (start - from > half) { from = text.indexOf(' ', start - half) + 1 || start; head = '… '; }
    if (to - end > half) { to = Math.max(end, text.lastIndexOf(' ', end + half)); tail = ' …'; }
  }
  return `${head}${text.slice(from, to).replace(/\t+/g, ' ').replace(/\s+/g, ' ').trim()}${tail}`;
}

export function findDocumentCitations(t: CitationSources): DocumentCitationRow[] {
  const symbolOf = new Map(t.documents.map((d) => [d.doc_id, d.symbol]));
  const bySymbol = new Map(t.documents.map((d) => [d.symbol, d.doc_id]));
  const byUpper = new Map(t.documents.map((d) => [d.symbol.toUpperCase(), d.doc_id]));
  const out: DocumentCitationRow[] = [];
  const scan = (docId: string, foundIn: DocumentCitationRow['found_in'], itemNo: number, paraNo: number | null,
    citation: string, text: string, tabular = false) => {
    for (const c of citedSymbols(text)) {
      if (c.symbol === symbolOf.get(docId)) continue;
      out.push({
        doc_id: docId, symbol: symbolOf.get(docId) ?? docId, found_in: foundIn, item_no: itemNo, para_no: paraNo,
        char_start: c.start, char_end: c.end, citation, cited_symbol: c.symbol,
        cited_doc_id: bySymbol.get(c.symbol) ?? byUpper.get(c.symbol.toUpperCase()) ?? null,
        sentence: citingSentence(text, c.start, c.end, tabular),
      });
    }
  };
  for (const p of t.paragraphs) {
    scan(p.doc_id, 'paragraph', p.para_no, p.para_no, `${symbolOf.get(p.doc_id) ?? p.doc_id}, para. ${p.para_no}`, p.text);
  }
  for (const f of t.footnotes) {
    const at = f.para_no === null ? '' : ` (para. ${f.para_no})`;
    scan(f.doc_id, 'footnote', f.note_no, f.para_no, `${symbolOf.get(f.doc_id) ?? f.doc_id}, note ${f.note_no}${at}`, f.text);
  }
  for (const b of t.blocks) {
    scan(b.doc_id, 'block', b.block_no, b.after_para, `${symbolOf.get(b.doc_id) ?? b.doc_id}, ${blockPlace(b, t.blockHeadings?.get(`${b.doc_id}\u0000${b.block_no}`) ?? null)}`,
      b.text, b.kind === 'table' || b.kind === 'annex');
  }
  return out.sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0)
    || a.found_in.localeCompare(b.found_in) || a.item_no - b.item_no || a.char_start - b.char_start);
}

/**
 * "resolution 14/2, para. 5", "decision 14/101" (the Council numbers its decisions from 101),
 * "annex (after para. 766)".
 */
function blockPlace(b: CitationSources['blocks'][number], heading: string | null): string {
  if (b.kind === 'resolution') {
    const n = heading && /^\d+\/(\d+)$/.exec(heading);
    const of = !heading ? 'resolution' : n && Number(n[1]) >= 101 ? `decision ${heading}` : `resolution ${heading}`;
    return b.number ? `${of}, para. ${b.number}` : of;
  }
  return `${b.kind}${b.after_para === null ? ` (block ${b.block_no})` : ` (after para. ${b.after_para})`}`;
}
