/**
 * Content hashes that decide whether a stage must run again (Observable's
 * loader cache, Kedro's incremental runs). A stage's key hashes:
 * - its code: the module declaring it and every project file that module
 *   imports, transitively, statically or with import() (core/import-graph.ts);
 * - the runner's code the same way (core/runner.ts and what it imports: the
 *   database, the checks, the exports, the catalog) and package-lock.json;
 * - its wiring: name, inputs, outputs, and files no import names (its SQL);
 * - the source files it reads, the parameters it declares (only those), and
 *   the keys of the stages it depends on.
 * Same key, same outputs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { AtlasError } from './errors.ts';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importGraph, closureOf } from './import-graph.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the runner starts: its closure is code every stage's result depends on. */
const RUNNER = fileURLToPath(new URL('./runner.ts', import.meta.url));
/** The installed packages, by exact version. */
const LOCKFILE = join(REPO_ROOT, 'package-lock.json');

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  const st = statSync(path); // follows links: a link to a file or a folder is read as that file or folder
  if (st.isDirectory()) return readdirSync(path).sort().flatMap((n) => filesUnder(join(path, n)));
  // reading a device or a pipe (a link to /dev/zero, a FIFO) would never end
  if (!st.isFile()) throw new AtlasError('not a regular file (a device, a pipe or a socket): the build reads only files and folders', { file: path });
  return [path];
}

/** Hash of the names and contents of every file under the given paths. */
export function hashPaths(paths: readonly string[], base = REPO_ROOT): string {
  const h = createHash('sha256');
  for (const p of paths) {
    const abs = p.startsWith('/') ? p : join(base, p);
    // names relative to the given path, so moving the project keeps its keys
    for (const f of filesUnder(abs)) {
      h.update(relative(abs, f)).update('\0').update(readFileSync(f)).update('\0');
    }
    h.update('\u0001');
  }
  return h.digest('hex');
}

export interface KeyedStage {
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  /** Absolute path of the module declaring the stage. */
  module: string;
  /** Absolute paths of files it depends on that no import names. */
  files: readonly string[];
  params: readonly string[];
  sources: readonly string[];
}

/** Hashes each code file once per key computation; names are repo-relative, so moving the project keeps its keys. */
function codeHasher(): (files: readonly string[]) => string {
  const fileHash = new Map<string, string>();
  const hashOf = (f: string) => {
    let h = fileHash.get(f);
    if (h === undefined) {
      h = existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : 'absent';
      fileHash.set(f, h);
    }
    return h;
  };
  return (files) => {
    const h = createHash('sha256');
    for (const f of [...new Set(files)].sort()) h.update(relative(REPO_ROOT, f)).update('\0').update(hashOf(f)).update('\n');
    return h.digest('hex');
  };
}

/** The project files a stage's result depends on through code: its module's import closure and its own files. */
export function stageCodeFiles(s: Pick<KeyedStage, 'module' | 'files'>, graph = importGraph([s.module])): string[] {
  return [...new Set([...closureOf(s.module, graph), ...s.files])].sort();
}

/** Key of every stage, in pipeline order. */
export function stageKeys(stages: readonly KeyedStage[], params: Readonly<Record<string, unknown>>): Map<string, string> {
  const graph = importGraph([RUNNER, ...stages.map((s) => s.module)]);
  const hashCode = codeHasher();
  const runner = hashCode([...closureOf(RUNNER, graph), LOCKFILE]);
  const producer = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const s of stages) {
    for (const p of s.params) if (!(p in params)) throw new Error(`stage ${s.name} declares parameter ${p}, which is not in pipelines/core/params.ts`);
    const upstream = [...new Set(s.inputs.map((i) => producer.get(i)).filter((p): p is string => !!p))].sort();
    const key = createHash('sha256').update(JSON.stringify({
      stage: s.name, inputs: s.inputs, outputs: s.outputs, runner,
      code: hashCode(stageCodeFiles(s, graph)), sources: hashPaths(s.sources),
      params: Object.fromEntries([...s.params].sort().map((p) => [p, params[p]])),
      upstream: upstream.map((u) => keys.get(u)),
    })).digest('hex');
    keys.set(s.name, key);
    for (const o of s.outputs) producer.set(o, s.name);
  }
  return keys;
}
