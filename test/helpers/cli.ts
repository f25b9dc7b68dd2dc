/** Run the build CLI as a real process, as an analyst would. */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TSX = join(ROOT, 'node_modules/.bin/tsx');
export const BUILD = join(ROOT, 'pipelines/build.ts');

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Run a build; a process still running after `timeout` ms is killed (its code is then null). */
export function runBuildCli(args: string[], opts: { env?: Record<string, string>; tsxArgs?: string[]; timeout?: number } = {}): CliResult {
  const r = spawnSync(TSX, [...(opts.tsxArgs ?? []), BUILD, ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...opts.env }, timeout: opts.timeout ?? 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnBuildCli(args: string[]): ChildProcess {
  return spawn(TSX, [BUILD, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], detached: false });
}
