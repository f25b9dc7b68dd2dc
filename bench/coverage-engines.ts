/**
 * The mechanism × theme coverage (distinct paragraphs per pair, from the counted
 * evidence rows of a build) computed three ways: DuckDB SQL, danfojs and plain
 * TypeScript, on growing samples. Opt-in part of the benchmark (`--engines`):
 * it answers "is DuckDB the right engine", not "is the build fast".
 * The counted rows are the build's own rule: evidence_named.is_counted.
 */
import { logLogSlope, median } from './stats.ts';

import { fmtN, fmtS, table } from './format.ts';

const log = (m: string) => process.stderr.write(`${m}\n`);

/** One size of the comparison: compute times (medians) of each engine on the same rows. */
interface EngineRow { rows: number; duckdbMs: number; tsMs: number; danfoMs: number | null }
export interface EngineResults {
  /** Evidence rows of the build that count (evidence_named.is_counted). */
  rows: number;
  pairs: number;
  sizes: EngineRow[];
  /** Reading the rows out of DuckDB into JS objects (what TypeScript and danfojs start from). */
  toJsMs: number;
  danfo: { loads: boolean; importMs: number | null; note: string; estimateFullMs: number | null };
  agree: boolean;
}

type Pair = { mechanism_id: string; theme_id: string; n: number };
type EvRow = { mechanism_id: string; theme_id: string; doc_id: string; para_no: number };

function pairsKey(rows: readonly Pair[]): string {
  return rows.map((r) => `${r.mechanism_id}|${r.theme_id}|${r.n}`).sort().join('\n');
}

async function timeIt<T>(times: number, f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const ms: number[] = [];
  let value!: T;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    value = await f();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), value };
}

/** Distinct (document, paragraph) per mechanism × theme in plain TypeScript: a Map of Sets. */
function coverageTs(rows: readonly EvRow[]): Pair[] {
  const byPair = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = `${r.mechanism_id}\u0000${r.theme_id}`;
    let set = byPair.get(k);
    if (!set) byPair.set(k, (set = new Set()));
    set.add(`${r.doc_id}\u0000${r.para_no}`);
  }
  return [...byPair].map(([k, set]) => {
    const [mechanism_id, theme_id] = k.split('\u0000');
    return { mechanism_id, theme_id, n: set.size };
  });
}

/** The same with danfojs: one groupby to make (pair, paragraph) distinct, one to count per pair. */
function coverageDanfo(dfd: typeof import('danfojs-node'), rows: readonly EvRow[]): Pair[] {
  const df = new dfd.DataFrame({
    mechanism_id: rows.map((r) => r.mechanism_id), theme_id: rows.map((r) => r.theme_id),
    paragraph: rows.map((r) => `${r.doc_id}#${r.para_no}`), one: rows.map(() => 1),
  });
  const triples = df.groupby(['mechanism_id', 'theme_id', 'paragraph']).count();
  const counted = triples.loc({ columns: ['mechanism_id', 'theme_id', 'paragraph'] }).groupby(['mechanism_id', 'theme_id']).count();
  const out = dfd.toJSON(counted, { format: 'column' }) as { mechanism_id: string; theme_id: string; paragraph_count: number }[];
  return out.map((r) => ({ mechanism_id: String(r.mechanism_id), theme_id: String(r.theme_id), n: Number(r.paragraph_count) }));
}

export async function benchEngines(dbFile: string, danfoBudgetMs = 60_000): Promise<EngineResults> {
  const { openDb, query, exec } = await import('../pipelines/core/db.ts');
  const db = await openDb(dbFile, { readOnly: true });
  // the build's own rule for what counts (pipelines/sql/final/evidence_named.sql), not a copy of it
  const counted = 'evidence_named WHERE is_counted';
  const coverageSql = (table: string) => `SELECT mechanism_id, theme_id, count(*)::INTEGER AS n FROM (
      SELECT DISTINCT mechanism_id, theme_id, doc_id, para_no FROM ${table}) GROUP BY mechanism_id, theme_id`;
  try {
    // a fixed row order, so that every engine sees the same first n rows
    await exec(db, `CREATE TEMP TABLE bench_ev AS SELECT mechanism_id, theme_id, doc_id, para_no FROM ${counted}
      ORDER BY doc_id, para_no, mechanism_id, theme_id`);
    const toJs = await timeIt(1, () => query<EvRow>(db, 'SELECT * FROM bench_ev'));
    const all = toJs.value;

    let dfd: typeof import('danfojs-node') | null = null;
    let importMs: number | null = null;
    let note = '';
    const t0 = performance.now();
    try {
      dfd = await import('danfojs-node');
      importMs = performance.now() - t0;
      note = `danfojs-node loads (import ${fmtN(importMs)} ms)`;
    } catch (e) {
      note = `danfojs-node does not load: ${(e as Error).message.split('\n')[0]}`;
    }

    // sizes: growing samples while danfojs keeps within its budget, then all rows
    const sizes: EngineRow[] = [];
    let agree = true;
    let danfoOn = dfd !== null;
    const steps = [1_000, 3_000, 10_000, 30_000, 100_000].filter((n) => n < all.length).concat(all.length);
    for (const n of steps) {
      const rows = n === all.length ? all : all.slice(0, n);
      await exec(db, `CREATE OR REPLACE TEMP TABLE bench_ev_n AS SELECT * FROM bench_ev LIMIT ${n}`);
      const duck = await timeIt(5, () => query<Pair>(db, coverageSql(n === all.length ? counted : 'bench_ev_n')));
      const ts = await timeIt(5, () => coverageTs(rows));
      const truth = pairsKey(duck.value);
      if (pairsKey(ts.value) !== truth) agree = false;
      let danfoMs: number | null = null;
      if (danfoOn) {
        try {
          const d = await timeIt(1, () => coverageDanfo(dfd!, rows));
          danfoMs = d.ms;
          if (pairsKey(d.value) !== truth) agree = false;
          if (d.ms > danfoBudgetMs / 4) danfoOn = false; // the next size would not fit the budget
        } catch (e) {
          note += `; fails at ${fmtN(n)} rows: ${(e as Error).message.split('\n')[0]}`;
          danfoOn = false;
        }
      }
      sizes.push({ rows: n, duckdbMs: duck.ms, tsMs: ts.ms, danfoMs });
      log(`  coverage on ${fmtN(n)} rows: DuckDB ${duck.ms.toFixed(1)} ms, TypeScript ${ts.ms.toFixed(1)} ms, danfojs ${danfoMs === null ? '–' : `${danfoMs.toFixed(0)} ms`}`);
    }
    // danfojs on all rows, extrapolated from its last two sizes when it stopped early
    const timed = sizes.filter((x) => x.danfoMs !== null);
    let estimateFullMs: number | null = null;
    if (timed.length >= 2 && timed[timed.length - 1].rows < all.length) {
      const [a, b] = timed.slice(-2);
      const k = logLogSlope([a.rows, b.rows], [a.danfoMs!, b.danfoMs!])!;
      estimateFullMs = b.danfoMs! * (all.length / b.rows) ** k;
      note += `; stopped after ${fmtN(b.rows)} rows (time grows as rows^${k.toFixed(1)}): about ${estimateFullMs > 3_600_000 ? `${(estimateFullMs / 3_600_000).toFixed(1)} h` : `${fmtS(estimateFullMs)} s`} estimated for all rows`;
    }
    const full = sizes[sizes.length - 1];
    return { rows: all.length, pairs: (await query<Pair>(db, coverageSql('bench_ev'))).length, sizes, toJsMs: toJs.ms, danfo: { loads: dfd !== null, importMs, note, estimateFullMs }, agree: agree && !!full };
  } finally {
    db.close();
  }
}


/** The comparison as Markdown lines. */
export function enginesMarkdown(e: EngineResults): string[] {
  return [
    '', `**Mechanism × theme coverage (distinct paragraphs per pair) from the counted evidence rows of the largest corpus: ${fmtN(e.rows)} rows, ${e.pairs} pairs**`, '',
    table(['rows', 'DuckDB SQL ms', 'TypeScript ms', 'danfojs ms', 'TypeScript / DuckDB', 'danfojs / DuckDB'], e.sizes.map((x) => [
      fmtN(x.rows), x.duckdbMs.toFixed(1), x.tsMs.toFixed(1), x.danfoMs === null ? '–' : x.danfoMs.toFixed(0),
      `${(x.tsMs / x.duckdbMs).toFixed(2)}×`, x.danfoMs === null ? '–' : `${fmtN(x.danfoMs / x.duckdbMs)}×`,
    ])),
    '', `Compute times only (medians; danfojs one run). Reading the rows out of DuckDB into JS objects, which TypeScript and danfojs start from, took ${fmtN(e.toJsMs)} ms. ${e.danfo.note}. Results ${e.agree ? 'agree' : 'DIFFER'} across engines.`,
  ];
}
