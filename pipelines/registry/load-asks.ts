/**
 * Read data/registry/recommendation_asks.yaml: the recommendations of A/HRC/14/32
 * (106–137 and the unnumbered (g), id "g"), each split into its asks, each ask with the
 * cues that show a mechanism doing it (with the paragraphs they were checked on).
 */
import { z } from 'zod';
import { AtlasError } from '../core/errors.ts';
import { readYamlFile } from '../core/yaml.ts';
import { compileCue } from '../text/cue-regex.ts';

const cue = z.strictObject({
  pattern: z.string().min(1),
  paragraphs: z.array(z.number().int().positive()),
  not_evidence: z.array(z.number().int().positive()).optional(),
  note: z.string().optional(),
});

const ask = z.strictObject({
  id: z.string().regex(/^(\d+|g)\.\d+$/, 'ask ids are "<recommendation>.<n>"'),
  text: z.string().min(1),
  addressee: z.string().min(1),
  note: z.string().optional(),
  cues: z.array(cue).min(1, 'an ask needs at least one cue'),
});

const fileSchema = z.strictObject({
  clusters: z.array(z.strictObject({ id: z.string(), addressee: z.string().nullable(), text: z.string().nullable() })),
  recommendations: z.array(z.strictObject({
    id: z.string().regex(/^(\d+|g)$/),
    cluster: z.string().nullable(),
    text: z.string().min(1),
    note: z.string().optional(),
    asks: z.array(ask).min(1),
  })).min(1),
});

export interface AskRow { recommendation_id: string; ask_id: string; cluster: string | null; cluster_text: string | null; sort_order: number; recommendation_text: string; ask_text: string; addressee: string }
export interface AskCue { ask_id: string; pattern: string; re: RegExp }

export function loadAsks(file: string): { asks: AskRow[]; cues: AskCue[] } {
  const y = readYamlFile(file, { stage: 'load-asks' });
  const parsed = fileSchema.safeParse(y.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AtlasError(`${issue.message} at ${issue.path.join('.')}`, { stage: 'load-asks', file: y.file });
  }
  const asks: AskRow[] = [];
  const cues: AskCue[] = [];
  const seen = new Set<string>();
  const clusterText = new Map(parsed.data.clusters.map((c) => [c.id, c.text ? c.text.trim() : null]));
  parsed.data.recommendations.forEach((r) => {
    for (const a of r.asks) {
      if (!a.id.startsWith(`${r.id}.`)) throw new AtlasError(`ask ${a.id} is listed under recommendation ${r.id}`, { stage: 'load-asks', file: y.file, record: a.id });
      if (seen.has(a.id)) throw new AtlasError(`ask ${a.id} is listed twice`, { stage: 'load-asks', file: y.file, record: a.id });
      seen.add(a.id);
      asks.push({
        recommendation_id: r.id, ask_id: a.id, cluster: r.cluster, cluster_text: r.cluster ? clusterText.get(r.cluster) ?? null : null, sort_order: asks.length + 1,
        recommendation_text: r.text.trim(), ask_text: a.text.trim(), addressee: a.addressee,
      });
      for (const c of a.cues) {
        cues.push({ ask_id: a.id, pattern: c.pattern, re: compileCue(c.pattern, { stage: 'load-asks', file: y.file, record: a.id }) });
      }
    }
  });
  return { asks, cues };
}
