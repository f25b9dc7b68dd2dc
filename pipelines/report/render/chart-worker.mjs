/**
 * Entry of the chart thread (chart-thread.ts). The thread's own code is TypeScript: in a build it
 * comes from the build's bundle (core/bundle.ts, folder in ATLAS_BUNDLE), which holds vega and
 * vega-lite too. Outside a build the rendering packages are imported first, before any TypeScript
 * loader: through tsx's loader hooks, which see every module a package imports, they took about
 * 0.5 s of CPU to load, and 0.2 s without (the thread's code then finds them loaded); then, where
 * the thread can already load TypeScript (a TypeScript-aware loader in place), the thread's code
 * is imported as it is; else (under tsx, whose loader threads do not inherit, or under plain
 * node) tsx's loader is registered first. Plain .mjs, because it must load before any TypeScript
 * loader is in place.
 */
import { pathToFileURL } from 'node:url';

let thread;
const bundle = process.env.ATLAS_BUNDLE; // the build's bundle of the project's code (core/bundle.ts)
if (!bundle) await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
try {
  // the literal import of the source stays: the build's keys read the code a stage runs from it
  thread = bundle ? await import(`${pathToFileURL(bundle).href}/chart-thread-serve.mjs`) : await import('./chart-thread-serve.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  // a new URL: the failed import of the plain one is cached
  thread = await import('./chart-thread-serve.ts?worker');
}
thread.serve();
