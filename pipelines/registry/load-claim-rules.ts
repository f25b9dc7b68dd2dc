/**
 * Read data/registry/claims.yaml: the continuation openings, the role cues and
 * the theme cues of the claims model, each cue with the paragraphs of
 * A/HRC/14/32 that justify it (checked against the text by a test).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { AtlasError } from '../core/errors.ts';
import { compileRules, themeOfMeasure, type ClaimRuleSpec, type CompiledRules, type ThemeCueSpec } from '../resolve/claims/rules.ts';
import { loadDataCollectionCues } from './load-data-collection-cues.ts';
import { readYamlFile } from '../core/yaml.ts';

const cue = z.strictObject({
  pattern: z.string().min(1),
  paragraphs: z.array(z.number().int().positive()),
  note: z.string().optional(),
});
const cues = z.array(cue).default([]);

const fileSchema = z.strictObject({
  continuation: z.array(cue).min(1),
  carry_unnamed: z.boolean(),
  topic_shift: cues,
  outcome: cues,
  roles: z.strictObject({
    comparison_before: cues,
    participant_before: cues,
    participant_after: cues,
    subject_after: cues,
    passing_before: cues,
    passing_after: cues,
    lacking_after: cues,
  }),
  themes: z.record(z.string(), z.strictObject({
    from_heading: z.boolean().default(true),
    cues,
  })),
});

export interface ClaimRules { spec: ClaimRuleSpec; themes: ThemeCueSpec[] }

/** `themeRows`: the registry's themes (id and headings), so every theme is known and headings come from one place. */
export function loadClaimRules(file: string, themeRows: readonly { theme_id: string; headings: readonly string[] }[]): ClaimRules {
  const y = readYamlFile(file, { stage: 'load-claim-rules' });
  const parsed = fileSchema.safeParse(y.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AtlasError(`${issue.message} at ${issue.path.join('.') || 'top level'}`, { stage: 'load-claim-rules', file: y.file });
  }
  const data = parsed.data;
  const known = new Set(themeRows.map((t) => t.theme_id));
  for (const id of Object.keys(data.themes)) {
    if (!known.has(id)) throw new AtlasError(`theme "${id}" is not in themes.yaml`, { stage: 'load-claim-rules', file: y.file, record: id });
  }
  const themes = themeRows.map((t) => ({
    theme_id: t.theme_id,
    headings: t.headings,
    from_heading: data.themes[t.theme_id]?.from_heading ?? true,
    cues: data.themes[t.theme_id]?.cues ?? [],
  }));
  return { spec: { continuation: data.continuation, carry_unnamed: data.carry_unnamed, topic_shift: data.topic_shift, outcome: data.outcome, roles: data.roles }, themes };
}

/**
 * The compiled claims model of a registry folder. Three themes take their cues from
 * the tables that define the same measure, so a theme and its table cannot disagree:
 * redress (the redress family of cues.yaml, the redress table), gender_men (the
 * men_and_boys cues, gender_inclusion.men_and_boys_explicit) and data_collection (the
 * initiative cues of data_collection.yaml, data_collection_initiatives).
 */
export function loadClaimModel(
  registryDir: string,
  themeRows: readonly { theme_id: string; headings: readonly string[] }[],
  cueRows: readonly { family: string; measure: string; pattern: string }[],
): CompiledRules {
  const rules = loadClaimRules(join(registryDir, 'claims.yaml'), themeRows);
  const initiatives = loadDataCollectionCues(join(registryDir, 'data_collection.yaml'));
  const shared = new Map<string, { pattern: string; paragraphs: number[] }[]>();
  const add = (theme: string, pattern: string) => shared.set(theme, [...(shared.get(theme) ?? []), { pattern, paragraphs: [] }]);
  for (const c of cueRows) { const theme = themeOfMeasure(c); if (theme) add(theme, c.pattern); }
  for (const c of initiatives) if (c.kind === 'initiative') add('data_collection', c.pattern);
  return compileRules(rules.spec, rules.themes.map((t) => ({ ...t, cues: [...t.cues, ...(shared.get(t.theme_id) ?? [])] })));
}
