/**
 * Notebooks are committed without outputs: outputs hold paths, timings and
 * numbers of one particular build, and would go stale and bloat every diff.
 *
 *   npx tsx scripts/strip-notebooks.ts            strip notebooks/*.ipynb in place
 *   npx tsx scripts/strip-notebooks.ts --check    list notebooks that need it; exit 1 if any
 *   npx tsx scripts/strip-notebooks.ts a.ipynb    only these files
 *
 * Stripping empties every code cell's outputs, resets execution counts, drops
 * per-cell run metadata (execution timings, collapsed/scrolled state) and the
 * kernel version from language_info. The file is written the way Jupyter
 * writes it (keys sorted, one-space indent), so saving from Jupyter and
 * stripping again gives no diff.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: unknown[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

export const NOTEBOOK_DIR = resolve(fileURLToPath(new URL('../notebooks', import.meta.url)));

/** Cell metadata a run or a frontend adds, dropped on strip. */
const RUN_METADATA = ['execution', 'ExecuteTime', 'collapsed', 'scrolled', 'jupyter', 'vscode'];

/** The notebook without outputs or execution counts (a new object). */
export function stripNotebook(nb: Notebook): Notebook {
  const cells = nb.cells.map((c) => {
    const metadata = Object.fromEntries(Object.entries(c.metadata ?? {}).filter(([k]) => !RUN_METADATA.includes(k)));
    if (c.cell_type !== 'code') return { ...c, metadata };
    return { ...c, metadata, outputs: [], execution_count: null };
  });
  const metadata = { ...nb.metadata };
  if (metadata.language_info && typeof metadata.language_info === 'object') {
    const { version: _version, ...rest } = metadata.language_info as Record<string, unknown>;
    metadata.language_info = rest;
  }
  delete metadata.widgets;
  return { ...nb, cells, metadata };
}

/** What makes a notebook not committable: outputs, execution counts, run metadata. */
export function notebookProblems(nb: Notebook): string[] {
  const problems: string[] = [];
  nb.cells.forEach((c, i) => {
    const where = `cell ${i + 1}${c.id ? ` (${c.id})` : ''}`;
    if (c.cell_type === 'code') {
      if ((c.outputs ?? []).length > 0) problems.push(`${where} has ${c.outputs!.length} output(s)`);
      if (c.execution_count !== null && c.execution_count !== undefined) problems.push(`${where} has execution count ${c.execution_count}`);
    }
    const run = Object.keys(c.metadata ?? {}).filter((k) => RUN_METADATA.includes(k));
    if (run.length) problems.push(`${where} has run metadata ${run.join(', ')}`);
  });
  return problems;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** Serialise as Jupyter does (nbformat: sorted keys, indent 1, trailing newline). */
export function formatNotebook(nb: Notebook): string {
  return `${JSON.stringify(sortKeys(nb), null, 1)}\n`;
}

/** Source text → the list of lines (each keeping its "\n") that nbformat stores. */
export function sourceLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

export function notebookFiles(dir = NOTEBOOK_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort().map((f) => join(dir, f));
}

export function readNotebook(file: string): Notebook {
  return JSON.parse(readFileSync(file, 'utf8')) as Notebook;
}

function main(args: string[]): number {
  const check = args.includes('--check');
  const files = args.filter((a) => !a.startsWith('--'));
  const targets = files.length ? files.map((f) => resolve(f)) : notebookFiles();
  let dirty = 0;
  for (const file of targets) {
    const text = readFileSync(file, 'utf8');
    const stripped = formatNotebook(stripNotebook(JSON.parse(text) as Notebook));
    if (stripped === text) continue;
    dirty++;
    if (check) {
      const problems = notebookProblems(JSON.parse(text) as Notebook);
      console.error(`${file}: ${problems.length ? problems.join('; ') : 'not in the committed format (keys, indent)'}`);
    } else {
      writeFileSync(file, stripped);
      console.error(`stripped ${file}`);
    }
  }
  if (check && dirty) console.error(`${dirty} notebook(s) need stripping: npx tsx scripts/strip-notebooks.ts`);
  return check && dirty ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
