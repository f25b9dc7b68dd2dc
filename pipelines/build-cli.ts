/**
 * The command line of `tsx pipelines/build.ts` (which runs this from the bundle, core/bundle.ts):
 * `[--seeds DIR] [--data DIR] [--out DIR] [--force]`.
 * Wires flags to the runner and turns errors into one clear message and an exit code.
 */
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runBuild } from './core/runner.ts';
import { PIPELINE } from './pipeline.ts';
import { AtlasError, OutputFolderError } from './core/errors.ts';
import { stopWithLauncher } from './core/bundle.ts';
import { mapStack } from './core/source-maps.ts';

const program = new Command()
  .name('tsx pipelines/build.ts')
  .description('Build the Mechanism Atlas tables, charts and briefing from the source report.')
  .option('--seeds <dir>', 'folder holding the source documents and their manifest.yaml', 'seeds')
  .option('--data <dir>', 'folder holding the curated registry and raw external data', 'data')
  .option('--out <dir>', 'output folder, replaced atomically when the build succeeds: a new path, or an output this kit built', 'output')
  .option('--force', 'run every stage, even those whose inputs and code have not changed', false)
  .showHelpAfterError();

async function main(): Promise<number> {
  const opts = program.parse().opts<{ seeds: string; data: string; out: string; force: boolean }>();
  const outcome = existsSync(resolve(opts.out))
    ? `the previous output in ${opts.out} was left unchanged`
    : `no output was written: there was no previous output in ${opts.out}, and the failed build left nothing behind`;
  try {
    const s = await runBuild(PIPELINE, { seedsDir: resolve(opts.seeds), dataDir: resolve(opts.data), outDir: resolve(opts.out), force: opts.force });
    process.stderr.write(`built ${opts.out}: ${Object.keys(s.tables).length} tables, ${s.files} files in ${(s.ms / 1000).toFixed(2)} s\n`);
    return 0;
  } catch (e) {
    if (e instanceof OutputFolderError) {
      process.stderr.write(`error: ${e.message}\nnothing was built and nothing was changed\n`);
      return 1;
    }
    if (e instanceof AtlasError) {
      process.stderr.write(`error: ${e.message}\n${outcome}\n`);
      return 1;
    }
    process.stderr.write(`internal error: ${mapStack((e as Error).stack ?? String(e))}\n${outcome}\n`);
    return 2;
  }
}

stopWithLauncher();
process.exitCode = await main();
