/**
 * How the kit recognises the folders it wrote, so that it replaces or deletes
 * nothing else. A finished build carries `generator` in its manifest.json; a
 * build being written carries the file BUILD_IN_PROGRESS until its manifest
 * exists (a killed build is then still recognisable, and pruned later).
 */
import { lstatSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The field every output manifest.json carries. */
export const GENERATOR = { name: 'mechanism-atlas', format: 1 } as const;

export const MANIFEST_FILE = 'manifest.json';

/** Present in a build folder from its creation until its manifest is written. */
export const BUILD_IN_PROGRESS = '.mechanism-atlas-build-in-progress';

/** Whether `dir` holds a manifest.json written by this kit (any format version). */
export function hasKitManifest(dir: string): boolean {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { generator?: { name?: unknown; format?: unknown } };
    return m.generator?.name === GENERATOR.name && Number.isInteger(m.generator.format);
  } catch {
    return false;
  }
}

/**
 * Whether `dir` is a real folder (not a link) that the kit wrote: a finished
 * build with the kit's manifest, or an unfinished one with its in-progress mark.
 */
export function hasKitMark(dir: string): boolean {
  try {
    if (!lstatSync(dir).isDirectory()) return false;
  } catch {
    return false;
  }
  return hasKitManifest(dir) || existsSync(join(dir, BUILD_IN_PROGRESS));
}
