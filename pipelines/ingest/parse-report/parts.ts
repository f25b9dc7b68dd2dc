/**
 * The `part` of a paragraph (introduction, activities, framework, …) is read
 * from the labels of the numbered headings above it, deepest first, by
 * keyword — never from paragraph numbers. Thematic headings (level 4) are not
 * consulted: "… normative framework" is not the framework part.
 */
import { PARTS } from '../../catalog/report.ts';

export type Part = (typeof PARTS)[number];

const KEYWORDS: readonly [Part, RegExp][] = [
  ['introduction', /\bintroduction\b/i],
  ['activities', /\bactivities\b/i],
  ['framework', /\bframework\b/i],
  ['description', /\bdescription\b/i],
  ['achievements', /\bachievements?\b/i],
  ['challenges', /\bchallenges?\b/i],
  ['recommendations', /\brecommendations?\b/i],
];

/** Parts named by one label, in order of appearance. */
export function partsIn(label: string): Part[] {
  return KEYWORDS
    .map(([p, re]) => ({ p, at: label.search(re) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.p);
}

/**
 * First label (deepest first) naming exactly one part wins; a label naming
 * several ("Main achievements and challenges") only decides if nothing deeper
 * or higher does, by its first keyword. Null when no label names a part.
 */
export function derivePart(labelsDeepestFirst: readonly string[]): Part | null {
  let fallback: Part | null = null;
  for (const label of labelsDeepestFirst) {
    const found = partsIn(label);
    if (found.length === 1) return found[0];
    if (found.length > 1 && fallback === null) fallback = found[0];
  }
  return fallback;
}
