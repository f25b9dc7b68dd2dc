/**
 * Cue patterns: the one place where a curated cue (a pattern in data/registry/*.yaml)
 * becomes a regular expression. Cues are case-insensitive; a pattern that does not
 * compile is an AtlasError naming the file, the record and the field `pattern`.
 *
 * The claims rules, the theme cues, the ask cues, the gender and redress cues and
 * the data-collection cues all compile here, so they cannot drift apart (flags,
 * error wording, how alternations are built).
 */
import { AtlasError, type ErrorWhere } from '../core/errors.ts';

/** Flags of every cue: case-insensitive, no global state (test/exec start at 0). */
const CUE_FLAGS = 'i';

/** Compile one cue; `where` names the file and record the pattern comes from. */
export function compileCue(pattern: string, where: ErrorWhere): RegExp {
  try {
    return new RegExp(pattern, CUE_FLAGS);
  } catch (e) {
    throw new AtlasError(`cue ${JSON.stringify(pattern)} is not a valid regular expression: ${(e as Error).message}`, { ...where, field: 'pattern' });
  }
}

/**
 * One expression matching where any of the cues matches, each checked on its own first
 * (so a bad cue is named, not the union). Anchors: 'none' (anywhere), 'start' (at the
 * start of the text, after spaces), 'end' (at its end, before spaces).
 */
export function cueUnion(patterns: readonly string[], where: ErrorWhere, anchor: 'none' | 'start' | 'end' = 'none'): RegExp | null {
  if (patterns.length === 0) return null;
  for (const p of patterns) compileCue(p, where);
  const body = patterns.map((p) => `(?:${p})`).join('|');
  const src = anchor === 'end' ? `(?:${body})\\s*$` : anchor === 'start' ? `^\\s*(?:${body})` : body;
  return new RegExp(src, CUE_FLAGS);
}

/** The first cue (in list order) that matches the text, or null. */
export function firstCue<C extends { re: RegExp }>(cues: readonly C[], text: string): C | null {
  for (const c of cues) if (c.re.test(text)) return c;
  return null;
}
