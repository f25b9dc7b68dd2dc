/**
 * The benchmark's results and their Markdown: the targets with PASS or MISS,
 * every build beside the floor as a ratio, and the cold builds stage by stage.
 */
import { medianStages, stageRows, stagesRan, type BuildLog } from './build-log.ts';
import type { ProcessRun } from './process-tree.ts';
import { ingestRatesMarkdown, type IngestRates } from './real-corpus.ts';
import { median, ratio } from './stats.ts';
import { CLAIMS_STAGES, verdicts, type Verdict } from './targets.ts';
import { fmtGB, fmtN, fmtS, table } from './format.ts';
import { enginesMarkdown, type EngineResults } from './coverage-engines.ts';
import type { ClaimsAlone } from './claims-alone.ts';
import type { ExportsAlone } from './exports-alone.ts';

/** One measured figure: a build (or the floor) run one or more times on the same input. */
export interface Figure {
  label: string;
  runs: number;
  /** Median wall time of the whole process. */
  wallMs: number;
  /** Median of runBuild's own time (the "built … in X s" line); null for the floor. */
  inProcessMs: number | null;
  /** The largest peak memory of the process tree over the runs: memory is a limit, not an average. */
  peakKB: number;
  /** Per stage, the median of its logged time. */
  stages: Map<string, number>;
  /** Stages that ran (were not fresh) in the last run. */
  ran: string[];
  /** Stage lines seen in the last run (0 means the log format was not recognised). */
  stageLines: number;
}

export function figure(label: string, runs: readonly ProcessRun[], logs: readonly BuildLog[]): Figure {
  const inProcess = logs.map((l) => l.inProcessMs).filter((x): x is number => x !== null);
  const last = logs[logs.length - 1];
  return {
    label, runs: runs.length,
    wallMs: median(runs.map((r) => r.wallMs)),
    inProcessMs: inProcess.length ? median(inProcess) : null,
    peakKB: Math.max(...runs.map((r) => r.peakKB)),
    stages: medianStages(logs),
    ran: last ? stagesRan(last) : [],
    stageLines: last?.stages.length ?? 0,
  };
}

export interface CorpusResult {
  n: number; paragraphs: number; mb: number; cold: Figure; noChange: Figure; out: string;
  /** The claims stages timed alone on this corpus's database (bench/claims-alone.ts), one entry a run. */
  claimsAlone?: ClaimsAlone[];
  /** Every table exported alone from this corpus's database (bench/exports-alone.ts). */
  exportsAlone?: ExportsAlone;
}

export interface RealResult { addMs: number; build: Figure; rates: IngestRates; paragraphs: number }

export interface Results {
  generated: string;
  machine: string;
  mode: 'quick' | 'full';
  floor: Figure;
  seed?: { cold: Figure; noChange: Figure };
  corpora: CorpusResult[];
  slope: { from: number; to: number; wall: number | null; inProcess: number | null } | null;
  real?: RealResult;
  engines?: EngineResults;
  targets: Verdict[];
}

function fmtValue(v: Verdict): string {
  if (v.value === null) return '–';
  if (v.unit === '× floor') return `${v.value.toFixed(1)}× floor`;
  return v.unit ? `${v.value.toFixed(2)} ${v.unit}` : v.value.toFixed(2);
}

function buildRow(f: Figure, floorMs: number): (string | number)[] {
  const inProc = f.inProcessMs;
  return [f.label, f.runs, fmtS(f.wallMs), `${ratio(f.wallMs, floorMs).toFixed(1)}×`, inProc === null ? '–' : fmtS(inProc),
    inProc === null ? '–' : fmtS(Math.max(0, f.wallMs - inProc)), fmtGB(f.peakKB), f.stageLines ? f.ran.length : '–'];
}

export function markdown(res: Results): string {
  const floorMs = res.floor.wallMs;
  const out: string[] = [];
  out.push(`Machine: ${res.machine}. ${res.mode === 'quick' ? 'Quick mode (seed and 100 documents). ' : ''}`
    + `Whole \`tsx pipelines/build.ts\` processes; times are medians of the runs; peak memory is the largest over the runs, of the whole process tree (1 GB = 10^6 kB). `
    + `The floor is \`tsx\` running an empty file, ${res.floor.runs} times in this same run: ${fmtS(floorMs)} s.`);
  out.push('', '**Targets (issue 15)**', '');
  out.push(table(['target', 'limit', 'measured', 'verdict'], res.targets.map((v) => [v.what, v.limit, fmtValue(v), v.verdict === 'not run' ? 'not run' : `**${v.verdict}**`]),
    ['l', 'r', 'r', 'l']));

  const figs: Figure[] = [res.floor];
  if (res.seed) figs.push(res.seed.cold, res.seed.noChange);
  for (const c of res.corpora) figs.push(c.cold, c.noChange);
  if (res.real) figs.push(res.real.build);
  out.push('', '**Builds**', '');
  out.push(table(['build', 'runs', 'wall s', '÷ floor', 'in-process s', 'startup s', 'peak GB', 'stages run'], figs.map((f) => buildRow(f, floorMs))));
  out.push('', 'In-process is runBuild\'s own time (its closing log line); startup is the rest of the wall time (process start, module loading, exit).');
  if (res.corpora.length) {
    out.push('', table(['documents', 'paragraphs', 'MB of text', 'cold wall s', 'MB/s (whole process)'], res.corpora.map((c) => [
      fmtN(c.n), fmtN(c.paragraphs), c.mb.toFixed(1), fmtS(c.cold.wallMs), (c.mb / (c.cold.wallMs / 1000)).toFixed(2)])));
  }
  for (const c of res.corpora) out.push(...claimsMarkdown(c), ...exportsMarkdown(c));
  if (res.slope) {
    const s = res.slope;
    out.push('', `Log-log slope of time against documents, ${fmtN(s.from)} → ${fmtN(s.to)}: wall ${s.wall?.toFixed(2) ?? '–'}, `
      + `in-process ${s.inProcess?.toFixed(2) ?? '–'} (target 0.9–1.1 for wall; below 1, fixed costs still weigh; above 1, time grows faster than the corpus).`);
  }

  // stage by stage: the cold builds side by side
  const cold: Figure[] = [...(res.seed ? [res.seed.cold] : []), ...res.corpora.map((c) => c.cold), ...(res.real ? [res.real.build] : [])];
  if (cold.length) {
    const rows = stageRows(cold.map((f) => f.stages));
    // stages run side by side (core/run-stages.ts): when their times add up to more than the build,
    // what lies outside them cannot be had by subtraction
    const rest = (f: Figure) => {
      if (f.inProcessMs === null) return null;
      const left = f.inProcessMs - [...f.stages.values()].reduce((a, b) => a + b, 0);
      return left < 0 ? null : left;
    };
    const cell = (ms: number | null) => (ms === null ? '–' : fmtN(ms));
    out.push('', '**Cold builds, stage by stage (ms, medians; from the `[ran] <stage> … <ms> ms` lines of the build log)**', '',
      'Stages whose inputs are ready run at the same time, so a stage\'s time includes waiting for the cores it shares; '
      + 'where the stages\' times add up to more than the build, the time outside them is shown as –.', '');
    out.push(table(['stage', ...cold.map((f) => f.label.replace(/, cold$/, ''))], [
      ...rows.map((r) => [`\`${r.name}\``, ...r.ms.map(cell)]),
      ['runBuild outside the stages (open, export, hash, publish)', ...cold.map((f) => cell(rest(f)))],
      ['outside runBuild (process start, module loading, exit)', ...cold.map((f) => cell(f.inProcessMs === null ? null : Math.max(0, f.wallMs - f.inProcessMs)))],
      ['**whole process (wall)**', ...cold.map((f) => `**${fmtN(f.wallMs)}**`)],
    ]));
  }
  if (res.real) {
    out.push('', `**The real corpus** (A/HRC/14/32 and the twelve UN PDFs of data/un-documents: ${fmtN(res.real.paragraphs)} paragraphs; pipelines/add.ts took ${fmtS(res.real.addMs)} s)`, '');
    out.push(...ingestRatesMarkdown(res.real.rates));
  }
  if (res.engines) out.push(...enginesMarkdown(res.engines));
  return out.join('\n');
}

/** Seconds the claims stages took in the build (sharing the cores with the stages beside them), or null when the log lacks one. */
function claimsInBuildSeconds(stages: ReadonlyMap<string, number>): number | null {
  const ms = CLAIMS_STAGES.map((name) => stages.get(name));
  return ms.every((x) => x !== undefined) ? ms.reduce((a, b) => a! + b!, 0)! / 1000 : null;
}

/** The claims stages alone: medians of each part over the runs. */
export function claimsAloneMedian(runs: readonly ClaimsAlone[]): ClaimsAlone {
  const m = (k: keyof ClaimsAlone) => median(runs.map((r) => r[k]));
  return { findMs: m('findMs'), writeMs: m('writeMs'), modelMs: m('modelMs'), totalMs: m('totalMs'), claims: m('claims'), exportCheckMs: m('exportCheckMs') };
}

/** The claims lines of the report: the stages alone (the target) and in the build. */
function claimsMarkdown(c: CorpusResult): string[] {
  if (!c.claimsAlone?.length) return [];
  const a = claimsAloneMedian(c.claimsAlone);
  const inBuild = claimsInBuildSeconds(c.cold.stages);
  return ['', `**Claims at ${fmtN(c.n)} documents** (${fmtN(a.claims)} claims; \`bench/claims-alone.ts\`, ${c.claimsAlone.length} runs, each a process of its own, medians): `
    + `finding them ${fmtN(a.findMs)} ms, writing and checking claim_spans ${fmtN(a.writeMs)} ms, the SQL model claims ${fmtN(a.modelMs)} ms; `
    + `**${fmtS(a.totalMs)} s** alone. Claims, an exported view, is checked on its Parquet file as it is exported: ${fmtN(a.exportCheckMs)} ms more, in the export. In the cold build, beside the stages that run at the same time, the two stages took ${inBuild === null ? '–' : fmtS(inBuild * 1000)} s.`];
}

/** The exports alone: the whole, and the tables that take longest. */
export function exportsMarkdown(c: CorpusResult): string[] {
  const e = c.exportsAlone;
  if (!e) return [];
  const longest = [...e.tables].sort((a, b) => b.wallMs - a.wallMs).slice(0, 6);
  return ['', `**Exports at ${fmtN(c.n)} documents, alone** (\`bench/exports-alone.ts\`: every table's Parquet, CSV and Arrow files, `
    + `as the build writes them, one table after another, nothing else running): **${fmtS(e.wallMs)} s**, CPU ${fmtS(e.userMs)} s user and `
    + `${fmtS(e.systemMs)} s system, ${fmtGB(e.bytes / 1000)} GB written. Longest: `
    + `${longest.map((t) => `${t.table} ${fmtS(t.wallMs)} s (${fmtGB(t.bytes / 1000)} GB)`).join(', ')}.`];
}

/** The values the targets are checked against. */

export function targetValues(res: Pick<Results, 'floor' | 'seed' | 'corpora' | 'slope'>): Parameters<typeof verdicts>[0] {
  const floorMs = res.floor.wallMs;
  const big = res.corpora.find((c) => c.n === 1000);
  return {
    'seed-cold': res.seed ? ratio(res.seed.cold.wallMs, floorMs) : null,
    'seed-no-change': res.seed ? ratio(res.seed.noChange.wallMs, floorMs) : null,
    'corpus-1000-wall': big ? big.cold.wallMs / 1000 : null,
    'corpus-1000-memory': big ? big.cold.peakKB / 1e6 : null,
    'slope-100-1000': res.slope && res.slope.from === 100 && res.slope.to === 1000 ? res.slope.wall : null,
    'claims-1000': big?.claimsAlone?.length ? claimsAloneMedian(big.claimsAlone).totalMs / 1000 : null,
  };
}
