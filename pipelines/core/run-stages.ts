/**
 * Runs the stale stages, each as soon as the stages producing its inputs have finished,
 * rather than one after another. A build's time is mostly waiting on something other than
 * this thread: DuckDB's threads (the SQL models, the exports), resvg on libuv's pool,
 * Chromium printing the PDF. Stages that do not depend on each other (the charts, the
 * explorer and the workbook; independent SQL models) overlap those waits.
 *
 * What stays as it was:
 * - outputs: a stage starts only once every table it reads is written and checked (an exported
 *   view is checked as it is exported, on its Parquet file: core/checks.ts checkedAtExport; the
 *   build fails there, publishing nothing, if it does not pass), and tables are never written
 *   again, so what it reads does not depend on timing;
 * - the log: in pipeline order (core/ordered-log.ts);
 * - errors: once a stage fails no other starts, those running are waited for, and the error
 *   thrown is that of the first failed stage in pipeline order, naming it as before.
 * Each running stage has a DuckDB connection of its own (core/connection-pool.ts).
 */
import { isTableName, tableSpec } from '../catalog/index.ts';
import { writeRows, type Db, type Row } from './db.ts';
import { checkModelOutput, checkTable } from './checks.ts';
import { readTables } from './read-tables.ts';
import { runModel, createMacros } from './sql-models.ts';
import type { ConnectionPool } from './connection-pool.ts';
import type { Logger } from './log.ts';
import { orderedLog } from './ordered-log.ts';
import type { Params } from './params.ts';
import type { ParamName, Stage, StageContext, Tables, WarmStart } from './stage.ts';

export interface RunStagesOptions {
  /** Context every stage shares; each gets its own `db` (a leased connection), logger and parameters. */
  ctx: Omit<StageContext, 'db'>;
  pool: ConnectionPool;
  /** Stages whose outputs the previous build has: not run, their counts taken from it. */
  fresh: ReadonlySet<string>;
  previousCounts: Readonly<Record<string, number>>;
  /** Tables the SQL macros read (core/sql-models.ts): every SQL model waits for them, since macros need them to exist. */
  macroInputs: readonly string[];
  /** Called when a table has been written and checked, with its row count (the exports start then). */
  onTable?(name: string, rows: number): void;
}

/** Run every stale stage; returns the row count of every table. */
export async function runStages(stages: readonly Stage[], opts: RunStagesOptions): Promise<Record<string, number>> {
  const { ctx, pool, fresh } = opts;
  const counts: Record<string, number> = {};
  const log = orderedLog(ctx.log, stages.length);
  const producer = new Map<string, number>();
  stages.forEach((s, i) => { for (const o of s.outputs) producer.set(o, i); });
  // Rows produced by TS stages, kept until every stage that reads them has them (DuckDB keeps the table).
  const memo = new Map<string, readonly Row[]>();
  const readers = new Map<string, number>();
  for (const s of stages) {
    if (fresh.has(s.name) || s.kind !== 'ts' || s.readsOwnInputs) continue;
    for (const name of s.inputs) readers.set(name, (readers.get(name) ?? 0) + 1);
  }
  let macros: Promise<void> | undefined; // made once, by the first SQL model to run
  let stopped = false;
  // What stale stages start ahead (Stage.warmUp), now, while the stages before them run. A failed
  // start fails its stage when it runs; whatever was started is closed once its stage has run.
  const warm = new Map<number, Promise<WarmStart | undefined>>();
  stages.forEach((s, i) => {
    if (s.kind !== 'ts' || !s.warmUp || fresh.has(s.name)) return;
    const started = s.warmUp(ctx);
    started.catch(() => undefined); // reported by the stage, which awaits it
    warm.set(i, started);
  });
  const closeWarm = async (i: number) => {
    const started = warm.get(i);
    warm.delete(i);
    await started?.then((w) => w?.close(), () => undefined);
  };

  const runOne = async (s: Stage, i: number, db: Db, slog: Logger) => {
    const t = performance.now();
    if (s.kind === 'sql') {
      macros ??= createMacros(db);
      await macros;
      await runModel(db, s.model);
      counts[s.outputs[0]] = await checkModelOutput(db, tableSpec(s.outputs[0]), s.name);
      opts.onTable?.(s.outputs[0], counts[s.outputs[0]]!);
    } else {
      const input: Tables = {};
      if (!s.readsOwnInputs) {
        const read: Tables = await readTables(db, s.inputs.filter((n) => !memo.has(n)).filter(isTableName));
        for (const name of s.inputs) {
          input[name] = memo.get(name) ?? read[name]!;
          const left = (readers.get(name) ?? 1) - 1;
          readers.set(name, left);
          if (left <= 0) memo.delete(name);
        }
      }
      const started = await warm.get(i);
      const out = await s.run(input, { ...ctx, db, log: slog, params: pick(ctx.params, s.params), ...(started ? { warm: started } : {}) });
      for (const name of s.outputs.filter((o) => !o.startsWith('files:'))) {
        const spec = tableSpec(name);
        if (!out[name]) throw new Error(`stage ${s.name} did not return its declared output ${name}`);
        await writeRows(db, spec, out[name]);
        counts[name] = await checkTable(db, spec, s.name);
        if ((readers.get(name) ?? 0) > 0) memo.set(name, out[name]);
        opts.onTable?.(name, counts[name]!);
      }
    }
    const detail = s.outputs.map((o) => (o in counts ? `${o}=${counts[o]}` : o)).join(' ');
    slog.stage(s.name, 'ran', detail, performance.now() - t);
    for (const o of s.outputs) if (counts[o] === 0) slog.warn(`${s.name}: table ${o} is empty`);
  };

  const done: Promise<void>[] = [];
  for (const [i, s] of stages.entries()) {
    const slog = log.stage(i);
    if (fresh.has(s.name)) {
      for (const o of s.outputs) if (o in opts.previousCounts) counts[o] = opts.previousCounts[o]!;
      slog.stage(s.name, 'fresh', s.outputs.map((o) => (o in counts ? `${o}=${counts[o]}` : o)).join(' '), 0);
      log.finish(i);
      done.push(Promise.resolve());
      continue;
    }
    const needs = [...s.inputs, ...(s.kind === 'sql' ? opts.macroInputs : [])];
    const deps = [...new Set(needs.map((n) => producer.get(n)).filter((j): j is number => j !== undefined && j < i))];
    done.push((async () => {
      try {
        // a failed dependency has stopped the build; settled, so its rejection is reported once, below
        await Promise.allSettled(deps.map((j) => done[j]));
        if (stopped) return;
        const lease = await pool.lease();
        try {
          await runOne(s, i, lease.db, slog);
        } finally {
          lease.release();
          await closeWarm(i);
        }
      } catch (e) {
        stopped = true;
        throw e;
      } finally {
        log.finish(i);
      }
    })());
  }
  const settled = await Promise.allSettled(done);
  // started for stages that did not run (the build failed before them)
  await Promise.all([...warm.keys()].map(closeWarm));
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return counts;
}

/** Only the parameters a stage declares: its key hashes those, so it must not read others. */
function pick(params: Params, names: readonly ParamName[]): Partial<Params> {
  return Object.fromEntries(names.map((n) => [n, params[n]]));
}
