/**
 * File I/O with the guarantees the pipeline promises: hashes, and an output
 * folder that is swapped into place whole. `output` is a symbolic link to a
 * complete build under `.output-builds/`; a new build is written beside it and
 * published by renaming a new link over the old one (rename(2) is atomic), so a
 * reader, a failed build or a killed build never sees a half-written folder.
 * Only folders carrying the kit's mark (pipelines/core/build-mark.ts) are ever
 * moved or deleted.
 */
import { createHash } from 'node:crypto';
import { readFileSync, mkdirSync, writeFileSync, renameSync, rmSync, rmdirSync, symlinkSync, lstatSync, readlinkSync, readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, basename, join, resolve, relative } from 'node:path';
import { GENERATOR, BUILD_IN_PROGRESS, MANIFEST_FILE, hasKitMark } from './build-mark.ts';
import { isInside } from './input-path.ts';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** Write a file inside a build folder, creating parent folders. */
export function writeFileIn(root: string, rel: string, data: string | Uint8Array): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

export interface BuildDir {
  /** Folder the new build is written to. */
  dir: string;
  /** Make it the published output (its manifest written), then remove older builds. */
  publish(): void;
  /** Remove the unfinished build, and the folders made for it if they are left empty. */
  discard(): void;
}

/** The kit's builds folder beside the output folder `out`: `.<name>-builds`. */
export function buildsRoot(out: string): string {
  const abs = resolve(out);
  return join(dirname(abs), `.${basename(abs)}-builds`);
}

/**
 * Start a new build next to the published output folder `out`. The caller has
 * checked that `out` may be replaced (pipelines/core/output-folder.ts).
 */
export function startBuild(out: string, id = `${Date.now()}-${process.pid}`): BuildDir {
  const abs = resolve(out);
  const root = buildsRoot(abs);
  const dir = join(root, id);
  const created = mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, BUILD_IN_PROGRESS), `${JSON.stringify(GENERATOR)}\n`);
  return {
    dir,
    publish() {
      rmSync(join(dir, BUILD_IN_PROGRESS)); // the manifest is the mark from now on
      const link = join(dirname(abs), `.${basename(abs)}-link-${id}`);
      symlinkSync(join(basename(root), id), link);
      if (isRealDir(abs)) renameSync(abs, join(root, `previous-${id}`)); // a build of the kit published as a plain folder
      renameSync(link, abs);
      pruneBuilds(abs);
    },
    discard() {
      rmSync(dir, { recursive: true, force: true });
      if (created && created !== dir) removeEmptyFolders(dirname(dir), created);
    },
  };
}

/** rmdir from `from` up to and including `top`, stopping at the first folder that is not empty. */
function removeEmptyFolders(from: string, top: string): void {
  for (let d = from; isInside(top, d); d = dirname(d)) {
    try { rmdirSync(d); } catch { return; }
    if (d === top) return;
  }
}

function isRealDir(p: string): boolean {
  try { const s = lstatSync(p); return s.isDirectory() && !s.isSymbolicLink(); } catch { return false; }
}

/** The build folder the published output points to, if any. */
export function publishedBuild(out: string): string | null {
  const abs = resolve(out);
  try { return resolve(dirname(abs), readlinkSync(abs)); } catch { return existsSync(abs) ? abs : null; }
}

/**
 * Remove every build folder the kit wrote except the published one, and the
 * kit's stray publishing links. Folders without the kit's mark are left alone,
 * whatever their name; empty ones are removed (they hold nothing to lose).
 */
export function pruneBuilds(out: string): void {
  const abs = resolve(out);
  const root = buildsRoot(abs);
  const keep = publishedBuild(abs);
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    const p = join(root, name);
    if (p === keep) continue;
    if (hasKitMark(p)) removeMarkedBuild(p);
    else if (isRealDir(p)) { try { rmdirSync(p); } catch { /* not empty, not ours: keep it */ } }
  }
  const prefix = `.${basename(abs)}-link-`;
  for (const name of readdirSync(dirname(abs))) {
    const p = join(dirname(abs), name);
    if (name.startsWith(prefix) && isLinkInto(p, root)) rmSync(p, { force: true });
  }
}

/** Delete a marked build, its marks last, so that a kill halfway leaves a folder still marked as the kit's. */
function removeMarkedBuild(dir: string): void {
  const marks = [MANIFEST_FILE, BUILD_IN_PROGRESS];
  for (const name of readdirSync(dir)) if (!marks.includes(name)) rmSync(join(dir, name), { recursive: true, force: true });
  for (const name of marks) rmSync(join(dir, name), { force: true });
  rmdirSync(dir);
}

function isLinkInto(p: string, root: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink() && dirname(resolve(dirname(p), readlinkSync(p))) === root;
  } catch {
    return false;
  }
}

/** Every file under dir, as sorted relative paths. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p)];
  });
}
