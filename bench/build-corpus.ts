/**
 * The build CLI (same flags and log as pipelines/build.ts) with the two places
 * patched that stop a corpus of many documents from building; the benchmark
 * uses it for the synthetic corpora. Each patch applies only while the code it
 * works around is still there, and the ones applied are printed on stderr.
 *
 * 1. recommendation_coverage (pipelines/sql/final/recommendation_coverage.sql)
 *    takes every paragraph whose part is 'recommendations' as one row keyed by
 *    para_no, so with two documents the key is no longer unique and the build
 *    stops. The patch keeps the table's columns and key (one row per
 *    recommendation number, across documents, as the other coverage tables) and
 *    takes each recommendation's cluster and text from the first document (by
 *    doc_id) that has it.
 * 2. render-charts (pipelines/pipeline.ts) titles every chart with the symbols of
 *    all documents joined by "; ". Charts are as wide as their title: 12,000 px
 *    at 100 documents, about 120,000 px at 1,000, where rasterising the PNGs
 *    takes more than 20 GB. The patch gives the stage one documents row whose
 *    symbol reads "<first symbol> and N−1 other documents"; the charts' data
 *    are unchanged.
 *
 * Everything else is the real pipeline.
 *
 * tsx bench/build-corpus.ts --seeds DIR --out DIR [--data DIR] [--force]
 */
import { resolve } from 'node:path';
import { runBuild } from '../pipelines/runner.ts';
import { PIPELINE } from '../pipelines/pipeline.ts';
import { AtlasError } from '../pipelines/lib/errors.ts';
import type { Stage } from '../pipelines/stages/stage.ts';

export const PATCHED_MODEL = 'recommendation_coverage';

const RECOMMENDATIONS_CTE = /with recommendations as \(\s*select para_no, cluster, text\s+from paragraphs\s+where part = 'recommendations'\s*\),/;
const RECOMMENDATIONS_ACROSS_DOCUMENTS = `with recommendations as (
    select distinct on (para_no) para_no, cluster, text
    from paragraphs
    where part = 'recommendations'
    order by para_no, doc_id
),`;

/** The pipeline with the patches that still apply, and their names. */
export function corpusPipeline(): { stages: Stage[]; patches: string[] } {
  const patches: string[] = [];
  const stages = PIPELINE.map((s): Stage => {
    if (s.kind === 'sql' && s.outputs[0] === PATCHED_MODEL && RECOMMENDATIONS_CTE.test(s.model.sql)) {
      patches.push('recommendation_coverage across documents');
      return { ...s, model: { ...s.model, sql: s.model.sql.replace(RECOMMENDATIONS_CTE, RECOMMENDATIONS_ACROSS_DOCUMENTS) } };
    }
    if (s.kind === 'ts' && s.name === 'render-charts' && /\.join\(['"]; ['"]\)/.test(s.run.toString())) {
      patches.push('chart titles name the first document and a count');
      const run = s.run;
      return {
        ...s,
        run: (t, ctx) => {
          const docs = [...(t.documents ?? [])].sort((a, b) => String(a.symbol).localeCompare(String(b.symbol)));
          if (docs.length <= 1) return run(t, ctx);
          const symbol = `${String(docs[0].symbol)} and ${docs.length - 1} other document${docs.length > 2 ? 's' : ''}`;
          return run({ ...t, documents: [{ ...docs[0], symbol }] }, ctx);
        },
      };
    }
    return s;
  });
  return { stages, patches };
}

async function main(): Promise<number> {
  const arg = (name: string, dflt: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const out = arg('out', 'output');
  const { stages, patches } = corpusPipeline();
  process.stderr.write(`bench/build-corpus.ts: ${patches.length ? `patched: ${patches.join('; ')}` : 'no patch needed'}\n`);
  try {
    const s = await runBuild(stages, {
      seedsDir: resolve(arg('seeds', 'seeds')), dataDir: resolve(arg('data', 'data')), outDir: resolve(out),
      force: process.argv.includes('--force'),
    });
    process.stderr.write(`built ${out}: ${Object.keys(s.tables).length} tables, ${s.files} files in ${(s.ms / 1000).toFixed(2)} s\n`);
    return 0;
  } catch (e) {
    process.stderr.write(e instanceof AtlasError ? `error: ${e.message}\n` : `internal error: ${(e as Error).stack ?? e}\n`);
    return e instanceof AtlasError ? 1 : 2;
  }
}

process.exitCode = await main();
