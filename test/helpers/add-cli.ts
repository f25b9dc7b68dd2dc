/** Run pipelines/add.ts as a real process, as an analyst would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, TSX, type CliResult } from './cli.ts';

export const ADD = join(ROOT, 'pipelines/add.ts');

export function runAddCli(args: string[]): CliResult {
  const r = spawnSync(TSX, [ADD, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
