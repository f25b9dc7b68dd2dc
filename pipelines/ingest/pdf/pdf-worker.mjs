/**
 * Entry of a PDF worker thread (pdf-pool.ts). The task is TypeScript: in a
 * build it comes from the build's bundle (core/bundle.ts, folder in
 * ATLAS_BUNDLE); else, where the thread can already load it (a TypeScript-aware loader in place), it is
 * imported as it is; else (under tsx, whose loader threads do not inherit, or
 * under plain node) tsx's loader is registered first. Plain .mjs, because it
 * must load before any TypeScript loader is in place.
 */
import { pathToFileURL } from 'node:url';

let task;
const bundle = process.env.ATLAS_BUNDLE; // the build's bundle of the project's code (core/bundle.ts)
try {
  // the literal import of the source stays: the build's keys read the code a stage runs from it
  task = bundle ? await import(`${pathToFileURL(bundle).href}/read-pdf-task.mjs`) : await import('./read-pdf-task.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  // a new URL: the failed import of the plain one is cached
  task = await import('./read-pdf-task.ts?worker');
}
export default task.readPdfTask;
