/**
 * File I/O with the guarantees the pipeline promises: hashes, and an output
 * folder that is swapped into place whole. `output` is a symbolic link to a
 * complete build under `.output-builds/`; a new build is written beside it and
 * published by renaming a new link over the old one (rename(2) is atomic), so a
 * reader, a failed build or a killed build never sees a half-written folder.
 */
import { createHash } from 'node:crypto';
import { readFileSync, mkdirSync, writeFileSync, renameSync, rmSync, symlinkSync, lstatSync, readlinkSync, readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, basename, join, resolve, relative } from 'node:path';

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
  /** Make it the published output, then remove older builds. */
  publish(): void;
  /** Remove the unfinished build. */
  discard(): void;
}

function buildsRoot(out: string): string {
  const abs = resolve(out);
  return join(dirname(abs), `.${basename(abs)}-builds`);
}

/** Start a new build next to the published output folder `out`. */
export function startBuild(out: string, id = `${Date.now()}-${process.pid}`): BuildDir {
  const abs = resolve(out);
  const root = buildsRoot(abs);
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    publish() {
      const link = join(dirname(abs), `.${basename(abs)}-link-${id}`);
      symlinkSync(join(basename(root), id), link);
      if (isRealDir(abs)) renameSync(abs, join(root, `previous-${id}`)); // first build over a plain folder
      renameSync(link, abs);
      pruneBuilds(abs);
    },
    discard() { rmSync(dir, { recursive: true, force: true }); },
  };
}

function isRealDir(p: string): boolean {
  try { const s = lstatSync(p); return s.isDirectory() && !s.isSymbolicLink(); } catch { return false; }
}

/** The build folder the published output points to, if any. */
export function publishedBuild(out: string): string | null {
  const abs = resolve(out);
  try { return resolve(dirname(abs), readlinkSync(abs)); } catch { return existsSync(abs) ? abs : null; }
}

/** Remove every build folder and stray link except the published one. */
export function pruneBuilds(out: string): void {
  const abs = resolve(out);
  const root = buildsRoot(abs);
  const keep = publishedBuild(abs);
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    const p = join(root, name);
    if (p !== keep) rmSync(p, { recursive: true, force: true });
  }
  const prefix = `.${basename(abs)}-link-`;
  for (const name of readdirSync(dirname(abs))) {
    if (name.startsWith(prefix)) rmSync(join(dirname(abs), name), { force: true });
  }
}

/** Every file under dir, as sorted relative paths. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p)];
  });
}
