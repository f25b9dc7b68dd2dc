/**
 * The build runs from a bundle of the pipeline's own code (esbuild), under plain node, in a child
 * process. Under tsx every module a package imports goes through tsx's loader hooks, a message to
 * its loader thread each: a cold seed build spent about 2 s of its 12 s there, and 4 CPU-seconds
 * (vega, vega-lite, DuckDB, Arrow, pdf.js and the project's 200 modules).
 *
 * The bundle is made once per version of the code: its folder under node_modules/.cache is named
 * by a hash of every file under pipelines/, of esbuild's version and of package-lock.json, so a
 * change to any of them makes a new one. Packages stay outside (node resolves them from
 * node_modules as before) except the few bundled in (BUNDLED_PACKAGES). Each module's
 * `import.meta.url` is replaced by the URL of its source file, so whatever is found relative to a module (SQL files, the stages' fingerprints, the worker entries) is found
 * as when the sources run. Threads (the chart thread, the PDF pool) load their code from the
 * bundle too: their .mjs entries read the folder from ATLAS_BUNDLE.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { listFiles } from './io.ts';
import { cacheRoot, madeOnce } from './cache-dir.ts';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = join(ROOT, 'pipelines');
const CACHE = cacheRoot('mechanism-atlas-bundle');
/** Bundles kept (the newest): a build of an older version of the code may still be running. */
const KEEP = 3;

/** The bundle's entries: the command, and the modules threads load. Output name → source. */
export const BUNDLE_ENTRIES: Readonly<Record<string, string>> = {
  'build-cli': 'pipelines/build-cli.ts',
  'chart-thread-serve': 'pipelines/report/render/chart-thread-serve.ts',
  'read-pdf-task': 'pipelines/ingest/pdf/read-pdf-task.ts',
};

/**
 * Node's flags for the build. V8 optimizes a function once it has run for an interrupt budget
 * (67,584 bytecode units by default); a build runs most of its code once or a few times, and
 * TurboFan, optimizing it, took 15% of a cold seed build's CPU (3 of 21 CPU-seconds, by perf).
 * With a budget of 1,000,000, three alternating runs each without Chromium: wall 8.05 -> 7.15 s,
 * CPU 14.4 -> 12.1 s; 1,000 documents 67.7 -> 64.2 s (one run each). Hot loops are still optimized.
 */
// no --enable-source-maps: an internal error's stack is mapped when it is reported (core/source-maps.ts)
const NODE_FLAGS = ['--interrupt-budget=1000000'];

/**
 * Packages bundled with the project's code instead of loaded from node_modules: plain JavaScript
 * spread over many modules, which node finds, reads and links one by one. Importing apache-arrow
 * took 210-300 ms that way and 60 ms bundled; vega and vega-lite (the chart thread) 570-590 ms and
 * 200 ms; DuckDB's JavaScript API (124 CommonJS files) 230 ms against 50 ms for its native binding
 * alone. The other packages stay outside: native code (DuckDB's binding, resvg), WebAssembly or
 * worker files found beside their modules (parquet-wasm, pdf.js, subset-font), or loaded only by
 * the tests and notebooks.
 */
const BUNDLED_PACKAGES = ['apache-arrow', 'vega', 'vega-lite', '@duckdb/node-api', 'zod', 'yaml', 'docx', 'commander', 'minisearch', 'topojson-client'];

/** The environment variable naming the bundle's folder, for the threads' entries. */
export const BUNDLE_ENV = 'ATLAS_BUNDLE';

/** Run `entry` (a key of BUNDLE_ENTRIES) from the bundle with these arguments; resolves to its exit code. */
export async function runBundled(entry: string, args: readonly string[]): Promise<number> {
  let dir: string;
  try {
    dir = await ensureBundle();
  } catch (e) {
    // the bundle sits under node_modules so that node finds the packages beside it: it cannot go elsewhere
    process.stderr.write(`error: could not make the bundle the build runs from, in ${CACHE}: ${(e as Error).message}\n`
      + 'node_modules/.cache must be writable (npm ci makes it so); nothing was built and nothing was changed\n');
    return 2;
  }
  // a channel to the child, which it watches: if this process is killed, the build stops too (stopWithLauncher)
  const child = spawn(process.execPath, [...NODE_FLAGS, join(dir, `${entry}.mjs`), ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [BUNDLE_ENV]: dir },
  });
  const relay = (signal: NodeJS.Signals) => () => child.kill(signal);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, relay(s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

/**
 * In the bundled command: stop at once if the process that started it (runBundled) goes, even
 * killed with SIGKILL, as the build would have stopped with it when they were one process. The
 * build's output is replaced atomically, so a build stopped anywhere leaves the previous output.
 */
export function stopWithLauncher(): void {
  // not started by runBundled: no bundle named, or no channel at all (process.connected undefined)
  if (!process.env[BUNDLE_ENV] || process.connected === undefined) return;
  const stop = () => process.kill(process.pid, 'SIGKILL');
  // gone while this process was loading: the channel is closed already (and process.channel null)
  if (process.connected === false) stop();
  process.on('disconnect', stop);
  process.channel?.unref();
}

/** The folder of the bundle of the current code, made if there is none. */
export async function ensureBundle(): Promise<string> {
  const key = sourceKey(SOURCES, toolchainVersion(ROOT));
  const dir = join(CACHE, key);
  if (existsSync(join(dir, 'done'))) return dir;
  await madeOnce(dir, bundle);
  pruneOld(key);
  return dir;
}

/**
 * What the bundle depends on besides the sources: esbuild's version, and the lockfile, which names
 * the versions of the packages bundled in (BUNDLED_PACKAGES) and of theirs.
 */
export function toolchainVersion(root: string): string {
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')) as { version: string };
  return `esbuild ${version}, lockfile ${createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex')}`;
}

/** Hash of every file under `dir` (pipelines/: path and bytes) and of `toolchain` (toolchainVersion). */
export function sourceKey(dir: string, toolchain: string): string {
  const h = createHash('sha256').update(`${toolchain}\n`);
  for (const file of listFiles(dir)) h.update(`${file}\n`).update(readFileSync(join(dir, file))).update('\n');
  return h.digest('hex').slice(0, 16);
}

/**
 * CommonJS packages bundled in (yaml, commander, DuckDB's API) require node's modules and the
 * external packages, and ESM has no `require`: esbuild's shim uses one defined at the top of
 * each file. Spelled in pieces, as the sourceUrls plugin rewrites that expression in this file.
 */
const REQUIRE_BANNER = `import { createRequire as __atlasCreateRequire } from 'node:module'; const require = __atlasCreateRequire(${['import', 'meta', 'url'].join('.')});`;

async function bundle(outdir: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: BUNDLE_ENTRIES as Record<string, string>,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    banner: { js: REQUIRE_BANNER },
    logLevel: 'silent',
    plugins: [sourceUrls],
  });
}

/** Every package the project depends on but BUNDLED_PACKAGES (a package's subpaths go with it). */
function externalPackages(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !BUNDLED_PACKAGES.includes(name));
}

/** Each project module's import.meta.url, the URL of its source file (see the header). */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build: import('esbuild').PluginBuild) {
    build.onLoad({ filter: /\.(ts|mjs|js)$/ }, (a) => {
      if (!a.path.startsWith(SOURCES)) return undefined;
      const text = readFileSync(a.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href));
      return { contents: text, loader: a.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

function pruneOld(current: string): void {
  const dirs = readdirSync(CACHE).filter((d) => d !== current && !d.endsWith('.tmp'))
    .map((d) => ({ d, t: statSync(join(CACHE, d)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { d } of dirs.slice(KEEP - 1)) rmSync(join(CACHE, d), { recursive: true, force: true });
}
