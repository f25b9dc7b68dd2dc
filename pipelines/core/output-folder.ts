/**
 * What `--out` may be. Publishing replaces the output folder and prunes old
 * builds, so the build refuses, before any work, an output folder it could
 * destroy something in:
 *   - it must be a path that does not exist, a link into the kit's own builds
 *     folder, or a folder holding a manifest.json marked by the kit;
 *   - it may not be, contain or sit inside the seeds or data folder, nor be or
 *     contain the project folder (a new folder inside the project is fine).
 */
import { accessSync, constants, existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputFolderError } from './errors.ts';
import { GENERATOR, MANIFEST_FILE, hasKitManifest } from './build-mark.ts';
import { REPO_ROOT } from './fingerprint.ts';
import { isInside } from './input-path.ts';
import { buildsRoot } from './io.ts';

const HINT_ELSEWHERE = 'give --out a folder of its own: a new path (the build creates it), e.g. --out output (the default) or --out /tmp/atlas-out';

/**
 * Throw an OutputFolderError unless the build may publish to `out`.
 *
 * @example
 *   checkOutputFolder('output', { seeds: 'seeds', data: 'data' });   // fine
 *   checkOutputFolder('seeds', { seeds: 'seeds', data: 'data' });    // throws: --out …/seeds is the seeds folder (--seeds)
 */
export function checkOutputFolder(out: string, inputs: { seeds: string; data: string }, projectRoot = REPO_ROOT): void {
  const abs = resolve(out);
  checkPlace(abs, inputs, resolve(projectRoot));
  checkState(abs);
}

function checkPlace(abs: string, inputs: { seeds: string; data: string }, root: string): void {
  // the output's own name is kept (a link there is judged by checkState); its parents are resolved through links
  const at = join(realPath(dirname(abs)), basename(abs));
  const folders: [what: string, folder: string, noInside: boolean][] = [
    ['the project folder', realPath(root), false], // a new folder inside the project, like output/, is fine
    ['the seeds folder (--seeds)', realPath(resolve(inputs.seeds)), true],
    ['the data folder (--data)', realPath(resolve(inputs.data)), true],
  ];
  const problems: ((f: string, what: string, noInside: boolean) => string | null)[] = [
    (f, what) => (at === f ? `is ${what}` : null),
    (f, what) => (isInside(at, f) ? `contains ${what}, ${f}` : null),
    (f, what, noInside) => (noInside && isInside(f, at) ? `is inside ${what}, ${f}` : null),
  ];
  for (const problemOf of problems) {
    for (const [what, f, noInside] of folders) {
      const problem = problemOf(f, what, noInside);
      if (problem) {
        throw new OutputFolderError(`--out ${abs} ${problem}; publishing there would replace or mix with the build's inputs`, { hint: HINT_ELSEWHERE });
      }
    }
  }
}

function checkState(abs: string): void {
  let st;
  try {
    st = lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return checkCreatable(abs); // does not exist: the build creates it
    throw new OutputFolderError(`--out ${abs} cannot be used (${(e as Error).message})`, { hint: HINT_ELSEWHERE });
  }
  if (st.isSymbolicLink()) {
    const target = resolve(dirname(abs), readlinkSync(abs));
    if (dirname(target) === buildsRoot(abs)) return;
    throw new OutputFolderError(`--out ${abs} is a symbolic link to ${target}, not to a build of this kit in ${buildsRoot(abs)}`, {
      hint: `remove the link (rm ${abs}; what it points to stays) or give --out another path`,
    });
  }
  if (!st.isDirectory()) {
    throw new OutputFolderError(`--out ${abs} is a file, not an output folder`, { hint: `${HINT_ELSEWHERE}; the file is left as it is` });
  }
  if (hasKitManifest(abs)) return;
  const entries = readdirSync(abs).length;
  const olderKit = existsSync(join(abs, MANIFEST_FILE));
  const why = olderKit
    ? `its ${MANIFEST_FILE} does not carry "generator": "${GENERATOR.name}" (it may come from an older version of the kit)`
    : entries === 0 ? 'it is an empty folder the kit did not make' : `it holds ${entries} ${entries === 1 ? 'entry' : 'entries'} and no ${MANIFEST_FILE} written by this kit`;
  throw new OutputFolderError(`--out ${abs} is an existing folder this kit did not write: ${why}; a build replaces its output folder whole, so it refuses to publish there`, {
    hint: olderKit
      ? `if it is an old output of this kit, delete it yourself (rm -r ${abs}) and build again; otherwise ${HINT_ELSEWHERE}`
      : entries === 0 ? `remove the empty folder (rmdir ${abs}) and build again, or ${HINT_ELSEWHERE}` : `${HINT_ELSEWHERE}; nothing in ${abs} was touched`,
  });
}

/** The build makes `abs` and its builds folder in the nearest existing parent: it must be a folder it may write in. */
function checkCreatable(abs: string): void {
  let parent = dirname(abs);
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
  const problem = !statSync(parent).isDirectory() ? `${parent} is a file, not a folder`
    : !canWrite(parent) ? `this user may not write in ${parent}` : null;
  if (problem) throw new OutputFolderError(`--out ${abs} cannot be created: ${problem}`, { hint: HINT_ELSEWHERE });
}

function canWrite(dir: string): boolean {
  try { accessSync(dir, constants.W_OK); return true; } catch { return false; }
}

/** The real path of `p`, resolving links in its longest existing prefix (the rest may not exist yet). */
function realPath(p: string): string {
  if (existsSync(p)) return realpathSync(p);
  const parent = dirname(p);
  return parent === p ? p : join(realPath(parent), basename(p));
}
