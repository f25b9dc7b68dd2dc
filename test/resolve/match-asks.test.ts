/**
 * Recommendations by their asks, on the real seed: the (ask, mechanism) pairs the model
 * finds against the hand-labelled set test/fixtures/claims/ask-labels.yaml (written by
 * reading the report). Prints precision and recall; and the rule on literal rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAsks } from '../../pipelines/registry/load-asks.ts';
import { matchAsks } from '../../pipelines/resolve/match-asks.ts';
import { seedClaims } from './claims/seed-claims.ts';

interface AskLabel { ask: string; none?: boolean; mechanisms?: { id: string; para: number }[] }

describe('matchAsks', () => {
  const cues = [{ ask_id: '118.1', pattern: 'exchange of information', re: /exchange of information/i }];
  const claim = (role: string, sentence: string, mechanism_id = 'asean') => ({ doc_id: 'd', para_no: 23, sentence_no: 1, mechanism_id, role, sentence });

  it('links an actor claim whose sentence carries the cue', () => {
    expect(matchAsks([claim('actor', 'It facilitates the exchange of information.')], cues))
      .toEqual([{ doc_id: 'd', ask_id: '118.1', mechanism_id: 'asean', para_no: 23, sentence_no: 1, cue: 'exchange of information' }]);
  });

  it('never links a yardstick, a lack or a mention in passing', () => {
    for (const role of ['comparison', 'lacking', 'passing', 'participant']) {
      expect(matchAsks([claim(role, 'the exchange of information')], cues)).toEqual([]);
    }
  });
});

describe('recommendation asks on the seed', () => {
  const { asks, cues } = loadAsks('data/registry/recommendation_asks.yaml');
  const { claims } = seedClaims();
  const found = matchAsks(claims, cues);

  it('has the 33 recommendations, (g) among them with its full text', () => {
    expect(new Set(asks.map((a) => a.recommendation_id)).size).toBe(33);
    const g = asks.filter((a) => a.recommendation_id === 'g');
    expect(g[0].recommendation_text).toMatch(/^The international community should explore ways .* derived from regional mechanisms and cooperation initiatives\.$/s);
  });

  it('shows zero for asks no mechanism is described doing', () => {
    const hit = new Set(found.map((f) => f.ask_id));
    for (const id of ['119.3', '122.2', '124.1', '134.1', 'g.1']) expect(hit.has(id), id).toBe(false);
  });

  it('prints precision and recall of (ask, mechanism) against the labelled set', () => {
    const labels = parse(readFileSync('test/fixtures/claims/ask-labels.yaml', 'utf8')).asks as AskLabel[];
    const gold = new Set(labels.flatMap((l) => (l.mechanisms ?? []).map((m) => `${l.ask}|${m.id}`)));
    const predicted = new Set(found.filter((f) => f.para_no >= 17 && f.para_no <= 105).map((f) => `${f.ask_id}|${f.mechanism_id}`));
    const tp = [...predicted].filter((x) => gold.has(x)).length;
    const precision = tp / predicted.size;
    const recall = tp / gold.size;
    console.log(`asks: precision ${precision.toFixed(3)} (${tp}/${predicted.size}), recall ${recall.toFixed(3)} (${tp}/${gold.size})\n`
      + `false positives: ${[...predicted].filter((x) => !gold.has(x)).join(', ') || 'none'}\n`
      + `false negatives: ${[...gold].filter((x) => !predicted.has(x)).join(', ') || 'none'}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
