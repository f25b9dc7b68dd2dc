/**
 * Run a process and measure it whole: wall time and the peak resident memory of
 * its process tree (tsx starts node as a child; a build may start more, such as
 * Chromium for the briefing PDF). /usr/bin/time reports the largest single
 * process, not the tree, so /proc is polled instead: at every poll the tree's
 * proportional set size (Pss of /proc/<pid>/smaps_rollup: each shared page
 * divided among the processes sharing it, so Chromium's processes are not
 * counted several times over) is summed, and each process's own high-water mark
 * (VmHWM, exact even between polls) is kept; the peak is the larger of the two.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** A "Name:   123 kB" field of /proc/<pid>/status or /proc/<pid>/smaps_rollup, in kB; null when absent. */
export function statusKB(status: string, field: 'VmRSS' | 'VmHWM' | 'Pss'): number | null {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return m ? Number(m[1]) : null;
}

/** Every pid of the tree under root (root included), given each pid's children. */
export function treePids(root: number, childrenOf: (pid: number) => readonly number[]): number[] {
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    stack.push(...childrenOf(pid));
  }
  return [...seen];
}

function read(path: string): string | null {
  try { return readFileSync(path, 'utf8'); } catch { return null; } // the process has just exited
}

/** Children of every thread of a process (a child belongs to the thread that forked it). */
function procChildren(pid: number): number[] {
  let tasks: string[];
  try { tasks = readdirSync(`/proc/${pid}/task`); } catch { return []; }
  return tasks.flatMap((t) => (read(`/proc/${pid}/task/${t}/children`) ?? '').split(' ').filter(Boolean).map(Number));
}

/** Follows a process tree's memory while it runs. */
export class TreeMemory {
  private peakSumKB = 0;
  private readonly hwm = new Map<number, number>();
  constructor(private readonly root: number) {}

  poll(): void {
    let sum = 0;
    for (const pid of treePids(this.root, procChildren)) {
      const st = read(`/proc/${pid}/status`);
      if (st === null) continue;
      this.hwm.set(pid, Math.max(this.hwm.get(pid) ?? 0, statusKB(st, 'VmHWM') ?? 0));
      const rollup = read(`/proc/${pid}/smaps_rollup`);
      sum += (rollup === null ? null : statusKB(rollup, 'Pss')) ?? statusKB(st, 'VmRSS') ?? 0;
    }
    this.peakSumKB = Math.max(this.peakSumKB, sum);
  }

  /** Peak resident memory of the tree in kB (0 when nothing was seen). */
  peakKB(): number {
    return Math.max(this.peakSumKB, ...this.hwm.values(), 0);
  }
}

export interface ProcessRun {
  code: number | null;
  wallMs: number;
  /** Peak resident memory of the process tree, kB (1 GB = 10^6 kB in the benchmark's tables). */
  peakKB: number;
  stderr: string;
}

/** Run a command to its end, polling its tree's memory every pollMs. */
export function runMeasured(cmd: string, args: readonly string[], opts: { cwd: string; pollMs?: number }): Promise<ProcessRun> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    if (child.pid === undefined) { fail(new Error(`could not start ${cmd}`)); return; }
    const mem = new TreeMemory(child.pid);
    const timer = setInterval(() => mem.poll(), opts.pollMs ?? 100);
    mem.poll();
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', (e) => { clearInterval(timer); fail(new Error(`${cmd}: ${e.message}`)); });
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      clearInterval(timer);
      done({ code, wallMs, peakKB: mem.peakKB(), stderr });
    });
  });
}
