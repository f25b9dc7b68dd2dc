/**
 * The benchmark (`npm run bench`): whole build processes, as an analyst runs them.
 *
 * 1. The seed: a cold build (charts included), a no-change rebuild (every stage
 *    must be fresh) and a rebuild after one registry file changed (only the
 *    stages depending on it may run).
 * 2. Synthetic corpora of N = 1, 10, 100, 1000 documents (bench/make-corpus.ts):
 *    a cold build of each, timed per stage group from the build's own log, with
 *    peak resident memory, throughput and the log-log slope of time against N;
 *    then a no-change rebuild.
 * 3. The mechanism × theme coverage (distinct paragraphs per pair, from the
 *    evidence rows of the largest corpus) computed three ways: DuckDB SQL,
 *    danfojs and plain TypeScript.
 * 4. The real corpus (bench/real-corpus.ts): the seed and the twelve UN PDFs of
 *    data/un-documents, added with pipelines/add.ts and built once, cold; PDF
 *    ingest in pages and MB per second, per document and overall.
 *
 * Writes output/bench/results.json, scaling.vl.json and scaling.svg, and prints
 * Markdown tables. Options:
 *   --n 1,10,100,1000   corpus sizes           --repeat 3     runs per size (median)
 *   --repeat-large 1    runs for N >= 1000     --seed 1       corpus seed
 *   --work DIR          corpora and builds (default: $TMPDIR/atlas-bench)
 *   --results DIR       results folder (default: output/bench)
 *   --skip-seed, --skip-corpus, --skip-engines, --skip-real
 *                       (--skip-seed --skip-corpus runs only the real corpus)
 *   --engines-db FILE   run the coverage comparison on this database (e.g. with --skip-corpus)
 *   --danfo-budget 60000  ms: danfojs stops at the first sample size taking more than a quarter of it
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync, lstatSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { makeCorpus, ROOT, type Corpus } from './make-corpus.ts';
import { addRealCorpus, ingestRates, parseIngestLog, type IngestRates } from './real-corpus.ts';

// ---------------------------------------------------------------- options

function opt(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const SIZES = opt('n', '1,10,100,1000').split(',').map(Number).filter((n) => n > 0);
const REPEAT = Number(opt('repeat', '3'));
const REPEAT_LARGE = Number(opt('repeat-large', '1'));
const SEED = Number(opt('seed', '1'));
const WORK = resolve(opt('work', join(tmpdir(), 'atlas-bench')));
const RESULTS = resolve(opt('results', join(ROOT, 'output', 'bench')));

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const BUILD = join(ROOT, 'pipelines', 'build.ts');
const TIME = '/usr/bin/time';

const log = (m: string) => process.stderr.write(`${m}\n`);

// ---------------------------------------------------------------- one build process

export interface StageLine { status: 'ran' | 'fresh'; name: string; ms: number }

export interface BuildRun {
  ok: boolean;
  code: number | null;
  wallMs: number;
  /** runBuild's own time, from the "built … in X s" line (everything after the modules are loaded). */
  inProcessMs: number | null;
  peakRssMB: number | null;
  stages: StageLine[];
  stderr: string;
}

const STAGE_LINE = /^\[(ran|fresh)\] (\S+)\s.*?\s(\d+) ms$/;
const BUILT_LINE = /^built .* in ([\d.]+) s$/;
const RSS_LINE = /Maximum resident set size \(kbytes\): (\d+)/;

export function parseBuildLog(stderr: string): Pick<BuildRun, 'stages' | 'inProcessMs' | 'peakRssMB'> {
  const stages: StageLine[] = [];
  let inProcessMs: number | null = null;
  let peakRssMB: number | null = null;
  for (const line of stderr.split('\n')) {
    const s = STAGE_LINE.exec(line);
    if (s) { stages.push({ status: s[1] as 'ran' | 'fresh', name: s[2], ms: Number(s[3]) }); continue; }
    const b = BUILT_LINE.exec(line);
    if (b) { inProcessMs = Number(b[1]) * 1000; continue; }
    const r = RSS_LINE.exec(line);
    if (r) peakRssMB = Number(r[1]) / 1024;
  }
  return { stages, inProcessMs, peakRssMB };
}

/** Peak RSS of a process tree by polling /proc (used when /usr/bin/time is missing). */
function treeHighWater(root: number): number {
  let kb = 0;
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(st)?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch { /* gone */ }
  }
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      kb = Math.max(kb, hwm);
    } catch { /* gone */ }
    stack.push(...(children.get(pid) ?? []));
  }
  return kb;
}

export function runBuildProcess(entry: string, args: string[]): Promise<BuildRun> {
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : TSX;
  const argv = useTime ? ['-v', TSX, entry, ...args] : [entry, ...args];
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let stderr = '';
    let hwmKB = 0;
    const poll = useTime ? null : setInterval(() => { hwmKB = Math.max(hwmKB, treeHighWater(child.pid!)); }, 50);
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      const parsed = parseBuildLog(stderr);
      done({ ok: code === 0, code, wallMs, ...parsed, peakRssMB: parsed.peakRssMB ?? (hwmKB ? hwmKB / 1024 : null), stderr });
    });
  });
}

// ---------------------------------------------------------------- stage groups

export const GROUPS = ['ingest', 'mentions/evidence', 'SQL transforms', 'export', 'charts'] as const;
export type Group = (typeof GROUPS)[number];

export function groupOf(stage: string): Exclude<Group, 'export'> | 'other' {
  if (['ingest-report', 'load-registry', 'load-indicators', 'check-citations'].includes(stage)) return 'ingest';
  if (stage === 'resolve-mentions' || stage === 'extract-claims' || stage === 'match-asks' || stage.startsWith('collect-')
    || stage === 'find-document-citations') return 'mentions/evidence';
  if (stage.startsWith('sql:')) return 'SQL transforms';
  if (stage === 'render-charts') return 'charts';
  return 'other';
}

export interface Breakdown {
  wallMs: number;
  /** Process start and module loading: wall time before runBuild's clock starts and after it stops. */
  startupMs: number;
  groups: Record<Group | 'other', number>;
  peakRssMB: number | null;
}

/**
 * Stage-group times of one build. The log gives every stage's time; export is the
 * rest of runBuild's time (opening the database, exporting the tables, copying,
 * hashing and publishing the output).
 */
export function breakdown(r: BuildRun): Breakdown {
  const groups = { ingest: 0, 'mentions/evidence': 0, 'SQL transforms': 0, export: 0, charts: 0, other: 0 } as Record<Group | 'other', number>;
  let staged = 0;
  for (const s of r.stages) {
    if (s.status !== 'ran') continue;
    groups[groupOf(s.name)] += s.ms;
    staged += s.ms;
  }
  const inProcess = r.inProcessMs ?? r.wallMs;
  groups.export = Math.max(0, inProcess - staged);
  return { wallMs: r.wallMs, startupMs: Math.max(0, r.wallMs - inProcess), groups, peakRssMB: r.peakRssMB };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function medianBreakdown(bs: Breakdown[]): Breakdown {
  const groups = {} as Record<Group | 'other', number>;
  for (const g of [...GROUPS, 'other'] as const) groups[g] = median(bs.map((b) => b.groups[g]));
  const rss = bs.map((b) => b.peakRssMB).filter((x): x is number => x !== null);
  return {
    wallMs: median(bs.map((b) => b.wallMs)), startupMs: median(bs.map((b) => b.startupMs)), groups,
    peakRssMB: rss.length ? Math.max(...rss) : null, // the worst run: memory is a limit, not an average
  };
}

/** Least-squares slope of log(y) against log(x). */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): number | null {
  const pts = xs.map((x, i) => [Math.log(x), Math.log(ys[i])] as const).filter(([, y]) => Number.isFinite(y));
  if (pts.length < 2) return null;
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const sxx = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  const sxy = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  return sxx === 0 ? null : sxy / sxx;
}

// ---------------------------------------------------------------- helpers

const fmtS = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const fmtN = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtRate = (x: number) => (x >= 100 ? fmtN(x) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtSlope = (s: number | null) => (s === null ? '–' : s.toFixed(2));

function table(head: string[], rows: (string | number)[][], align?: string[]): string {
  const al = align ?? head.map((_, i) => (i === 0 ? 'l' : 'r'));
  return [
    `| ${head.join(' | ')} |`,
    `|${al.map((a) => (a === 'l' ? ':---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function freshOut(name: string): string {
  const dir = join(WORK, 'builds', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return join(dir, 'out');
}

function failed(what: string, r: BuildRun): never {
  throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr.split('\n').filter((l) => !/^\s+[A-Z][^:]*: /.test(l)).slice(-12).join('\n')}`);
}

/** Stages downstream of the stages reading `file` (the set a change to it must re-run), from the pipeline's wiring. */
async function dependents(file: string, dirs: { seedsDir: string; dataDir: string }): Promise<string[]> {
  const { PIPELINE } = await import('../pipelines/pipeline.ts');
  const dirty = new Set<string>();
  const tainted = new Set<string>();
  for (const s of PIPELINE) {
    const reads = s.sources(dirs).some((p) => file === p || file.startsWith(`${p}/`));
    if (reads || s.inputs.some((i) => tainted.has(i))) {
      dirty.add(s.name);
      for (const o of s.outputs) tainted.add(o);
    }
  }
  return [...dirty];
}

// ---------------------------------------------------------------- 1. the seed

interface SeedResults {
  cold: Breakdown & { runs: number; stagesRun: number };
  noChange: Breakdown & { runs: number; allFresh: boolean; stagesRun: string[] };
  oneSource: { file: string; expected: string[]; ran: string[]; total: number; ok: boolean; wallMs: number }[];
}

async function benchSeed(): Promise<SeedResults> {
  // the data folder is copied so that one of its files can be changed without touching the repository
  const data = join(WORK, 'seed-data');
  rmSync(data, { recursive: true, force: true });
  cpSync(join(ROOT, 'data'), data, { recursive: true });
  const seeds = join(ROOT, 'seeds');
  const args = (out: string) => ['--seeds', seeds, '--data', data, '--out', out];

  const cold: Breakdown[] = [];
  let stagesRun = 0;
  let out = '';
  for (let r = 0; r < REPEAT; r++) {
    out = freshOut(`seed-${r}`);
    const run = await runBuildProcess(BUILD, args(out));
    if (!run.ok) failed('cold build of the seed', run);
    stagesRun = run.stages.filter((s) => s.status === 'ran').length;
    cold.push(breakdown(run));
    log(`seed cold build ${r + 1}/${REPEAT}: ${fmtS(run.wallMs)} s`);
  }
  const again: Breakdown[] = [];
  let allFresh = true;
  let ranAgain: string[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const run = await runBuildProcess(BUILD, args(out));
    if (!run.ok) failed('no-change rebuild of the seed', run);
    const ran = run.stages.filter((s) => s.status === 'ran').map((s) => s.name);
    if (ran.length || run.stages.length === 0) { allFresh = false; ranAgain = ran; }
    again.push(breakdown(run));
    log(`seed no-change rebuild ${r + 1}/${REPEAT}: ${fmtS(run.wallMs)} s, ${ran.length} stages ran`);
  }
  // change one source at a time (a line appended to a file no stage parses strictly) and rebuild
  const oneSource: SeedResults['oneSource'] = [];
  for (const rel of ['raw/indicators/SOURCES.md', 'registry/data_collection.yaml']) {
    const file = join(data, rel);
    appendFileSync(file, rel.endsWith('.md') ? '\n<!-- touched by bench/run.ts -->\n' : '\n# touched by bench/run.ts\n');
    const expected = await dependents(file, { seedsDir: seeds, dataDir: data });
    const run = await runBuildProcess(BUILD, args(out));
    if (!run.ok) failed(`rebuild after changing data/${rel}`, run);
    const ran = run.stages.filter((s) => s.status === 'ran').map((s) => s.name);
    const ok = ran.length === expected.length && ran.every((s) => expected.includes(s));
    log(`seed after changing data/${rel}: ${ran.length} of ${run.stages.length} stages ran (${ok ? 'exactly those downstream of it' : `expected ${expected.join(', ')}`})`);
    oneSource.push({ file: `data/${rel}`, expected, ran, total: run.stages.length, ok, wallMs: run.wallMs });
  }
  return {
    cold: { ...medianBreakdown(cold), runs: cold.length, stagesRun },
    noChange: { ...medianBreakdown(again), runs: again.length, allFresh, stagesRun: ranAgain },
    oneSource,
  };
}

// ---------------------------------------------------------------- 2. corpora

interface SizeResult {
  n: number;
  paragraphs: number;
  mb: number;
  runs: number;
  entry: string;
  cold: Breakdown;
  noChangeMs: number;
  noChangeAllFresh: boolean;
  out: string;
}

async function benchCorpus(): Promise<{ sizes: SizeResult[]; entryNote: string }> {
  const corpusDir = (n: number) => join(WORK, `corpus-${n}`);
  // corpora are built by the real CLI, as a user builds them
  const entry = BUILD;
  const why = 'pipelines/build.ts';
  const sizes: SizeResult[] = [];
  for (const n of SIZES) {
    const t0 = performance.now();
    const c = makeCorpus({ n, dir: corpusDir(n), seed: SEED });
    log(`corpus N=${n}: ${c.paragraphs} paragraphs, ${(c.bytes / 1e6).toFixed(1)} MB (${c.reused ? 'reused' : `made in ${fmtS(performance.now() - t0)} s`})`);
    const runs = n >= 1000 ? REPEAT_LARGE : REPEAT;
    const bs: Breakdown[] = [];
    let out = '';
    for (let r = 0; r < runs; r++) {
      out = freshOut(`corpus-${n}-${r}`);
      const run = await runBuildProcess(entry, ['--seeds', c.dir, '--out', out]);
      if (!run.ok) failed(`build of the ${n}-document corpus`, run);
      bs.push(breakdown(run));
      log(`  cold build ${r + 1}/${runs}: ${fmtS(run.wallMs)} s, peak ${run.peakRssMB?.toFixed(0)} MB`);
      // keep only the last build (the largest one is used for the engine comparison)
      if (r > 0) rmSync(join(WORK, 'builds', `corpus-${n}-${r - 1}`), { recursive: true, force: true });
    }
    const again = await runBuildProcess(entry, ['--seeds', c.dir, '--out', out]);
    if (!again.ok) failed(`no-change rebuild of the ${n}-document corpus`, again);
    const allFresh = again.stages.length > 0 && again.stages.every((s) => s.status === 'fresh');
    log(`  no-change rebuild: ${fmtS(again.wallMs)} s${allFresh ? ', every stage fresh' : ', SOME STAGES RAN'}`);
    sizes.push({
      n, paragraphs: c.paragraphs, mb: c.bytes / 1e6, runs, entry: entry.slice(ROOT.length),
      cold: medianBreakdown(bs), noChangeMs: again.wallMs, noChangeAllFresh: allFresh, out,
    });
  }
  return { sizes, entryNote: why };
}

// ---------------------------------------------------------------- 3. coverage three ways

/** One size of the comparison: compute times (medians) of each engine on the same rows. */
interface EngineRow { rows: number; duckdbMs: number; tsMs: number; danfoMs: number | null }
interface EngineResults {
  /** Evidence rows of the largest corpus that count (description, achievement, challenge). */
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

const DANFO_BUDGET_MS = Number(opt('danfo-budget', '60000'));

async function benchEngines(dbFile: string): Promise<EngineResults> {
  const { openDb, query, exec } = await import('../pipelines/core/db.ts');
  const db = await openDb(dbFile, { readOnly: true });
  const parts = `part IN ('description', 'achievement', 'challenge')`;
  const coverageSql = (table: string) => `SELECT mechanism_id, theme_id, count(*)::INTEGER AS n FROM (
      SELECT DISTINCT mechanism_id, theme_id, doc_id, para_no FROM ${table}) GROUP BY mechanism_id, theme_id`;
  try {
    // a fixed row order, so that every engine sees the same first n rows
    await exec(db, `CREATE TEMP TABLE bench_ev AS SELECT mechanism_id, theme_id, doc_id, para_no FROM evidence
      WHERE ${parts} ORDER BY doc_id, para_no, mechanism_id, theme_id`);
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
      const duck = await timeIt(5, () => query<Pair>(db, coverageSql(n === all.length ? `evidence WHERE ${parts}` : 'bench_ev_n')));
      const ts = await timeIt(5, () => coverageTs(rows));
      const truth = pairsKey(duck.value);
      if (pairsKey(ts.value) !== truth) agree = false;
      let danfoMs: number | null = null;
      if (danfoOn) {
        try {
          const d = await timeIt(1, () => coverageDanfo(dfd!, rows));
          danfoMs = d.ms;
          if (pairsKey(d.value) !== truth) agree = false;
          if (d.ms > DANFO_BUDGET_MS / 4) danfoOn = false; // the next size would not fit the budget
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

// ---------------------------------------------------------------- 4. the real corpus

interface RealResults { addMs: number; build: Breakdown; ingestStageMs: number; rates: IngestRates; paragraphs: number }

async function benchReal(): Promise<RealResults> {
  log('real corpus: pipelines/add.ts on the seed and data/un-documents/*.pdf');
  const { seeds, addMs, bytes } = addRealCorpus(WORK);
  log('real corpus: cold build');
  const run = await runBuildProcess(BUILD, ['--seeds', seeds, '--out', freshOut('real-corpus')]);
  if (!run.ok) failed('the real corpus build', run);
  const lines = parseIngestLog(run.stderr);
  if (lines.length !== 13) throw new Error(`expected 13 documents in the ingest log, found ${lines.length}`);
  return {
    addMs, build: breakdown(run), rates: ingestRates(lines, bytes),
    ingestStageMs: run.stages.find((s) => s.name === 'ingest-report')?.ms ?? 0,
    paragraphs: lines.reduce((n, l) => n + l.paragraphs, 0),
  };
}

function realMarkdown(r: RealResults): string[] {
  const p = r.rates.pdf;
  const out = ['', `**The real corpus (A/HRC/14/32 and the twelve UN PDFs of data/un-documents: ${fmtN(r.paragraphs)} paragraphs)**`, ''];
  out.push(`pipelines/add.ts (reads every file, writes the manifest): ${fmtS(r.addMs)} s. Cold build: ${fmtS(r.build.wallMs)} s wall `
    + `(startup ${fmtS(r.build.startupMs)} s; ${GROUPS.map((g) => `${g} ${fmtS(r.build.groups[g])}`).join(', ')}; ingest stage ${fmtS(r.ingestStageMs)} s), `
    + `peak RSS ${r.build.peakRssMB?.toFixed(0) ?? '–'} MB.`, '');
  out.push(`PDF ingest, overall: ${p.documents} PDFs, ${fmtN(p.pages)} pages, ${p.mb.toFixed(2)} MB in ${fmtS(p.readMs + p.parseMs)} s `
    + `(reading ${fmtS(p.readMs)} s, structure ${fmtS(p.parseMs)} s): **${fmtRate(p.pagesPerS)} pages/s, ${fmtRate(p.mbPerS)} MB/s** `
    + `(reading alone ${fmtRate(p.readPagesPerS)} pages/s).`, '');
  out.push(table(['file', 'symbol', 'pages', 'MB', 'paragraphs', 'footnotes', 'items', 'read ms', 'parse ms', 'pages/s', 'MB/s'],
    r.rates.documents.map((d) => [d.file, d.symbol, d.pages ?? '–', d.mb.toFixed(2), fmtN(d.paragraphs), d.footnotes, d.items,
      fmtN(d.readMs), fmtN(d.parseMs), d.pagesPerS === null ? '–' : fmtRate(d.pagesPerS), fmtRate(d.mbPerS)]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  return out;
}

// ---------------------------------------------------------------- report

function scalingSpec(sizes: readonly SizeResult[]): object {
  const values = sizes.flatMap((s) => [
    ...GROUPS.map((g) => ({ n: s.n, series: g, seconds: Math.max(s.cold.groups[g], 1) / 1000 })),
    { n: s.n, series: 'whole process (wall)', seconds: s.cold.wallMs / 1000 },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Build time against corpus size', subtitle: 'Synthetic corpora from A/HRC/14/32; log-log; median of runs' },
    description: 'Line chart, log-log: wall time of each stage group and of the whole build process against the number of documents.',
    width: 480, height: 300,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'n', type: 'quantitative', scale: { type: 'log' }, title: 'documents (N)' },
      y: { field: 'seconds', type: 'quantitative', scale: { type: 'log' }, title: 'seconds' },
      color: { field: 'series', type: 'nominal', title: null, sort: [...GROUPS, 'whole process (wall)'] },
      tooltip: [{ field: 'series' }, { field: 'n' }, { field: 'seconds', format: '.2f' }],
    },
  };
}

function markdown(res: {
  machine: string; seed?: SeedResults; sizes?: SizeResult[]; entryNote?: string;
  engines?: EngineResults; slopes?: Record<string, { all: number | null; from10: number | null; last: number | null }>;
  real?: RealResults;
}): string {
  const out: string[] = [];
  out.push(`Machine: ${res.machine}. Times are medians of whole \`tsx\` processes; peak RSS is the largest of the runs.`);
  if (res.seed) {
    const s = res.seed;
    out.push('', '**The seed (A/HRC/14/32, 137 paragraphs)**', '');
    out.push(table(['build', 'runs', 'wall s', 'startup s', 'in-process s', 'peak RSS MB', 'stages run'], [
      ['cold (charts included)', s.cold.runs, fmtS(s.cold.wallMs), fmtS(s.cold.startupMs), fmtS(s.cold.wallMs - s.cold.startupMs), s.cold.peakRssMB?.toFixed(0) ?? '–', `${s.cold.stagesRun}`],
      ['no change', s.noChange.runs, fmtS(s.noChange.wallMs), fmtS(s.noChange.startupMs), fmtS(s.noChange.wallMs - s.noChange.startupMs), s.noChange.peakRssMB?.toFixed(0) ?? '–', s.noChange.allFresh ? '0 (all fresh)' : s.noChange.stagesRun.join(', ')],
      ...s.oneSource.map((o) => [`\`${o.file}\` changed`, 1, fmtS(o.wallMs), '', '', '',
        `${o.ran.length} of ${o.total}${o.ok ? ' (exactly its dependents)' : ` (wiring says ${o.expected.length})`}`]),
    ]));
    out.push('', `Stage groups of the cold seed build (s): ${GROUPS.map((g) => `${g} ${fmtS(s.cold.groups[g])}`).join(', ')}.`);
  }
  if (res.sizes?.length) {
    out.push('', '**Synthetic corpora (cold builds)**', '');
    if (res.entryNote) out.push(`Entry: ${res.entryNote}.`, '');
    out.push('Stage groups come from the build log; startup is the wall time outside runBuild (process start, module loading); export is the rest of runBuild\'s time (loading DuckDB and Arrow, opening the database, the Parquet/CSV/Arrow exports, closing the database, hashing the outputs into the manifest).', '');
    out.push(table(['N docs', 'paragraphs', 'MB', 'runs', 'wall s', 'startup s', ...GROUPS.map((g) => `${g} s`), 'peak RSS MB', 'no-change rebuild s'],
      res.sizes.map((s) => [
        fmtN(s.n), fmtN(s.paragraphs), s.mb.toFixed(1), s.runs, fmtS(s.cold.wallMs), fmtS(s.cold.startupMs),
        ...GROUPS.map((g) => fmtS(s.cold.groups[g])), s.cold.peakRssMB?.toFixed(0) ?? '–',
        `${fmtS(s.noChangeMs)}${s.noChangeAllFresh ? '' : ' (not all fresh)'}`,
      ])));
    out.push('', '**Throughput (paragraphs/s · MB/s of source text)**', '');
    out.push(table(['N docs', ...GROUPS, 'whole process'], res.sizes.map((s) => [
      fmtN(s.n),
      ...[...GROUPS.map((g) => s.cold.groups[g]), s.cold.wallMs].map((ms) => (ms > 0 ? `${fmtRate(s.paragraphs / (ms / 1000))} · ${fmtRate(s.mb / (ms / 1000))}` : '–')),
    ])));
    if (res.slopes) {
      const ns = res.sizes.map((s) => s.n);
      out.push('', `**Log-log slope of time against N** (least squares over N = ${ns.join(', ')}; last segment ${ns.slice(-2).join(' → ')})`, '');
      out.push(table(['series', 'slope, all N', 'slope, N ≥ 10', 'slope, last segment'],
        Object.entries(res.slopes).map(([k, v]) => [k, fmtSlope(v.all), fmtSlope(v.from10), fmtSlope(v.last)])));
      out.push('', 'A slope below 1 means fixed costs (process start, module loading, the charts) still weigh at that size; above 1, time grows faster than the corpus.');
    }
  }
  if (res.engines) {
    const e = res.engines;
    out.push('', `**Mechanism × theme coverage (distinct paragraphs per pair) from the evidence rows of the largest corpus: ${fmtN(e.rows)} rows, ${e.pairs} pairs**`, '');
    out.push(table(['rows', 'DuckDB SQL ms', 'TypeScript ms', 'danfojs ms', 'TypeScript / DuckDB', 'danfojs / DuckDB'], e.sizes.map((x) => [
      fmtN(x.rows), x.duckdbMs.toFixed(1), x.tsMs.toFixed(1), x.danfoMs === null ? '–' : x.danfoMs.toFixed(0),
      `${(x.tsMs / x.duckdbMs).toFixed(2)}×`, x.danfoMs === null ? '–' : `${fmtN(x.danfoMs / x.duckdbMs)}×`,
    ])));
    out.push('', `Compute times only (medians; danfojs one run). Reading the rows out of DuckDB into JS objects, which TypeScript and danfojs start from, took ${fmtN(e.toJsMs)} ms. ${e.danfo.note}. Results ${e.agree ? 'agree' : 'DIFFER'} across engines.`);
  }
  if (res.real) out.push(...realMarkdown(res.real));
  return out.join('\n');
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  try { if (lstatSync(join(ROOT, 'output')).isSymbolicLink() && RESULTS.startsWith(join(ROOT, 'output'))) log(`note: output/ is a published build; the next build to output/ will remove ${RESULTS}`); } catch { /* no output/ */ }
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}`;
  const res: Parameters<typeof markdown>[0] & { generated: string; options: object } = {
    generated: new Date().toISOString(), machine,
    options: { sizes: SIZES, repeat: REPEAT, repeatLarge: REPEAT_LARGE, seed: SEED, work: WORK },
  };
  if (!flag('skip-seed')) res.seed = await benchSeed();
  if (!flag('skip-corpus')) {
    const { sizes, entryNote } = await benchCorpus();
    res.sizes = sizes;
    res.entryNote = entryNote;
    const ns = sizes.map((s) => s.n);
    const series: [string, (s: SizeResult) => number][] = [
      ['whole process (wall)', (s) => s.cold.wallMs],
      ['in-process (wall − startup)', (s) => s.cold.wallMs - s.cold.startupMs],
      ['in-process without charts', (s) => s.cold.wallMs - s.cold.startupMs - s.cold.groups.charts],
      ...GROUPS.map((g) => [g, (s: SizeResult) => s.cold.groups[g]] as [string, (s: SizeResult) => number]),
    ];
    const from10 = sizes.filter((x) => x.n >= 10);
    res.slopes = Object.fromEntries(series.map(([name, f]) => [name, {
      all: logLogSlope(ns, sizes.map(f)),
      from10: from10.length >= 2 && from10.length < sizes.length ? logLogSlope(from10.map((x) => x.n), from10.map(f)) : null,
      last: ns.length >= 2 ? logLogSlope(ns.slice(-2), sizes.slice(-2).map(f)) : null,
    }]));
    const spec = scalingSpec(sizes);
    writeFileSync(join(RESULTS, 'scaling.vl.json'), JSON.stringify(spec, null, 2) + '\n');
    try {
      const { specToSvg } = await import('../pipelines/report/render.ts');
      const { svg } = await specToSvg(spec as never, 'scaling');
      writeFileSync(join(RESULTS, 'scaling.svg'), svg);
    } catch (e) {
      log(`no SVG: ${(e as Error).message.split('\n')[0]}`);
    }
    const largest = sizes[sizes.length - 1];
    if (largest && !flag('skip-engines')) {
      const db = join(largest.out, 'atlas.duckdb'); // out is a link to the published build
      log(`coverage three ways on the ${largest.n}-document build (${db})`);
      res.engines = await benchEngines(db);
    }
  }
  const enginesDb = opt('engines-db', '');
  if (enginesDb) res.engines = await benchEngines(resolve(enginesDb));
  if (!flag('skip-real')) res.real = await benchReal();
  writeFileSync(join(RESULTS, 'results.json'), JSON.stringify(res, null, 2) + '\n');
  const md = markdown(res);
  writeFileSync(join(RESULTS, 'results.md'), md + '\n');
  const charts = res.sizes?.length ? ', scaling.vl.json, scaling.svg' : '';
  process.stdout.write(`${md}\n\nWritten: ${join(RESULTS, 'results.json')}, results.md${charts}\n`);
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('bench/run.ts')) {
  await main();
}
