/**
 * What is particular to one kind of report, applied only to documents that
 * have it. `rapporteur-thematic` is the shape of A/HRC/14/32: every paragraph
 * sits under a numbered chapter whose headings name its part (introduction,
 * activities, framework, description, achievements, challenges,
 * recommendations), achievements and challenges have headings of their own,
 * and the introduction reports the request for information sent to the
 * organisations reviewed (read by collect-data-requests). Any other document
 * still gives paragraphs, headings, footnotes and mentions; its `part` is
 * filled where a heading names one and left null elsewhere.
 */
import { PARTS } from '../../catalog/report.ts';
import type { Assembled, HeadingBuild } from './assemble.ts';
import { fail } from './fail.ts';
import type { ParagraphRow } from './row-types.ts';

export const PROFILES = ['rapporteur-thematic'] as const;
export type Profile = (typeof PROFILES)[number];

export function isProfile(s: unknown): s is Profile {
  return typeof s === 'string' && (PROFILES as readonly string[]).includes(s);
}

/** Enforce the profile on the rows: every paragraph under a chapter and in a named part. */
export function applyProfile(
  profile: Profile, a: Assembled, rows: readonly ParagraphRow[], labelOf: (h: HeadingBuild) => string, file: string,
): void {
  if (profile !== 'rapporteur-thematic') return;
  a.paragraphs.forEach((p, i) => {
    const [, chapter, section, subsection] = p.active;
    if (!chapter || chapter.number === null) {
      throw fail(file, p.line, `paragraph ${p.no} is not under a chapter heading`,
        'the body must open with a chapter heading such as "I. Introduction" before the first paragraph');
    }
    if (rows[i].part === null) {
      const path = [chapter, section, subsection].filter(Boolean).map((h) => `"${labelOf(h!)}"`).join(' > ');
      throw fail(file, p.line,
        `cannot tell which part of the report paragraph ${p.no} belongs to: no heading above it (${path}) names one`,
        `chapter, section or subsection labels must contain one of: ${PARTS.join(', ')} (the ${profile} profile; drop "profile" from the manifest entry if the document does not have this shape)`);
    }
  });
}

/**
 * Does a parse have the rapporteur-thematic shape? Every paragraph under a
 * numbered chapter and in a part, and achievements and challenges both present.
 */
export function detectProfile(rows: readonly Pick<ParagraphRow, 'chapter' | 'part'>[]): Profile | null {
  if (rows.length === 0 || rows.some((r) => r.chapter === null || r.part === null)) return null;
  const parts = new Set(rows.map((r) => r.part));
  return parts.has('achievements') && parts.has('challenges') ? 'rapporteur-thematic' : null;
}
