/**
 * Sentence boundaries for the claims model: the hand-written splitter
 * (pipelines/text/sentences.ts) against two maintained English NLP libraries,
 * wink-nlp (with wink-eng-lite-web-model) and compromise, measured
 * - on the labelled set: the claims model run with each splitter, scored like
 *   test/resolve/claims/labelled-set.test.ts (role accuracy; actor × theme P/R);
 * - on agreement: the share of paragraphs 17–105 split exactly alike;
 * - on speed: MB/s over the seed's paragraph text, repeated to ~10 MB, and the
 *   projected time for the 1,000-document benchmark corpus (76.8 MB).
 *
 * CLI: tsx bench/nlp-sentences.ts [--mb 10]   (prints a table; writes output/bench/nlp-sentences.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';
import { sentenceBounds } from '../pipelines/text/sentences.ts';
import type { SentenceSplitter } from '../pipelines/resolve/claims/extract.ts';
import { seedClaims } from '../test/resolve/claims/seed-claims.ts';
import { readLabels, score } from '../test/resolve/claims/score.ts';

const CORPUS_MB = 76.8;

/** Library sentences (as text) → boundaries in the original text, found in order. */
function boundsOf(text: string, sentences: readonly string[]): number[] {
  const out: number[] = [];
  let from = 0;
  for (const raw of sentences) {
    const s = raw.trim();
    if (!s) continue;
    const at = text.indexOf(s, from);
    if (at < 0) continue; // a library that rewrites whitespace: skip the sentence rather than invent offsets
    out.push(at, at + s.length);
    from = at + s.length;
  }
  return out;
}

const wink = winkNLP(model);
export const SPLITTERS: Record<string, SentenceSplitter> = {
  'hand-written': sentenceBounds,
  'wink-nlp': (text) => boundsOf(text, wink.readDoc(text).sentences().out() as string[]),
  compromise: (text) => boundsOf(text, nlp(text).sentences().out('array') as string[]),
};

function main(): void {
  const mbArg = process.argv.indexOf('--mb');
  const targetMb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 10;
  const labels = readLabels();
  const base = seedClaims();
  const paras = base.paragraphs.filter((p) => p.para_no >= 17 && p.para_no <= 105).map((p) => p.text);
  const reference = paras.map((t) => sentenceBounds(t).join(','));
  const seedText = base.paragraphs.map((p) => p.text);
  const seedBytes = Buffer.byteLength(seedText.join('\n'), 'utf8');
  const reps = Math.max(1, Math.round((targetMb * 1e6) / seedBytes));

  const rows = Object.entries(SPLITTERS).map(([name, split]) => {
    const s = score(labels, seedClaims('data/registry', split).claims);
    const same = paras.filter((t, i) => split(t).join(',') === reference[i]).length;
    const n = paras.reduce((k, t) => k + split(t).length / 2, 0);
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) for (const t of seedText) split(t);
    const secs = (performance.now() - t0) / 1000;
    const mbps = (seedBytes * reps) / 1e6 / secs;
    return {
      splitter: name, sentences_17_105: n, same_as_hand_written: `${same}/${paras.length}`,
      role_accuracy: +s.role.accuracy.toFixed(3), precision: +s.actor_theme.precision.toFixed(3), recall: +s.actor_theme.recall.toFixed(3),
      mb_per_s: +mbps.toFixed(2), projected_s_1000_docs: +(CORPUS_MB / mbps).toFixed(1),
    };
  });
  console.log(`sentence splitters on A/HRC/14/32 (labelled set: ${labels.length} labels; speed over ${((seedBytes * reps) / 1e6).toFixed(1)} MB)`);
  console.table(rows);
  mkdirSync(join('output', 'bench'), { recursive: true });
  writeFileSync(join('output', 'bench', 'nlp-sentences.json'), JSON.stringify(rows, null, 2) + '\n');
}

main();
