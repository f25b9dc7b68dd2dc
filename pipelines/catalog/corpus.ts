import { col, type TableSpec } from './types.ts';

/**
 * Corpus tables: the same measures as the coverage tables, kept per document.
 * (coverage_mechanism_theme and the tables built on it count across documents.)
 */

export const coverage_document_theme = {
  name: 'coverage_document_theme', layer: 'reporting',
  description: 'Which mechanism each document credits with work on which theme, with the paragraphs that say so (description, achievement and challenge evidence).',
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
