/**
 * Killing the build (SIGKILL) at random moments never leaves a broken output:
 * after every kill, output/ is a complete build whose files all match its
 * manifest (the previous build or the new one), and the next successful build
 * leaves no temporary folders behind.
 */
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, BUILD } from '../helpers/cli.ts';
import { sha256, listFiles } from '../../pipelines/core/io.ts';

const KILLS = 20;
const MAX_RUNS = 40;
// node with the tsx loader, which runs the build from its bundle in a child process (core/bundle.ts),
// in a process group of its own: the kill takes the group, as a terminal's or a CI job's kill does
const build = (out: string) => spawn(process.execPath, ['--import', 'tsx', BUILD, '--out', out, '--force'], { cwd: ROOT, stdio: 'ignore', detached: true });

/** Asserts that out is a complete build; returns its manifest's identity. */
function verifyComplete(out: string): string {
  const dir = realpathSync(out);
  const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(text) as { files: { path: string; sha256: string }[] };
  for (const f of manifest.files) expect(sha256(readFileSync(join(dir, f.path))), f.path).toBe(f.sha256);
  expect(listFiles(dir)).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
  return sha256(text);
}

/** A small deterministic generator, so a failing run can be repeated (seed printed). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('interrupted builds', () => {
  it(`leave the previous or the new complete output after each of at least ${KILLS} kills`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-kill-'));
    const out = join(root, 'output');
    const t0 = performance.now();
    expect(spawnSync(process.execPath, ['--import', 'tsx', BUILD, '--out', out], { cwd: ROOT }).status).toBe(0);
    const full = performance.now() - t0;
    const seen = new Set([verifyComplete(out)]);
    // ATLAS_KILL_SEED=<n> repeats a run
    const seed = Number(process.env.ATLAS_KILL_SEED ?? Date.now() % 100_000);
    const random = lcg(seed);
    // Kill times come from the builds observed in this run: the shortest completed build so far
    // (the warm-up one at first; later builds are faster, with the loader's caches warm), so the
    // kills land mid-build on any machine speed.
    let shortest = full;
    let completed = 0;
    let killed = 0;
    for (let runs = 0; killed < KILLS && runs < MAX_RUNS; runs++) {
      const child = build(out);
      const started = performance.now();
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const delay = 30 + random() * shortest * 0.95; // almost always mid-build
      const code = await Promise.race([exited, sleep(delay).then(() => 'timeout' as const)]);
      if (code === 'timeout') {
        process.kill(-child.pid!, 'SIGKILL'); await exited; killed++;
      } else {
        expect(code).toBe(0); completed++;
        shortest = Math.min(shortest, performance.now() - started);
      }
      seen.add(verifyComplete(out));
    }
    console.log(`kill test: seed ${seed} (ATLAS_KILL_SEED=${seed} repeats it), ${killed + completed} runs, ${killed} killed mid-build, `
      + `${completed} completed, ${seen.size} distinct complete outputs seen, warm-up build ${full.toFixed(0)} ms, shortest ${shortest.toFixed(0)} ms`);
    expect(killed).toBeGreaterThanOrEqual(KILLS);
    // the next successful build cleans up what killed builds left
    expect(spawnSync(process.execPath, ['--import', 'tsx', BUILD, '--out', out, '--force'], { cwd: ROOT }).status).toBe(0);
    verifyComplete(out);
    expect(readdirSync(join(root, '.output-builds'))).toHaveLength(1);
    expect(readdirSync(root).sort()).toEqual(['.output-builds', 'output']);
  }, 600_000);

  it('stop when the launcher alone is killed: the bundled build in its child process goes with it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-kill-launcher-'));
    const launcher = spawn(process.execPath, ['--import', 'tsx', BUILD, '--out', join(root, 'output'), '--force'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => launcher.on('exit', () => resolve()));
    // the build's process starts once the bundle is made (esbuild's own process may come first): wait for it
    const isBuild = (pid: string) => { try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('build-cli.mjs'); } catch { return false; } };
    let child: string | undefined;
    for (let i = 0; i < 200 && child === undefined; i++) {
      await sleep(50);
      child = readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8').trim().split(' ').find(isBuild);
    }
    expect(child, 'the launcher started no child').toBeDefined();
    launcher.kill('SIGKILL');
    await exited;
    const alive = () => { try { return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${child}/stat`, 'utf8')); } catch { return false; } };
    for (let i = 0; i < 40 && alive(); i++) await sleep(50);
    expect(alive(), 'the build went on without its launcher').toBe(false);
  }, 60_000);
});
