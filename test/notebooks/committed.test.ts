/**
 * The notebooks as committed: no outputs, no execution counts, in the format
 * scripts/strip-notebooks.ts writes, on the Deno kernel, reading the build
 * named by ATLAS_OUT rather than a path of their own.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  formatNotebook, notebookFiles, notebookProblems, readNotebook, sourceLines, stripNotebook, type Notebook,
} from '../../scripts/strip-notebooks.ts';

const files = notebookFiles();

it('finds the notebooks', () => {
  expect(files.map((f) => basename(f))).toEqual(expect.arrayContaining([
    '01-tour.ipynb', '02-coverage.ipynb', '03-gender-and-redress.ipynb', '04-data-gaps.ipynb', '05-country-lens.ipynb',
    '06-recommendations-and-non-response.ipynb',
  ]));
});

describe.each(files.map((f) => [basename(f), f] as const))('%s', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const nb = JSON.parse(text) as Notebook;
  const code = nb.cells.filter((c) => c.cell_type === 'code');
  const src = (c: Notebook['cells'][number]) => (Array.isArray(c.source) ? c.source.join('') : c.source);

  it('carries no outputs or execution counts', () => {
    expect(notebookProblems(nb)).toEqual([]);
    for (const c of code) {
      expect(c.outputs).toEqual([]);
      expect(c.execution_count).toBeNull();
    }
  });

  it('is in the committed format (npx tsx scripts/strip-notebooks.ts leaves it unchanged)', () => {
    expect(formatNotebook(stripNotebook(nb))).toBe(text);
  });

  it('is an nbformat 4.5 notebook for the Deno kernel with unique cell ids', () => {
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBeGreaterThanOrEqual(5);
    expect((nb.metadata.kernelspec as { name: string }).name).toBe('deno');
    const ids = nb.cells.map((c) => c.id);
    expect(ids.every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('opens the build named by ATLAS_OUT (openAtlas() without a path) through notebooks/lib', () => {
    const all = code.map(src).join('\n');
    expect(all).toMatch(/from '\.\/lib\/index\.ts'/);
    expect(all).toMatch(/await openAtlas\(\)/);
    expect(all).not.toMatch(/openAtlas\(\s*['"`]/);
    expect(all).not.toMatch(/\/(work|home|tmp|Users)\//);
  });

  it('starts with prose', () => {
    expect(nb.cells[0]!.cell_type).toBe('markdown');
    expect(src(nb.cells[0]!)).toMatch(/^# /);
  });
});

describe('strip-notebooks', () => {
  const executed: Notebook = {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' }, language_info: { name: 'typescript', version: '6.0.3' } },
    cells: [
      { cell_type: 'markdown', id: 'm', metadata: {}, source: sourceLines('# Title\n\ntext') },
      {
        cell_type: 'code', id: 'c', source: ['1 + 1'], execution_count: 3,
        metadata: { execution: { 'iopub.execute_input': '2026-01-01T00:00:00Z' }, tags: ['keep'] },
        outputs: [{ output_type: 'execute_result', data: { 'text/plain': '2' }, metadata: {}, execution_count: 3 }],
      },
    ],
  };

  it('removes outputs, execution counts, run metadata and the kernel version, keeping the rest', () => {
    expect(notebookProblems(executed)).toHaveLength(3);
    const s = stripNotebook(executed);
    expect(notebookProblems(s)).toEqual([]);
    expect(s.cells[1]).toEqual({ cell_type: 'code', id: 'c', source: ['1 + 1'], execution_count: null, metadata: { tags: ['keep'] }, outputs: [] });
    expect(s.metadata.language_info).toEqual({ name: 'typescript' });
    expect(s.cells[0]!.source).toEqual(['# Title\n', '\n', 'text']);
    expect(formatNotebook(stripNotebook(JSON.parse(formatNotebook(s)) as Notebook))).toBe(formatNotebook(s));
  });

  it('reads the committed notebooks', () => {
    for (const f of files) expect(readNotebook(f).cells.length).toBeGreaterThan(3);
  });
});
