/** The pipeline's wiring: every input is produced upstream, outputs are unique, every table is declared. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { PIPELINE } from '../pipelines/pipeline.ts';
import { SQL_MODELS } from '../pipelines/transform/sql-stages.ts';
import { CATALOG } from '../pipelines/catalog/index.ts';
import { listModels } from '../pipelines/core/sql-models.ts';
import { withCatalog } from '../pipelines/catalog/markdown.ts';

describe('pipeline', () => {
  it('runs every stage after the stages producing its inputs, with unique outputs', () => {
    const produced = new Set<string>();
    for (const s of PIPELINE) {
      for (const i of s.inputs) expect(produced.has(i), `${s.name} reads ${i} before it is produced`).toBe(true);
      for (const o of s.outputs) {
        expect(produced.has(o), `${o} is produced twice`).toBe(false);
        produced.add(o);
      }
    }
  });

  it('declares every table it produces in the catalog', () => {
    const declared = new Set(CATALOG.map((t) => t.name));
    for (const s of PIPELINE) for (const o of s.outputs) {
      if (!o.startsWith('files:')) expect(declared.has(o), `${o} is not in the catalog`).toBe(true);
    }
  });

  it('runs every SQL model on disk, each named after its table', () => {
    const onDisk = listModels().map((m) => `${m.layer}/${m.name}`).sort();
    expect(SQL_MODELS.map((m) => `${m.layer}/${m.name}`).sort()).toEqual(onDisk);
    for (const m of listModels()) expect(CATALOG.some((t) => t.name === m.name), `${m.name} has no catalog entry`).toBe(true);
  });

  it('keeps the README table list in step with the catalog', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme, 'run `npm run docs` to regenerate it').toBe(withCatalog(readme));
  });
});
