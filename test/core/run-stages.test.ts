/**
 * The runner's scheduling: stages that do not depend on each other run at the same time, the
 * log stays in pipeline order, and a failure stops the build with the first failed stage's
 * error in pipeline order. Order is forced with promises, not timings.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild } from '../../pipelines/core/runner.ts';
import { memoryLogger } from '../../pipelines/core/log.ts';
import type { TsStage } from '../../pipelines/core/stage.ts';

function stage(name: string, inputs: string[], outputs: string[], run: TsStage['run']): TsStage {
  return { kind: 'ts', name, module: fileURLToPath(import.meta.url), files: [], params: [], inputs, outputs, sources: () => [], run };
}
const doc = (id: string) => ({
  doc_id: id, symbol: 'A/HRC/14/32', title: 'T', date: '2010-05-04', body: 'HRC', language: 'en',
  source_file: 'f.txt', sha256: 'x'.repeat(64), n_paragraphs: 1,
});
const opts = () => ({ seedsDir: '.', dataDir: '.', outDir: join(mkdtempSync(join(tmpdir(), 'atlas-sched-')), 'output'), log: memoryLogger() });

/** A promise and its resolve, to make one stage wait for another; gives up after a while so a wrong order fails rather than hangs. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<'fired'>((resolve) => { fire = () => resolve('fired'); });
  const waitFor = () => Promise.race([fired, new Promise<'gave up'>((r) => setTimeout(() => r('gave up'), 5000))]);
  return { fire, waitFor };
}

describe('runStages', () => {
  it('runs a later stage that does not need an earlier one\'s outputs while the earlier one runs; logs in pipeline order', async () => {
    const later = signal();
    let earlierSaw = '';
    const stages = [
      stage('slow-docs', [], ['documents'], async () => { earlierSaw = await later.waitFor(); return { documents: [doc('a')] }; }),
      stage('independent', [], ['files:x'], async (_i, ctx) => { later.fire(); await ctx.write('x/ok.txt', 'ok'); return {}; }),
    ];
    const o = opts();
    await runBuild(stages, o);
    expect(earlierSaw).toBe('fired');
    expect(o.log.lines[0]).toMatch(/^\[ran\] slow-docs\s+documents=1/);
    expect(o.log.lines[1]).toMatch(/^\[ran\] independent\s+files:x/);
  });

  it('throws the error of the first failed stage in pipeline order, and starts nothing after a failure', async () => {
    const second = signal();
    let ranDependent = false;
    const stages = [
      stage('first', [], ['documents'], async () => { await second.waitFor(); throw new Error('first failed'); }),
      stage('second', [], ['files:y'], () => { second.fire(); throw new Error('second failed'); }),
      stage('dependent', ['documents'], ['files:z'], () => { ranDependent = true; return {}; }),
    ];
    await expect(runBuild(stages, opts())).rejects.toThrow('first failed');
    expect(ranDependent).toBe(false);
  });

  it('starts a stage\'s warmUp as the build starts, before the stages before it finish, hands it to run, then closes it', async () => {
    const warmStarted = signal();
    const events: string[] = [];
    const warming: TsStage = {
      ...stage('report', ['documents'], ['files:r'], async (_i, ctx) => {
        events.push(`run saw ${(ctx.warm as { label?: string } | undefined)?.label}`);
        return {};
      }),
      warmUp: async () => {
        events.push('warm up');
        warmStarted.fire();
        return { label: 'warmed', close: async () => { events.push('closed'); } };
      },
    };
    const stages = [
      stage('docs', [], ['documents'], async () => { events.push(`docs saw ${await warmStarted.waitFor()}`); return { documents: [doc('a')] }; }),
      warming,
    ];
    await runBuild(stages, opts());
    expect(events).toEqual(['warm up', 'docs saw fired', 'run saw warmed', 'closed']);
  });

  it('closes what a warmUp started when the build fails before its stage runs; a failed warmUp fails its stage', async () => {
    let closed = 0;
    const warming = (name: string, inputs: string[], warm: () => Promise<{ close(): Promise<void> }>): TsStage =>
      ({ ...stage(name, inputs, [`files:${name}`], () => ({})), warmUp: warm });
    const neverRuns = warming('report', ['documents'], async () => ({ close: async () => { closed++; } }));
    await expect(runBuild([stage('docs', [], ['documents'], () => { throw new Error('docs failed'); }), neverRuns], opts()))
      .rejects.toThrow('docs failed');
    expect(closed).toBe(1);
    const failedStart = warming('printer', [], async () => { throw new Error('could not launch'); });
    await expect(runBuild([failedStart], opts())).rejects.toThrow('could not launch');
  });
});
