/**
 * What the kit makes once per machine and version and keeps under node_modules/.cache (the
 * bundle the build runs from, the subset fonts): each a folder named by a hash of what it is
 * made from, marked whole by a `done` file.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** node_modules/.cache/<name> of the project. */
export function cacheRoot(name: string): string {
  return join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules', '.cache', name);
}

/**
 * `dir`, made by `make` unless a whole one is there: made into a folder beside it, then renamed
 * into place, so a build running at the same time sees all of it or none. When two make it at
 * once, the first rename wins and the other's folder is removed.
 */
export async function madeOnce(dir: string, make: (into: string) => Promise<void>): Promise<string> {
  if (existsSync(join(dir, 'done'))) return dir;
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await make(tmp);
    writeFileSync(join(tmp, 'done'), '');
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'done'))) throw e;
  }
  return dir;
}
