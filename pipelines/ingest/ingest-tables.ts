/** The tables the ingest-report stage writes, named once for its declaration and its work. */
export const INGEST_OUTPUTS = ['documents', 'paragraphs', 'headings', 'footnotes', 'toc', 'paragraph_items', 'blocks'] as const;
