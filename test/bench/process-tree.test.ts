import { describe, expect, it } from 'vitest';
import { runMeasured, statusKB, treePids } from '../../bench/process-tree.ts';

const STATUS = 'Name:\tnode\nPid:\t42\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n';

describe('process tree memory', () => {
  it('reads kB fields of /proc/<pid>/status', () => {
    expect(statusKB(STATUS, 'VmRSS')).toBe(102400);
    expect(statusKB(STATUS, 'VmHWM')).toBe(204800);
    expect(statusKB('Name:\tkthreadd\n', 'VmRSS')).toBeNull();
    expect(statusKB('Rss:                1724 kB\nPss:                 234 kB\nPss_Dirty:           112 kB\n', 'Pss')).toBe(234);
  });

  it('walks a tree once per pid, even if a child is listed twice', () => {
    const children: Record<number, number[]> = { 1: [2, 3], 2: [4], 3: [4], 4: [] };
    expect(treePids(1, (p) => children[p] ?? []).sort()).toEqual([1, 2, 3, 4]);
  });

  it('counts a grandchild\'s memory: a node process holding 200 MB under a shell', async () => {
    const hold = `const b = Buffer.alloc(200e6, 1); setTimeout(() => console.error(b[0]), 400)`;
    const r = await runMeasured('/bin/sh', ['-c', `"${process.execPath}" -e '${hold}'; true`], { cwd: process.cwd(), pollMs: 10 });
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('1');
    expect(r.peakKB).toBeGreaterThan(200_000);
  });
});
