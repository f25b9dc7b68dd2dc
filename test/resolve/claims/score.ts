/**
 * Scoring the claims model against the hand-labelled set
 * (test/fixtures/claims/labels-*.yaml, written by reading the report).
 *
 * - Role accuracy: over the labelled mentions the resolver found (para, surface,
 *   occurrence), the share whose predicted role equals the label.
 * - Actor × theme: the set of (paragraph, mechanism, theme) that some actor label
 *   gives (continuations the resolver cannot see included) against the same set
 *   from the model's actor claims; precision, recall.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Label {
  para: number;
  surface: string;
  occurrence: number;
  mechanism: string;
  role: string;
  themes: string[];
  reason: string;
  missed?: boolean;
  mechanism_correct?: boolean;
}

export interface PredictedClaim {
  para_no: number;
  mechanism_id: string;
  role: string;
  via: string;
  surface: string;
  char_start: number;
  themes: string[];
}

export const LABEL_DIR = 'test/fixtures/claims';

export function readLabels(dir = LABEL_DIR): Label[] {
  return readdirSync(dir).filter((f) => /^labels-.*\.yaml$/.test(f)).sort()
    .flatMap((f) => (parse(readFileSync(join(dir, f), 'utf8')) as Label[]).map((l) => ({ ...l, themes: l.themes ?? [] })));
}

const key = (...xs: (string | number)[]) => xs.join('|');

export interface Score {
  n_labels: number;
  role: { n: number; correct: number; accuracy: number; confusion: Record<string, number>; unmatched: string[] };
  actor_theme: { gold: number; predicted: number; tp: number; precision: number; recall: number; false_pos: string[]; false_neg: string[] };
}

export function score(labels: readonly Label[], claims: readonly PredictedClaim[]): Score {
  // predicted mention claims by (para, surface, occurrence)
  const byMention = new Map<string, PredictedClaim>();
  const occ = new Map<string, number>();
  const mentionClaims = claims.filter((c) => c.via === 'mention')
    .sort((a, b) => a.para_no - b.para_no || a.char_start - b.char_start);
  const seenStart = new Set<string>();
  for (const c of mentionClaims) {
    const s = key(c.para_no, c.char_start);
    if (seenStart.has(s)) continue; // one mention, one claim
    seenStart.add(s);
    const k = key(c.para_no, c.surface);
    const n = (occ.get(k) ?? 0) + 1;
    occ.set(k, n);
    byMention.set(key(c.para_no, c.surface, n), c);
  }
  const confusion: Record<string, number> = {};
  const unmatched: string[] = [];
  let n = 0;
  let correct = 0;
  for (const l of labels) {
    if (l.missed || l.mechanism_correct === false) continue;
    const c = byMention.get(key(l.para, l.surface, l.occurrence));
    if (!c) { unmatched.push(key(l.para, l.surface, l.occurrence)); continue; }
    n++;
    if (c.role === l.role) correct++;
    else confusion[`${l.role}→${c.role}`] = (confusion[`${l.role}→${c.role}`] ?? 0) + 1;
  }
  const gold = new Set<string>();
  for (const l of labels) {
    if (l.role !== 'actor' || l.mechanism_correct === false) continue;
    for (const t of l.themes) gold.add(key(l.para, l.mechanism, t));
  }
  const paras = new Set(labels.map((l) => l.para));
  const lo = Math.min(...paras);
  const hi = Math.max(...paras);
  const predicted = new Set<string>();
  for (const c of claims) {
    if (c.role !== 'actor' || c.para_no < lo || c.para_no > hi) continue;
    for (const t of c.themes) predicted.add(key(c.para_no, c.mechanism_id, t));
  }
  const tp = [...predicted].filter((x) => gold.has(x)).length;
  return {
    n_labels: labels.length,
    role: { n, correct, accuracy: n ? correct / n : 0, confusion, unmatched },
    actor_theme: {
      gold: gold.size, predicted: predicted.size, tp,
      precision: predicted.size ? tp / predicted.size : 0,
      recall: gold.size ? tp / gold.size : 0,
      false_pos: [...predicted].filter((x) => !gold.has(x)).sort(),
      false_neg: [...gold].filter((x) => !predicted.has(x)).sort(),
    },
  };
}
