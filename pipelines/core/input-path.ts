/**
 * Paths read from a manifest or the registry name files inside that input's
 * folder, and nothing else: a shared seeds or data folder must not be able to
 * make the build read any file its author can name.
 */
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { AtlasError, type ErrorWhere } from './errors.ts';

/** Why `rel` may not be read from `folder`, or null when it is a plain relative path inside it. */
export function pathProblem(folder: string, rel: string): string | null {
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel) || rel.startsWith('\\') || rel.startsWith('~')) return `"${rel}" is an absolute path`;
  if (rel.includes('\0')) return `"${rel}" contains a NUL character`;
  if (rel.split(/[\\/]/).includes('..')) return `"${rel}" goes up a folder (..)`;
  const full = join(folder, rel);
  if (existsSync(full) && !isInside(realpathSync(folder), realpathSync(full))) {
    return `"${rel}" is a symbolic link that leads to ${realpathSync(full)}`;
  }
  return null;
}

/**
 * The full path of `rel` inside `folder`, or an AtlasError naming the entry
 * (`where`) when it could lead outside the folder.
 *
 * @example
 *   inputPath('seeds', 'A_HRC_14_32_en.txt', { file: 'seeds/manifest.yaml', record: 'document a', field: 'file' }); // 'seeds/A_HRC_14_32_en.txt'
 *   inputPath('seeds', '../secret.txt', where); // throws: "../secret.txt" goes up a folder (..), outside ...
 */
export function inputPath(folder: string, rel: string, where: ErrorWhere): string {
  const problem = pathProblem(folder, rel);
  if (problem) {
    throw new AtlasError(`${problem}, outside ${folder}; the build reads only files inside that folder`, {
      ...where,
      hint: where.hint ?? `copy the file into ${folder} and give its path relative to that folder, without .. or a leading /`,
    });
  }
  return join(folder, rel);
}

/** Whether `child` is `parent` or lies under it (both absolute, normalised). */
export function isInside(parent: string, child: string): boolean {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
}
