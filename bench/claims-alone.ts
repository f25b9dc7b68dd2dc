/**
 * The claims stages timed alone, as issue 12 budgets them: extract-claims (find the claims,
 * write claim_spans and claim_theme_sets, check them) and the SQL model claims (put the words
 * back, check the table), on a built corpus's database, with nothing else running.
 *
 * In a build, stages whose inputs are ready run at the same time and share the two cores and
 * the one JavaScript thread, so a stage's time in the build log includes the others' work (at
 * 1,000 documents extract-claims runs beside collect-data-requests and six SQL models). This
 * measures the stages' own time. Each run is a process of its own (modules, the rules and the
 * compiled matchers loaded cold, as in a build); the inputs are read from the database before
 * the clock starts, since in a build they come from the stages before, in memory. The database
 * is copied first: the build's output is not touched.
 *
 *   tsx bench/claims-alone.ts <build>/atlas.duckdb          one run, prints JSON
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, writeRows } from '../pipelines/core/db.ts';
import { readTables } from '../pipelines/core/read-tables.ts';
import { checkedAtExport, checkModelOutput, checkTable, parquetRows } from '../pipelines/core/checks.ts';
import { writeParquet } from '../pipelines/core/export.ts';
import { createMacros, runModel } from '../pipelines/core/sql-models.ts';
import { tableSpec, isTableName } from '../pipelines/catalog/index.ts';
import { PIPELINE } from '../pipelines/pipeline.ts';
import { PARAMS } from '../pipelines/core/params.ts';
import type { Logger } from '../pipelines/core/log.ts';
import { CLAIMS_STAGES } from './targets.ts';
import { ROOT } from './make-corpus.ts';

/**
 * Milliseconds: finding the claims, writing and checking claim_spans and claim_theme_sets, the SQL model with its
 * check (claims is an exported view: counted here, checked on its Parquet file as it is exported, exportCheckMs).
 */
export interface ClaimsAlone { findMs: number; writeMs: number; modelMs: number; totalMs: number; claims: number; exportCheckMs: number }

export async function runOnce(dbFile: string): Promise<ClaimsAlone> {
  const [extract, model] = CLAIMS_STAGES.map((name) => PIPELINE.find((s) => s.name === name)!);
  if (extract?.kind !== 'ts' || model?.kind !== 'sql') throw new Error(`expected the stages ${CLAIMS_STAGES.join(', ')} in the pipeline`);
  const work = mkdtempSync(join(tmpdir(), 'atlas-claims-'));
  try {
    copyFileSync(dbFile, join(work, 'atlas.duckdb'));
    const db = await openDb(join(work, 'atlas.duckdb'));
    try {
      await createMacros(db);
      const input = await readTables(db, extract.inputs.filter(isTableName));
      const log: Logger = { stage() {}, warn() {}, info() {} };
      const t0 = performance.now();
      const out = await extract.run(input, { seedsDir: join(ROOT, 'seeds'), dataDir: join(ROOT, 'data'), db, log, params: PARAMS as never, write: async () => {} });
      const tFound = performance.now();
      for (const name of extract.outputs) {
        await writeRows(db, tableSpec(name), out[name]!);
        await checkTable(db, tableSpec(name), extract.name);
      }
      const t1 = performance.now();
      await runModel(db, model.model);
      const spec = tableSpec(model.outputs[0]);
      const claims = await checkModelOutput(db, spec, model.name);
      const t2 = performance.now();
      // the check the build makes of claims when it exports it (a step of the export, not of the stages)
      let exportCheckMs = 0;
      if (checkedAtExport(spec)) {
        const file = join(work, `${spec.name}.parquet`);
        await writeParquet(db.conn, spec, file);
        const t3 = performance.now();
        await checkTable(db, spec, 'export', parquetRows(file));
        exportCheckMs = performance.now() - t3;
      }
      return { findMs: tFound - t0, writeMs: t1 - tFound, modelMs: t2 - t1, totalMs: t2 - t0, claims, exportCheckMs };
    } finally {
      db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('claims-alone.ts')) {
  const dbFile = process.argv[2];
  if (!dbFile) throw new Error('usage: tsx bench/claims-alone.ts <build>/atlas.duckdb');
  process.stdout.write(`${JSON.stringify(await runOnce(dbFile))}\n`);
}
