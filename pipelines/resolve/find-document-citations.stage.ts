/** Stage find-document-citations: documents citing documents, by symbol, in paragraphs, footnotes and blocks (resolutions of session reports). */
import { defineStage } from '../core/stage.ts';
import { findDocumentCitations } from './find-document-citations.ts';

export const findDocumentCitationsStage = defineStage({
  name: 'find-document-citations',
  module: import.meta.url,
  inputs: ['documents', 'paragraphs', 'footnotes', 'blocks', 'headings'],
  outputs: ['document_citations'],
  run: (t) => {
    const headingNumber = new Map(t.headings.map((h) => [`${h.doc_id}\u0000${h.heading_id}`, h.number]));
    const blockHeadings = new Map(t.blocks.map((b) => [`${b.doc_id}\u0000${b.block_no}`,
      b.heading_id === null ? null : headingNumber.get(`${b.doc_id}\u0000${b.heading_id}`) ?? null]));
    return { document_citations: findDocumentCitations({ ...t, blockHeadings }) };
  },
});
