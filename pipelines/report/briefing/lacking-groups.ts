/**
 * What the report says a mechanism lacks, grouped for the briefing. data_gaps has one
 * 'lacking' finding per paragraph that says so (a 1,000-document corpus has a thousand,
 * one per document, most of them the same lack of the same mechanism); the briefing
 * prints each mechanism's lack of the same things once, with how many paragraphs and
 * documents say it, and quotes a few of them. data_gaps keeps every one.
 *
 *   groupLacking(rows) // [[lacking:acp:syn-0010:105, lacking:acp:syn-0013:105, …], [lacking:las:105]]
 */
import type { CitedParagraph } from './brief-citation.ts';

/** A 'lacking' row as the grouping reads it (data_gaps columns). */
export interface LackingRow {
  finding_id: string;
  subject: string;
  statement: string;
  sources?: readonly CitedParagraph[];
  cited?: string | null;
}

/** What a 'lacking' statement says: the mechanism, what it lacks, and the report's sentence. */
export interface LackingParts { mechanism: string; lacks: string; sentence: string }

// data_gaps.sql writes it: 'The report says {acronym} lacks what it needs for {themes}: “{sentence}” ({citation}).'
const LACKING = /^The report says (.+?) lacks what it needs for (.+?): “([\s\S]*)”/;

/** The parts of a 'lacking' statement, or undefined when it is not in data_gaps.sql's words. */
export function lackingParts(statement: string): LackingParts | undefined {
  const m = LACKING.exec(statement);
  return m ? { mechanism: m[1]!, lacks: m[2]!, sentence: m[3]! } : undefined;
}

/**
 * The rows in groups of the same mechanism lacking the same things, each group in the
 * rows' order and the groups in the order of their first row. A row whose statement is
 * not in data_gaps.sql's words, or without sources (tables from before the corpus model),
 * is a group of its own.
 */
export function groupLacking<R extends LackingRow>(rows: readonly R[]): R[][] {
  const groups = new Map<string, R[]>();
  rows.forEach((r, i) => {
    const p = r.sources?.length ? lackingParts(r.statement) : undefined;
    const key = p ? `${r.subject}\u0000${p.lacks}` : `\u0001${i}`;
    const g = groups.get(key);
    if (g) g.push(r); else groups.set(key, [r]);
  });
  return [...groups.values()];
}

/** The distinct paragraphs and documents of a group's sources. */
export function groupSize(rows: readonly LackingRow[]): { paragraphs: number; documents: number; sources: CitedParagraph[] } {
  const seen = new Map<string, CitedParagraph>();
  for (const r of rows) for (const s of r.sources ?? []) seen.set(`${s.doc_id}\u0000${s.para_no}`, s);
  const sources = [...seen.values()];
  return { paragraphs: sources.length, documents: new Set(sources.map((s) => s.doc_id)).size, sources };
}
