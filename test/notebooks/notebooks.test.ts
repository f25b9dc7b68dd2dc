/**
 * Every notebook in notebooks/ is executed headless — nbconvert with the
 * project's Deno kernel — against a freshly built output folder, which the
 * notebooks find through ATLAS_OUT. A cell error fails the test with the cell's
 * source and error; each notebook must also show what it promises (tables,
 * charts as Vega-Lite with a PNG fallback, citations), and export to HTML with
 * nbconvert with every chart visible as a PNG. Executed copies go to a
 * temporary folder, never back into notebooks/.
 *
 * Set NOTEBOOK_TEST_KEEP=1 to keep the executed notebooks (the path is printed).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notebookFiles, readNotebook, type Notebook } from '../../scripts/strip-notebooks.ts';
import { VEGALITE_MIME, vegaLiteMime } from '../../notebooks/lib/charts.ts';
import { writeFixtureOutput } from './fixture.ts';

// ---------------------------------------------------------------------------
// SWITCH: which output folder the notebooks run against.
//
//   'fixture'  a small database written by ./fixture.ts (literal input rows, the
//              project's SQL models, two charts from the project's builders).
//              The default until `npx tsx pipelines/build.ts` runs end to end.
//   'build'    the real build: the folder test/global-setup.ts provides
//              (inject('outDir')) when vitest.config.ts lists it as globalSetup,
//              otherwise `tsx pipelines/build.ts --out <tmp>/output`, run here once.
//
// NOTEBOOK_TEST_OUTPUT=build (or =fixture) overrides it without editing this file.
const OUTPUT_SOURCE_DEFAULT: 'fixture' | 'build' = 'build';
// ---------------------------------------------------------------------------

const OUTPUT_SOURCE = (process.env.NOTEBOOK_TEST_OUTPUT ?? OUTPUT_SOURCE_DEFAULT) as 'fixture' | 'build';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const JUPYTER = process.env.JUPYTER ?? '/usr/bin/jupyter';
const CELL_TIMEOUT_S = 180;

/** What each notebook must show (at least). A notebook not listed must run and show one table. */
interface Expected { tables: number; charts: number; markdown: number }
const EXPECTED: Record<string, Expected> = {
  '01-tour': { tables: 9, charts: 1, markdown: 2 },
  '02-coverage': { tables: 4, charts: 4, markdown: 4 },
  '03-gender-and-redress': { tables: 8, charts: 2, markdown: 3 },
  '04-data-gaps': { tables: 4, charts: 2, markdown: 5 },
  '05-country-lens': { tables: 1, charts: 1, markdown: 1 },
  '06-recommendations-and-non-response': { tables: 7, charts: 2, markdown: 5 },
  '07-documents-citing-documents': { tables: 3, charts: 0, markdown: 0 }, // the seed cites no document of its corpus
};
const DEFAULT_EXPECTED: Expected = { tables: 1, charts: 0, markdown: 0 };

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

const joinText = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : t ?? '');
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

let tmp = '';
let outDir = '';
let executedDir = '';
let htmlDir = '';
let htmlRun: { code: number | null; stderr: string } | undefined;
const timings: string[] = [];
const runs = new Map<string, { code: number | null; stderr: string }>();
const notebooks = notebookFiles();

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, ms: performance.now() - t0 }));
  });
}

async function prepareOutput(): Promise<string> {
  const t0 = performance.now();
  let dir: string;
  if (OUTPUT_SOURCE === 'fixture') {
    dir = await writeFixtureOutput(join(tmp, 'output'));
  } else {
    const shared = inject('outDir') as string | undefined;
    if (shared) {
      dir = shared;
    } else {
      dir = join(tmp, 'output');
      const r = await run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'pipelines/build.ts'), '--out', dir], {});
      if (r.code !== 0) throw new Error(`the build failed (exit ${r.code}), so the notebooks cannot run:\n${r.stderr}`);
    }
  }
  timings.push(`output (${OUTPUT_SOURCE}): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}

beforeAll(async () => {
  const t0 = performance.now();
  const v = spawnSync(JUPYTER, ['nbconvert', '--version'], { encoding: 'utf8', env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } });
  if (v.status !== 0) {
    throw new Error(`${JUPYTER} nbconvert is not available; install it with:\n`
      + '  sudo apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel\n'
      + '(or run bash scripts/system-deps.sh as root)');
  }
  tmp = mkdtempSync(join(tmpdir(), 'atlas-notebooks-'));
  executedDir = join(tmp, 'executed');
  outDir = await prepareOutput();

  // Project-local kernelspec, written by the same script `npm run notebooks` uses.
  const reg = spawnSync('bash', [join(ROOT, 'scripts/register-kernel.sh'), '--dir', join(tmp, 'jupyter')], { cwd: ROOT, encoding: 'utf8' });
  if (reg.status !== 0) throw new Error(`scripts/register-kernel.sh failed:\n${reg.stderr}`);
  const env = {
    JUPYTER_PATH: join(tmp, 'jupyter'),
    ATLAS_OUT: outDir,
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
  };

  // One nbconvert per group of notebooks: a process costs seconds of start-up, and
  // each kernel keeps a CPU busy, so the groups follow the CPUs (one group on 2 CPUs).
  const nGroups = Math.max(1, Math.min(notebooks.length, Math.floor(availableParallelism() / 2)));
  const groups = Array.from({ length: nGroups }, (_, g) => notebooks.filter((_, i) => i % nGroups === g));
  await Promise.all(groups.filter((g) => g.length > 0).map(async (group) => {
    const r = await run(JUPYTER, [
      'nbconvert', '--to', 'notebook', '--execute', '--allow-errors',
      `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_S}`, '--ExecutePreprocessor.kernel_name=deno',
      '--output-dir', executedDir, ...group,
    ], env);
    for (const nb of group) runs.set(basename(nb, '.ipynb'), { code: r.code, stderr: r.stderr });
    timings.push(`nbconvert ${group.map((g) => basename(g, '.ipynb')).join(', ')}: ${(r.ms / 1000).toFixed(1)} s`);
  }));
  // The executed notebooks as nbconvert's HTML (what an analyst forwards): one process for all of them.
  htmlDir = join(tmp, 'html');
  const executed = notebooks.map((nb) => join(executedDir, basename(nb))).filter((f) => existsSync(f));
  const h = await run(JUPYTER, ['nbconvert', '--to', 'html', '--output-dir', htmlDir, ...executed], env);
  htmlRun = { code: h.code, stderr: h.stderr };
  timings.push(`nbconvert --to html: ${(h.ms / 1000).toFixed(1)} s`);
  timings.push(`total before the checks: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 900_000);

afterAll(() => {
  if (tmp) {
    const perNotebook = notebooks.map((nb) => {
      const name = basename(nb, '.ipynb');
      const file = join(executedDir, `${name}.ipynb`);
      return existsSync(file) ? `${name}: cells ${cellSeconds(readNotebook(file)).toFixed(1)} s` : `${name}: not executed`;
    });
    console.log(`notebook tests\n  ${[...timings, ...perNotebook].join('\n  ')}`);
    if (process.env.NOTEBOOK_TEST_KEEP) console.log(`executed notebooks kept in ${executedDir}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
});

/** Seconds spent executing cells, from nbclient's execution timestamps. */
function cellSeconds(nb: Notebook): number {
  let s = 0;
  for (const c of nb.cells) {
    const e = c.metadata.execution as Record<string, string> | undefined;
    if (e?.['iopub.execute_input'] && e['shell.execute_reply']) s += (Date.parse(e['shell.execute_reply']) - Date.parse(e['iopub.execute_input'])) / 1000;
  }
  return s;
}

function outputsOf(nb: Notebook): { cell: string; out: Output }[] {
  return nb.cells.flatMap((c, i) => (c.outputs ?? []).map((out) => ({ cell: c.id ?? `cell ${i + 1}`, out: out as Output })));
}

function cellErrors(nb: Notebook): string[] {
  return nb.cells.flatMap((c, i) => (c.outputs ?? []).map((o) => o as Output).filter((o) => o.output_type === 'error').map((o) => {
    const src = Array.isArray(c.source) ? c.source.join('') : c.source;
    return `cell ${i + 1} (${c.id}) failed: ${o.ename}: ${stripAnsi(o.evalue ?? '')}\n`
      + `--- source ---\n${src}\n--- traceback ---\n${stripAnsi((o.traceback ?? []).join('\n'))}`;
  }));
}

describe.each(notebooks.map((f) => [basename(f, '.ipynb'), f] as const))('notebook %s', (name) => {
  const executed = () => {
    const file = join(executedDir, `${name}.ipynb`);
    const r = runs.get(name);
    if (!existsSync(file)) {
      throw new Error(`nbconvert wrote no executed copy of ${name} (exit ${r?.code}):\n${stripAnsi(r?.stderr ?? '').slice(-4000)}`);
    }
    return readNotebook(file);
  };

  it('runs every cell without an error', () => {
    const nb = executed();
    const errors = cellErrors(nb);
    expect(errors, errors.join('\n\n')).toEqual([]);
    const unrun = nb.cells.filter((c) => c.cell_type === 'code' && c.execution_count == null);
    expect(unrun.map((c) => c.id), 'code cells that did not run').toEqual([]);
  });

  it('shows its tables, charts and citations', () => {
    const nb = executed();
    const outs = outputsOf(nb);
    const want = EXPECTED[name] ?? DEFAULT_EXPECTED;
    const data = outs.filter(({ out }) => out.data).map(({ cell, out }) => ({ cell, data: out.data!, metadata: out.metadata ?? {} }));

    const text = (d: Record<string, unknown>, mime: string) => joinText(d[mime] as string | string[] | undefined);
    const tables = data.filter(({ data: d }) => text(d, 'text/html').includes('<table') && text(d, 'text/plain').length > 0);
    expect(tables.length, `${name}: tables (text/html + text/plain)`).toBeGreaterThanOrEqual(want.tables);

    const charts = data.filter(({ data: d }) => Object.keys(d).some((k) => /^application\/vnd\.vegalite\.v\d+\+json$/.test(k)));
    expect(charts.length, `${name}: charts (${VEGALITE_MIME})`).toBeGreaterThanOrEqual(want.charts);
    for (const { cell, data: d, metadata } of charts) {
      const spec = d[VEGALITE_MIME] as Record<string, unknown>;
      expect(typeof spec, `${cell}: the Vega-Lite spec is JSON, under ${VEGALITE_MIME}`).toBe('object');
      expect(vegaLiteMime(spec), `${cell}: the MIME type is the version the spec's $schema names`).toBe(VEGALITE_MIME);
      expect(spec.data ?? spec.datasets, `${cell}: the spec carries its data`).toBeDefined();
      // no SVG: nbconvert would show it before the PNG, and its HTML sanitiser strips SVG to bare text
      expect(d['image/svg+xml'], `${cell}: no SVG in the bundle`).toBeUndefined();
      expect(Buffer.from(text(d, 'image/png'), 'base64').subarray(1, 4).toString(), `${cell}: PNG fallback`).toBe('PNG');
      expect((metadata['image/png'] as { width?: number } | undefined)?.width, `${cell}: PNG shown at its CSS size`).toBeGreaterThan(0);
    }

    const markdown = data.filter(({ data: d }) => text(d, 'text/markdown').length > 0);
    expect(markdown.length, `${name}: markdown outputs (citations)`).toBeGreaterThanOrEqual(want.markdown);
    if (want.markdown > 0) {
      expect(markdown.some(({ data: d }) => /A\/HRC\/14\/32, paras?\. \d+/.test(text(d, 'text/markdown'))),
        `${name}: a citation labelled "A/HRC/14/32, para. N"`).toBe(true);
    }

    // A cell that displays or prints must have kept an output: a lost output is
    // what the display flush in notebooks/lib/display.ts is there to prevent.
    const silent = nb.cells.filter((c) => c.cell_type === 'code' && (c.outputs ?? []).length === 0
      && /\b(show|showChart|showMarkdown|cite)\(|console\.log\(/.test(Array.isArray(c.source) ? c.source.join('') : c.source));
    expect(silent.map((c) => c.id), `${name}: cells that display something but kept no output`).toEqual([]);

    const vlWarnings = outs.filter(({ out }) => out.output_type === 'stream' && out.name === 'stderr' && /Vega-Lite warning/.test(joinText(out.text)));
    expect(vlWarnings.map(({ cell, out }) => `${cell}: ${joinText(out.text)}`), `${name}: charts without Vega-Lite warnings`).toEqual([]);
  });

  it('exports to HTML with nbconvert, every chart as a PNG', () => {
    const want = (EXPECTED[name] ?? DEFAULT_EXPECTED).charts;
    const file = join(htmlDir, `${name}.html`);
    expect(existsSync(file), `nbconvert --to html wrote no ${name}.html:\n${stripAnsi(htmlRun?.stderr ?? '').slice(-2000)}`).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html.match(/<img src="data:image\/png;base64,/g)?.length ?? 0, `${name}: charts as PNG in the HTML`).toBeGreaterThanOrEqual(want);
    expect(html, `${name}: no stripped SVG left (chart text without the drawing)`).not.toMatch(/data-mime-type="image\/svg\+xml"/);
  });

  it.runIf(name in EXPECTED)('reads the output folder it was given (ATLAS_OUT)', () => {
    // atlas.about(), displayed by the first cell, names the database read.
    const shown = outputsOf(executed()).map(({ out }) => joinText(out.data?.['text/markdown'] as string | string[] | undefined)).join('\n');
    expect(shown).toContain(join(outDir, 'atlas.duckdb'));
  });
});

it('leaves notebooks/ as it was: executed copies go elsewhere', () => {
  const files = readdirSync(join(ROOT, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort();
  expect(files).toEqual(notebooks.map((f) => basename(f)));
  expect(files.every((f) => !/nbconvert/.test(f))).toBe(true);
  for (const f of notebooks) {
    const nb = readNotebook(f);
    expect(nb.cells.every((c) => (c.outputs ?? []).length === 0), `${basename(f)} was not written to`).toBe(true);
  }
  expect(readFileSync(join(executedDir, `${basename(notebooks[0]!)}`), 'utf8').length).toBeGreaterThan(0);
});
