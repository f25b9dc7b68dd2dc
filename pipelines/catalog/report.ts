import { col, type TableSpec } from './types.ts';

/** Tables parsed from the report text (stage: ingest-report). */

export const documents = {
  name: 'documents', layer: 'primary',
  description: 'Source documents listed in the seeds manifest, with their verified hash.',
  grain: 'One row per source document.',
  key: ['doc_id'],
  columns: [
    col('doc_id', 'VARCHAR', 'Stable document id from the manifest'),
    col('symbol', 'VARCHAR', 'UN document symbol, e.g. A/HRC/14/32'),
    col('title', 'VARCHAR', 'Title of the report'),
    col('date', 'DATE', 'Date of issue'),
    col('body', 'VARCHAR', 'Body and session the report was submitted to'),
    col('language', 'VARCHAR', 'Language of the text (ISO 639-1)'),
    col('source_file', 'VARCHAR', 'File name under the seeds folder'),
    col('sha256', 'VARCHAR', 'SHA-256 of the file, checked against the manifest'),
    col('n_paragraphs', 'INTEGER', 'Numbered paragraphs found in the body'),
    col('pages', 'INTEGER', 'Pages of the PDF (null for a text file)', { nullable: true }),
    col('profile', 'VARCHAR', 'Document profile applied (rapporteur-thematic: parts by heading, the request for information), if any', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const PARTS = ['introduction', 'activities', 'framework', 'description', 'achievements', 'challenges', 'recommendations'] as const;

export const paragraphs = {
  name: 'paragraphs', layer: 'primary',
  description: 'Numbered paragraphs of the report with their place in its structure; footnote text removed.',
  grain: 'One row per document × numbered paragraph.',
  key: ['doc_id', 'para_no'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('para_no', 'INTEGER', 'Paragraph number as printed'),
    col('chapter', 'VARCHAR', 'Chapter roman numeral (I, II, …); null under an unnumbered chapter such as "Introduction"', { nullable: true }),
    col('section', 'VARCHAR', 'Section letter (A–C) where present', { nullable: true }),
    col('subsection', 'INTEGER', 'Numbered subsection (1–5) where present', { nullable: true }),
    col('heading', 'VARCHAR', 'Unnumbered thematic heading the paragraph sits under', { nullable: true }),
    col('cluster', 'VARCHAR', 'Recommendation cluster letter (a)–(g) for 106–137', { nullable: true }),
    col('part', 'VARCHAR', 'Part of the report, from the headings above it; null when none names one', { accepted: PARTS, nullable: true }),
    col('text', 'VARCHAR', 'Plain text of the paragraph, markup and footnote markers removed'),
    col('is_bold', 'BOOLEAN', 'Printed in bold (the recommendations)'),
    col('footnote_refs', 'INTEGER[]', 'Footnote numbers whose markers appear in the paragraph'),
    col('line_start', 'INTEGER', 'First line of the paragraph: in the source file (1-based), or on page_start for a PDF'),
    col('line_end', 'INTEGER', 'Last line of the paragraph: in the source file, or on page_end for a PDF'),
    col('page_start', 'INTEGER', 'PDF page the paragraph starts on (null for a text file)', { nullable: true }),
    col('page_end', 'INTEGER', 'PDF page the paragraph ends on (null for a text file)', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const headings = {
  name: 'headings', layer: 'primary',
  description: 'Every heading of the body: chapters, sections, subsections, thematic headings and recommendation clusters.',
  grain: 'One row per document × heading as printed.',
  key: ['doc_id', 'heading_id'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('heading_id', 'VARCHAR', 'Path of the heading, e.g. III.C.1/Redress'),
    col('level', 'INTEGER', '1 chapter, 2 section, 3 subsection, 4 thematic heading, 5 recommendation cluster', { accepted: [1, 2, 3, 4, 5] }),
    col('label', 'VARCHAR', 'Heading text without numbering or markup'),
    col('number', 'VARCHAR', 'Printed number or letter (I, A, 1, a) where present', { nullable: true }),
    col('first_para', 'INTEGER', 'First paragraph under the heading', { nullable: true }),
    col('last_para', 'INTEGER', 'Last paragraph under the heading', { nullable: true }),
    col('intro', 'VARCHAR', 'Unnumbered text printed under the heading before its first paragraph', { nullable: true }),
    col('line', 'INTEGER', 'Line of the heading in the source file, or on its page for a PDF'),
    col('page', 'INTEGER', 'PDF page of the heading (null for a text file)', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const footnotes = {
  name: 'footnotes', layer: 'primary',
  description: 'Footnotes, moved out of the paragraph body and linked to the paragraph that carries the marker.',
  grain: 'One row per document × footnote.',
  key: ['doc_id', 'note_no'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('note_no', 'INTEGER', 'Footnote number'),
    col('para_no', 'INTEGER', 'Paragraph whose text carries the marker; null when the marker is in a heading, table or the front matter', { nullable: true }),
    col('text', 'VARCHAR', 'Footnote text, markup removed'),
    col('line', 'INTEGER', 'Line of the footnote in the source file, or on its page for a PDF'),
    col('page', 'INTEGER', 'PDF page the footnote is printed on (null for a text file)', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const paragraph_items = {
  name: 'paragraph_items', layer: 'primary',
  description: 'Numbered or lettered sub-items of a paragraph ((a), (b); 115.1, 115.2; replies "Rec. 18"), also part of the paragraph text.',
  grain: 'One row per document × paragraph × sub-item.',
  key: ['doc_id', 'para_no', 'item_no'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('para_no', 'INTEGER', 'Paragraph the item belongs to'),
    col('item_no', 'VARCHAR', 'Item number as printed, without brackets: a, 115.1, 3, 18'),
    col('label', 'VARCHAR', 'Label as printed: (a), 115.1, 3., Rec. 18'),
    col('text', 'VARCHAR', 'Plain text of the item'),
    col('states', 'VARCHAR[]', 'Recommending States of a Working Group recommendation, from its closing parenthesis', { nullable: true }),
    col('line', 'INTEGER', 'Line the item starts on (in the file, or on its page for a PDF)'),
    col('page', 'INTEGER', 'PDF page the item starts on (null for a text file)', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const BLOCK_KINDS = ['table', 'caption', 'note', 'resolution', 'annex', 'front'] as const;

export const blocks = {
  name: 'blocks', layer: 'primary',
  description: 'Printed blocks that are not numbered paragraphs: tables and their captions, asterisk notes, the text of resolutions printed in a report and of annexes.',
  grain: 'One row per document × block.',
  key: ['doc_id', 'block_no'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('block_no', 'INTEGER', 'Order of the block in the document'),
    col('kind', 'VARCHAR', 'table, caption, note (an asterisk note), resolution (text of a resolution or decision), annex, front (a numbered list before the first chapter)', { accepted: BLOCK_KINDS }),
    col('heading_id', 'VARCHAR', 'Heading in force (e.g. the resolution 14/2, the annex)', { nullable: true }),
    col('after_para', 'INTEGER', 'Last numbered paragraph printed before the block', { nullable: true }),
    col('number', 'VARCHAR', 'Printed number of a numbered block (an operative paragraph of a resolution)', { nullable: true }),
    col('text', 'VARCHAR', 'Plain text; a table\'s rows are separated by " | " and its cells by tabs'),
    col('line', 'INTEGER', 'Line the block starts on (in the file, or on its page for a PDF)'),
    col('page', 'INTEGER', 'PDF page the block starts on (null for a text file)', { nullable: true }),
  ],
} as const satisfies TableSpec;

export const toc = {
  name: 'toc', layer: 'primary',
  description: 'The table of contents as printed, checked against the paragraphs found in the body.',
  grain: 'One row per document × table-of-contents entry.',
  key: ['doc_id', 'entry_no'],
  columns: [
    col('doc_id', 'VARCHAR', 'Document id'),
    col('entry_no', 'INTEGER', 'Order of the entry in the table of contents'),
    col('label', 'VARCHAR', 'Entry text without dot leaders'),
    col('number', 'VARCHAR', 'Printed number or letter of the entry', { nullable: true }),
    col('first_para', 'INTEGER', 'First paragraph of the printed range'),
    col('last_para', 'INTEGER', 'Last paragraph of the printed range'),
    col('page', 'INTEGER', 'Printed page'),
    col('body_first_para', 'INTEGER', 'First paragraph found under the matching heading in the body', { nullable: true }),
    col('body_last_para', 'INTEGER', 'Last paragraph found under the matching heading in the body', { nullable: true }),
    col('matches_body', 'BOOLEAN', 'Printed range equals the range found in the body'),
  ],
} as const satisfies TableSpec;
