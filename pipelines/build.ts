/**
 * Command line: `tsx pipelines/build.ts [--seeds DIR] [--data DIR] [--out DIR] [--force]`
 * (build-cli.ts reads the flags). It runs from a bundle of the pipeline's code under plain node,
 * made once per version of the code (core/bundle.ts): tsx's loader, which sees every module
 * loaded, cost a cold build about 2 s.
 */
import { runBundled } from './core/bundle.ts';

process.exitCode = await runBundled('build-cli', process.argv.slice(2));
