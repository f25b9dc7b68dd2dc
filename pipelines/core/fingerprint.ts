/**
 * Content hashes that decide whether a stage must run again (Observable's
 * loader cache, Kedro's incremental runs): a stage's key is the hash of its
 * own code, the shared code, the source files it reads, the parameters, and
 * the keys of the stages it depends on. Same key, same outputs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Code every stage depends on: the runner, the catalog, the side-effect library and the installed packages. */
export const SHARED_CODE = ['pipelines/core/runner.ts', 'pipelines/core', 'pipelines/catalog', 'pipelines/sql/macros.sql', 'package-lock.json'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((n) => filesUnder(join(path, n)));
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
  code: readonly string[];
  sources: readonly string[];
}

/** Key of every stage, in pipeline order. */
export function stageKeys(stages: readonly KeyedStage[], params: object): Map<string, string> {
  const shared = hashPaths(SHARED_CODE);
  const producer = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const s of stages) {
    const upstream = [...new Set(s.inputs.map((i) => producer.get(i)).filter((p): p is string => !!p))].sort();
    const key = createHash('sha256').update(JSON.stringify({
      stage: s.name, shared, code: hashPaths(s.code), sources: hashPaths(s.sources), params,
      upstream: upstream.map((u) => keys.get(u)),
    })).digest('hex');
    keys.set(s.name, key);
    for (const o of s.outputs) producer.set(o, s.name);
  }
  return keys;
}
