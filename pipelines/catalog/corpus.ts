import { col, type TableSpec } from './types.ts';

/**
 * Corpus tables: the same measures as the coverage tables, kept per document
 * (coverage_mechanism_theme and the tables built on it count across documents),
 * and the documents' citations of one another.
 */

export const coverage_document_theme = {
  name: 'coverage_document_theme', layer: 'reporting',
  description: 'Which mechanism each document credits with work on which theme, with the paragraphs that say so. Only actor evidence counts (the rule of coverage_mechanism_theme): a yardstick, a lack, a participation or a mention in passing does not.',
  grain: 'One row per document × mechanism × theme with evidence (pairs without evidence are left out).',
  key: ['doc_id', 'mechanism_id', 'theme_id'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('mechanism_id', 'VARCHAR', 'Mechanism'),
    col('theme_id', 'VARCHAR', 'Theme'),
    col('n_paragraphs', 'INTEGER', 'Distinct paragraphs of the document with evidence'),
    col('paragraphs', 'INTEGER[]', 'Those paragraphs, ascending'),
    col('cited', 'VARCHAR', 'Their citation ("A/HRC/14/37, paras. 5, 9")'),
  ],
} as const satisfies TableSpec;

export const DOCUMENT_CITATION_PLACES = ['paragraph', 'footnote', 'block'] as const;

export const document_citations = {
  name: 'document_citations', layer: 'primary',
  description: 'UN document symbols cited in the documents (A/HRC/…, A/…, E/CN.4/…, CRC/C/…): in a paragraph, a footnote, or a block (tables, annexes, the operative paragraphs of resolutions in session reports), with the sentence that cites and the cited document when it is in the corpus. A document naming its own symbol is left out.',
  grain: 'One row per citing document × place × symbol printed there.',
  key: ['doc_id', 'found_in', 'item_no', 'char_start'],
  columns: [
    col('doc_id', 'VARCHAR', 'Citing document'),
    col('symbol', 'VARCHAR', 'Its symbol'),
    col('found_in', 'VARCHAR', 'paragraph, footnote or block', { accepted: DOCUMENT_CITATION_PLACES }),
    col('item_no', 'INTEGER', 'The paragraph number, footnote number or block number (blocks.block_no)'),
    col('para_no', 'INTEGER', 'Paragraph of the citing document: the paragraph itself, the one a footnote is linked from, the one a block follows; null where there is none', { nullable: true }),
    col('char_start', 'INTEGER', 'Start of the symbol in that text (UTF-16 units)'),
    col('char_end', 'INTEGER', 'End of the symbol (exclusive)'),
    col('citation', 'VARCHAR', 'Where it is cited: "A/HRC/14/37, resolution 14/2, para. 5", "A/HRC/28/15, note 3 (para. 12)"'),
    col('cited_symbol', 'VARCHAR', 'The symbol as printed, closing punctuation left out'),
    col('cited_doc_id', 'VARCHAR', 'The cited document when the corpus holds it (same symbol), else null', { nullable: true }),
    col('sentence', 'VARCHAR', 'The sentence that cites it (a table: its row)'),
  ],
} as const satisfies TableSpec;
