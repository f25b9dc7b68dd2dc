/**
 * What the benchmark reads from a build's own log (stderr of pipelines/build.ts):
 * one line per stage from pipelines/core/log.ts,
 *   [ran] resolve-mentions           mentions=287000 unresolved_acronyms=0   1275 ms
 *   [fresh] render-charts            files:charts                               0 ms
 * and the closing line of pipelines/build.ts,
 *   built /tmp/out: 51 tables, 183 files in 137.50 s
 */
import { median } from './stats.ts';

export interface StageLine { status: 'ran' | 'fresh'; name: string; ms: number }

export interface BuildLog {
  stages: StageLine[];
  /** runBuild's own time, from the "built … in X s" line (everything after the modules are loaded); null if absent. */
  inProcessMs: number | null;
}

const STAGE_LINE = /^\[(ran|fresh)\] (\S+)(?:\s.*?)?\s(\d+(?:\.\d+)?) ms$/;
const BUILT_LINE = /^built .* in ([\d.]+) s$/;

/**
 * The stage lines and the in-process time of one build's log.
 *
 * @example parseBuildLog('[ran] load-registry  mechanisms=31  188 ms\nbuilt out: 1 tables, 2 files in 0.30 s')
 *   // { stages: [{ status: 'ran', name: 'load-registry', ms: 188 }], inProcessMs: 300 }
 */
export function parseBuildLog(stderr: string): BuildLog {
  const stages: StageLine[] = [];
  let inProcessMs: number | null = null;
  for (const line of stderr.split('\n')) {
    const s = STAGE_LINE.exec(line.trimEnd());
    if (s) { stages.push({ status: s[1] as StageLine['status'], name: s[2]!, ms: Number(s[3]) }); continue; }
    const b = BUILT_LINE.exec(line.trimEnd());
    if (b) inProcessMs = Math.round(Number(b[1]) * 1000);
  }
  return { stages, inProcessMs };
}

/** Names of the stages that ran (were not fresh). */
export function stagesRan(log: BuildLog): string[] {
  return log.stages.filter((s) => s.status === 'ran').map((s) => s.name);
}

/**
 * Per stage, the median of its time over several builds of the same input (a
 * stage that was fresh in a build counts with the time it logged, about 0).
 * Stages keep the order of their first appearance, which is the pipeline's.
 */
export function medianStages(logs: readonly BuildLog[]): Map<string, number> {
  const times = new Map<string, number[]>();
  for (const l of logs) for (const s of l.stages) times.set(s.name, [...(times.get(s.name) ?? []), s.ms]);
  return new Map([...times].map(([name, ms]) => [name, median(ms)]));
}

/** Stage rows for the benchmark's table: one column per build, stages in pipeline order, blanks where a build did not log a stage. */
export function stageRows(columns: readonly Map<string, number>[]): { name: string; ms: (number | null)[] }[] {
  const names: string[] = [];
  for (const c of columns) for (const n of c.keys()) if (!names.includes(n)) names.push(n);
  return names.map((name) => ({ name, ms: columns.map((c) => c.get(name) ?? null) }));
}
