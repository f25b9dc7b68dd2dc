/**
 * The benchmark (`npm run bench`): whole build processes (`tsx pipelines/build.ts`),
 * as an analyst runs them, each beside the floor measured in the same run.
 *
 * - The floor: tsx running an empty file (process start and the TypeScript
 *   loader), a few times before each part and at the end, so that a change in
 *   the machine's load during the run reaches the floor too; its median.
 * - The seed: cold builds (charts included) and no-change rebuilds, medians.
 * - Synthetic corpora (bench/make-corpus.ts) of 100 and 1,000 documents: cold
 *   builds (one run at 1,000) and a no-change rebuild; the log-log slope of wall
 *   time from 100 to 1,000 documents. On the 1,000-document database, the claims
 *   stages alone (bench/claims-alone.ts) and the exports alone (bench/exports-alone.ts).
 * - The real corpus (bench/real-corpus.ts): the seed and the twelve UN PDFs of
 *   data/un-documents, built once, cold, with PDF ingest in pages per second.
 * Every build is timed as a whole process (wall, peak memory of its process
 * tree), and stage by stage from its own log. The bundle the build runs from
 * (pipelines/core/bundle.ts) is made before the first build, as tsx's cache is
 * warm: it is made once per version of the code, not per build. The targets of
 * issue 15 are checked, each PASS or MISS.
 *
 * Writes output/bench/results.json and output/bench/results.md (the Markdown
 * the README carries) and prints the Markdown. Options:
 *   --quick             the seed and 100 documents only, fewer runs (for development)
 *   --n 100,1000        corpus sizes                 --repeat 5       seed runs (median)
 *   --repeat-corpus 3   runs for N < 1000            --floor-runs 3   floor runs before each part and at the end
 *   --seed 1            corpus seed                  --work DIR       corpora and builds (default $TMPDIR/atlas-bench)
 *   --claims-runs 3     runs of the claims stages alone at 1,000 documents (bench/claims-alone.ts)
 *   --results DIR       results folder (default output/bench)
 *   --skip-seed, --skip-corpus, --skip-real
 *   --engines           also compare coverage in DuckDB, danfojs and TypeScript on the largest corpus (slow)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, lstatSync } from 'node:fs';
import { promisify } from 'node:util';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { makeCorpus, ROOT } from './make-corpus.ts';
import { addRealCorpus, ingestRates, parseIngestLog } from './real-corpus.ts';
import { parseBuildLog, stagesRan, type BuildLog } from './build-log.ts';
import { runMeasured, type ProcessRun } from './process-tree.ts';
import { logLogSlope } from './stats.ts';
import { verdicts } from './targets.ts';
import { fmtGB, fmtN, fmtS } from './format.ts';
import { benchEngines } from './coverage-engines.ts';
import type { ClaimsAlone } from './claims-alone.ts';
import type { ExportsAlone } from './exports-alone.ts';
import { figure, markdown, targetValues, type CorpusResult, type Figure, type RealResult, type Results } from './report.ts';
import { ensureBundle } from '../pipelines/core/bundle.ts';

// ---------------------------------------------------------------- options

function opt(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : dflt;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const QUICK = flag('quick');
const SIZES = opt('n', QUICK ? '100' : '100,1000').split(',').map(Number).filter((n) => n > 0);
const REPEAT = Number(opt('repeat', QUICK ? '3' : '5'));
const REPEAT_CORPUS = Number(opt('repeat-corpus', QUICK ? '1' : '3'));
const FLOOR_RUNS = Number(opt('floor-runs', '3'));
const CLAIMS_RUNS = Number(opt('claims-runs', '3'));
const SEED = Number(opt('seed', '1'));
const WORK = resolve(opt('work', join(tmpdir(), 'atlas-bench')));
const RESULTS = resolve(opt('results', join(ROOT, 'output', 'bench')));

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const BUILD = join(ROOT, 'pipelines', 'build.ts');

const log = (m: string) => process.stderr.write(`${m}\n`);
const execFileAsync = promisify(execFile);

// ---------------------------------------------------------------- one build, measured

function failed(what: string, r: ProcessRun): never {
  throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr.split('\n').slice(-12).join('\n')}`);
}

/** Run the build `times` times; `out` gives each run's output folder (a fresh one makes a cold build). */
async function measureBuild(label: string, times: number, args: (run: number) => string[]): Promise<{ fig: Figure; last: ProcessRun }> {
  const runs: ProcessRun[] = [];
  const logs: BuildLog[] = [];
  for (let r = 0; r < times; r++) {
    const run = await runMeasured(TSX, [BUILD, ...args(r)], { cwd: ROOT });
    if (run.code !== 0) failed(label, run);
    runs.push(run);
    logs.push(parseBuildLog(run.stderr));
    log(`${label} ${r + 1}/${times}: ${fmtS(run.wallMs)} s, peak ${fmtGB(run.peakKB)} GB, ${stagesRan(logs[r]!).length} stages ran`);
  }
  return { fig: figure(label, runs, logs), last: runs[runs.length - 1]! };
}

/** An empty output folder: a build into it is cold. The same name each run, so only the last build stays on disk. */
function freshOut(name: string): string {
  const dir = join(WORK, 'builds', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return join(dir, 'out');
}

// ---------------------------------------------------------------- the floor

/** tsx running an empty file: what any build costs before it does anything. */
async function measureFloor(times: number): Promise<ProcessRun[]> {
  const empty = join(WORK, 'empty.ts');
  writeFileSync(empty, '');
  const runs: ProcessRun[] = [];
  for (let r = 0; r < times; r++) {
    const run = await runMeasured(TSX, [empty], { cwd: ROOT });
    if (run.code !== 0) failed('tsx on an empty file', run);
    runs.push(run);
  }
  log(`floor: ${runs.map((r) => fmtS(r.wallMs)).join(', ')} s`);
  return runs;
}

/** The claims stages alone on a built database (bench/claims-alone.ts), `times` processes one after another. */
async function measureClaimsAlone(dbFile: string, times: number): Promise<ClaimsAlone[]> {
  const runs: ClaimsAlone[] = [];
  for (let r = 0; r < times; r++) {
    const { stdout } = await execFileAsync(TSX, [join(ROOT, 'bench', 'claims-alone.ts'), dbFile], { cwd: ROOT });
    runs.push(JSON.parse(stdout) as ClaimsAlone);
    log(`claims alone ${r + 1}/${times}: ${fmtS(runs[r]!.totalMs)} s`);
  }
  return runs;
}

/** Every table exported alone from a built database (bench/exports-alone.ts), in a process of its own. */
async function measureExportsAlone(dbFile: string): Promise<ExportsAlone> {
  const { stdout } = await execFileAsync(TSX, [join(ROOT, 'bench', 'exports-alone.ts'), dbFile], { cwd: ROOT, maxBuffer: 1 << 24 });
  const run = JSON.parse(stdout) as ExportsAlone;
  log(`exports alone: ${fmtS(run.wallMs)} s, CPU ${fmtS(run.userMs + run.systemMs)} s`);
  return run;
}

// ---------------------------------------------------------------- the parts

async function benchSeed(): Promise<{ cold: Figure; noChange: Figure }> {
  const seeds = join(ROOT, 'seeds');
  let out = '';
  const { fig: cold } = await measureBuild('seed, cold', REPEAT, () => ['--seeds', seeds, '--out', (out = freshOut('seed'))]);
  const { fig: noChange } = await measureBuild('seed, no change', REPEAT, () => ['--seeds', seeds, '--out', out]);
  if (noChange.ran.length) log(`warning: the no-change rebuild of the seed ran ${noChange.ran.join(', ')}`);
  return { cold, noChange };
}

async function benchCorpus(n: number): Promise<CorpusResult> {
  const t0 = performance.now();
  const c = makeCorpus({ n, dir: join(WORK, `corpus-${n}`), seed: SEED });
  log(`corpus N=${n}: ${fmtN(c.paragraphs)} paragraphs, ${(c.bytes / 1e6).toFixed(1)} MB (${c.reused ? 'reused' : `made in ${fmtS(performance.now() - t0)} s`})`);
  const times = n >= 1000 ? 1 : REPEAT_CORPUS;
  let out = '';
  const { fig: cold } = await measureBuild(`${fmtN(n)} documents, cold`, times, () => ['--seeds', c.dir, '--out', (out = freshOut(`corpus-${n}`))]);
  const { fig: noChange } = await measureBuild(`${fmtN(n)} documents, no change`, 1, () => ['--seeds', c.dir, '--out', out]);
  const claimsAlone = n === 1000 ? await measureClaimsAlone(join(out, 'atlas.duckdb'), CLAIMS_RUNS) : undefined;
  const exportsAlone = n === 1000 ? await measureExportsAlone(join(out, 'atlas.duckdb')) : undefined;
  return { n, paragraphs: c.paragraphs, mb: c.bytes / 1e6, cold, noChange, out, ...(claimsAlone ? { claimsAlone } : {}), ...(exportsAlone ? { exportsAlone } : {}) };
}

async function benchReal(): Promise<RealResult> {
  log('real corpus: pipelines/add.ts on the seed and data/un-documents/*.pdf');
  const { seeds, addMs, bytes } = addRealCorpus(WORK);
  const { fig, last } = await measureBuild('real corpus, cold', 1, () => ['--seeds', seeds, '--out', freshOut('real-corpus')]);
  const lines = parseIngestLog(last.stderr);
  if (lines.length !== 13) throw new Error(`expected 13 documents in the ingest log of the real corpus, found ${lines.length}`);
  return { addMs, build: fig, rates: ingestRates(lines, bytes), paragraphs: lines.reduce((n, l) => n + l.paragraphs, 0) };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  try {
    if (lstatSync(join(ROOT, 'output')).isSymbolicLink() && RESULTS.startsWith(join(ROOT, 'output'))) {
      log(`note: output/ is a published build; the next build to output/ will remove ${RESULTS}`);
    }
  } catch { /* no output/ */ }
  await ensureBundle();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}`;

  const floorRuns: ProcessRun[] = [];
  /** Floor runs beside each part: the machine's load may change while the builds run. */
  const beside = async <T>(part: () => Promise<T>): Promise<T> => {
    floorRuns.push(...await measureFloor(FLOOR_RUNS));
    return part();
  };
  const seed = flag('skip-seed') ? undefined : await beside(benchSeed);
  const corpora: CorpusResult[] = [];
  if (!flag('skip-corpus')) for (const n of SIZES) corpora.push(await beside(() => benchCorpus(n)));
  const real = flag('skip-real') || QUICK ? undefined : await beside(benchReal);
  floorRuns.push(...await measureFloor(FLOOR_RUNS));
  const floor = figure('floor: tsx running an empty file', floorRuns, []);

  const [a, b] = corpora.slice(-2);
  const slope = a && b ? {
    from: a.n, to: b.n,
    wall: logLogSlope([a.n, b.n], [a.cold.wallMs, b.cold.wallMs]),
    inProcess: a.cold.inProcessMs !== null && b.cold.inProcessMs !== null ? logLogSlope([a.n, b.n], [a.cold.inProcessMs, b.cold.inProcessMs]) : null,
  } : null;
  const engines = flag('engines') && corpora.length ? await benchEngines(join(corpora[corpora.length - 1]!.out, 'atlas.duckdb')) : undefined;

  const partial = { floor, seed, corpora, slope };
  const res: Results = {
    generated: new Date().toISOString(), machine, mode: QUICK ? 'quick' : 'full', ...partial, real, engines,
    targets: verdicts(targetValues(partial)),
  };
  // Maps as objects in the JSON
  writeFileSync(join(RESULTS, 'results.json'), JSON.stringify(res, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v), 2) + '\n');
  const md = markdown(res);
  writeFileSync(join(RESULTS, 'results.md'), md + '\n');
  process.stdout.write(`${md}\n\nWritten: ${join(RESULTS, 'results.json')}, ${join(RESULTS, 'results.md')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('bench/run.ts')) {
  await main();
}
