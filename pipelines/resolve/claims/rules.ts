/**
 * The rules of the claims model, compiled once from data/registry/claims.yaml
 * and the theme cues of data/registry/themes.yaml. Every rule is a
 * case-insensitive regular expression with the paragraphs that justify it.
 */
import { compileCue, cueUnion } from '../../text/cue-regex.ts';
import { buildTriggerIndex, triggersOf, type TriggerIndex } from './triggers.ts';

/**
 * Themes defined by a measure of data/registry/cues.yaml: the theme's cues are the measure's, and
 * the measure is found only in claims that carry the theme, so a theme and its table count the
 * same claims (redress: the redress table; gender_men: gender_inclusion.men_and_boys_explicit).
 */
export function themeOfMeasure(c: { family: string; measure: string }): string | null {
  return c.family === 'redress' ? 'redress' : c.measure === 'men_and_boys' ? 'gender_men' : null;
}

export const ROLES = ['actor', 'lacking', 'comparison', 'participant', 'passing'] as const;
export type Role = (typeof ROLES)[number];

/** A cue as written in the registry. */
export interface CueSpec {
  pattern: string;
  paragraphs: readonly number[];
}

export interface ClaimRuleSpec {
  /** Sentence openings that continue the subject of the sentence before ("It", "This plan", "The Convention"). */
  continuation: readonly CueSpec[];
  /** Does a sentence that names no mechanism and opens with no anaphor still continue the subject (unless it opens with a topic shift)? */
  carry_unnamed: boolean;
  /** Sentence openings that end the chain: a new, general subject ("Regional mechanisms ...", "Civil society ..."). */
  topic_shift: readonly CueSpec[];
  /** Openings of a sentence that reports an outcome of the mechanism's act: only the clause naming the act gives themes. */
  outcome: readonly CueSpec[];
  /** Role cues. `before`: text just before a mention (or the list it heads); `after`: text just after it (or the list it ends). */
  roles: {
    comparison_before: readonly CueSpec[];
    participant_before: readonly CueSpec[];
    participant_after: readonly CueSpec[];
    subject_after: readonly CueSpec[];
    passing_before: readonly CueSpec[];
    passing_after: readonly CueSpec[];
    lacking_after: readonly CueSpec[];
  };
}

export interface ThemeCueSpec {
  theme_id: string;
  /** Does the heading the paragraph sits under give the theme by itself? (false for themes defined by their own words: redress, men and boys) */
  from_heading: boolean;
  headings: readonly string[];
  cues: readonly CueSpec[];
}

export interface CompiledRules {
  continuation: RegExp;
  carryUnnamed: boolean;
  topicShift: RegExp | null;
  outcome: RegExp | null;
  comparisonBefore: RegExp | null;
  participantBefore: RegExp | null;
  participantAfter: RegExp | null;
  subjectAfter: RegExp | null;
  passingBefore: RegExp | null;
  passingAfter: RegExp | null;
  lackingAfter: RegExp | null;
  /** Normalised heading → themes it gives. */
  headingThemes: Map<string, string[]>;
  themes: { theme_id: string; cues: { pattern: string; re: RegExp }[] }[];
  /** Which themes a sentence can match at all (by their literal triggers), found in one scan. */
  triggers: TriggerIndex;
  /** Theme id → its place in `themes`. */
  themeOrder: Map<string, number>;
}

const FILE = 'data/registry/claims.yaml';

/** One alternation of all cues of a rule, anchored as asked: 'start' (sentence openings, text after a mention) or 'end' (text before a mention). */
function alternation(cues: readonly CueSpec[], anchor: 'start' | 'end', record: string): RegExp | null {
  return cueUnion(cues.map((c) => c.pattern), { file: FILE, record }, anchor);
}

export function normalizeHeading(h: string): string {
  return h.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ').trim().toLowerCase();
}

export function compileRules(spec: ClaimRuleSpec, themes: readonly ThemeCueSpec[]): CompiledRules {
  const headingThemes = new Map<string, string[]>();
  for (const t of themes) {
    if (!t.from_heading) continue;
    for (const h of t.headings) {
      const k = normalizeHeading(h);
      const list = headingThemes.get(k) ?? [];
      if (!list.includes(t.theme_id)) list.push(t.theme_id);
      headingThemes.set(k, list);
    }
  }
  const cued = themes.filter((t) => t.cues.length > 0);
  return {
    continuation: alternation(spec.continuation, 'start', 'continuation') ?? /(?!)/,
    carryUnnamed: spec.carry_unnamed,
    topicShift: alternation(spec.topic_shift, 'start', 'topic_shift'),
    outcome: alternation(spec.outcome, 'start', 'outcome'),
    comparisonBefore: alternation(spec.roles.comparison_before, 'end', 'comparison_before'),
    participantBefore: alternation(spec.roles.participant_before, 'end', 'participant_before'),
    participantAfter: alternation(spec.roles.participant_after, 'start', 'participant_after'),
    subjectAfter: alternation(spec.roles.subject_after, 'start', 'subject_after'),
    passingBefore: alternation(spec.roles.passing_before, 'end', 'passing_before'),
    passingAfter: alternation(spec.roles.passing_after, 'start', 'passing_after'),
    lackingAfter: alternation(spec.roles.lacking_after, 'start', 'lacking_after'),
    headingThemes,
    triggers: buildTriggerIndex(cued.map((t) => triggersOf(t.cues.map((c) => c.pattern)))),
    themeOrder: new Map(cued.map((t, i) => [t.theme_id, i])),
    themes: cued.map((t) => {
      const cues = t.cues.map((c) => ({ pattern: c.pattern, re: compileCue(c.pattern, { file: 'data/registry/themes.yaml', record: t.theme_id }) }));
      return { theme_id: t.theme_id, cues };
    }),
  };
}
