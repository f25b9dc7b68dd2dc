/**
 * The build cache re-runs what changed and nothing else. A small pipeline whose stages are
 * declared in files of a temporary folder: editing a file one stage imports re-runs that stage
 * and the stages downstream of it; editing the file declaring a stage re-runs it; a parameter
 * re-runs only the stages that declare it; a no-change rebuild runs nothing.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBuild } from '../../pipelines/core/runner.ts';
import { defineStage, type Stage } from '../../pipelines/core/stage.ts';
import { memoryLogger } from '../../pipelines/core/log.ts';
import { PARAMS, type Params } from '../../pipelines/core/params.ts';
import type { RowOfTable } from '../../pipelines/catalog/rows.ts';

const doc = (id: string): RowOfTable<'documents'> => ({
  doc_id: id, symbol: 'A/HRC/14/32', title: 'T', date: '2010-05-04', body: 'HRC', language: 'en',
  source_file: 'f.txt', sha256: 'x'.repeat(64), n_paragraphs: 1, pages: null, profile: null,
});

/**
 * Three stages, each declared (for the cache) by its own module in `dir`:
 * docs.ts imports shared.ts; headings.ts (reads documents) imports headings-helper.ts;
 * lazy.ts loads lazy-helper.ts with import() and imports types.ts for types only.
 */
function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-keys-'));
  const files: Record<string, string> = {
    'shared.ts': 'export const shared = 1;\n',
    'headings-helper.ts': 'export const level = 4;\n',
    'lazy-helper.ts': 'export const lazy = 1;\n',
    'types.ts': 'export interface T { a: number }\n',
    'docs.ts': "import { shared } from './shared.ts';\nexport const docs = shared;\n",
    'headings.ts': "import { level } from './headings-helper.ts';\nexport const headings = level;\n",
    'lazy.ts': "import type { T } from './types.ts';\nexport const load = () => import('./lazy-helper.ts');\n",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const seenParams: string[][] = [];
  const module = (name: string) => pathToFileURL(join(dir, name)).href;
  const stages: Stage[] = [
    defineStage({ name: 'docs', module: module('docs.ts'), inputs: [], outputs: ['documents'], run: () => ({ documents: [doc('a'), doc('b')] }) }),
    defineStage({
      name: 'headings', module: module('headings.ts'), inputs: ['documents'], outputs: ['headings'],
      run: (t) => ({
        headings: t.documents.map((d) => ({
          doc_id: d.doc_id, heading_id: 'h', level: 4, label: 'H', number: null, first_para: 1, last_para: 1, intro: null, line: 1, page: null,
        })),
      }),
    }),
    defineStage({
      name: 'lazy', module: module('lazy.ts'), inputs: [], outputs: ['files:lazy'], params: ['indicator_year'],
      run: async (_t, ctx) => { seenParams.push(Object.keys(ctx.params)); await ctx.write('lazy/year.txt', String(ctx.params.indicator_year)); return {}; },
    }),
  ];
  const out = join(mkdtempSync(join(tmpdir(), 'atlas-keys-out-')), 'output');
  const build = async (params: Params = { ...PARAMS }) => {
    const s = await runBuild(stages, { seedsDir: '.', dataDir: '.', outDir: out, log: memoryLogger(), params });
    return stages.map((x) => x.name).filter((n) => !s.fresh.includes(n));
  };
  return { dir, build, seenParams };
}

describe('stage keys', () => {
  it('a no-change rebuild runs no stage', async () => {
    const f = fixture();
    expect(await f.build()).toEqual(['docs', 'headings', 'lazy']);
    expect(await f.build()).toEqual([]);
  });

  it('editing a file a stage imports re-runs that stage and the stages that read its outputs', async () => {
    const f = fixture();
    await f.build();
    appendFileSync(join(f.dir, 'shared.ts'), 'export const more = 2;\n');
    expect(await f.build()).toEqual(['docs', 'headings']);
    appendFileSync(join(f.dir, 'headings-helper.ts'), '// a comment changes the code too\n');
    expect(await f.build()).toEqual(['headings']);
  });

  it('counts a dynamic import and not a type-only one', async () => {
    const f = fixture();
    await f.build();
    appendFileSync(join(f.dir, 'lazy-helper.ts'), 'export const more = 2;\n');
    expect(await f.build()).toEqual(['lazy']);
    appendFileSync(join(f.dir, 'types.ts'), 'export interface U { b: string }\n');
    expect(await f.build()).toEqual([]);
  });

  it('editing the file declaring a stage (its wiring) re-runs it', async () => {
    const f = fixture();
    await f.build();
    appendFileSync(join(f.dir, 'headings.ts'), 'export const wired = true;\n');
    expect(await f.build()).toEqual(['headings']);
  });

  it('a parameter re-runs only the stages that declare it, and they see only the parameters they declare', async () => {
    const f = fixture();
    await f.build();
    expect(await f.build({ ...PARAMS, few_mechanisms_max: PARAMS.few_mechanisms_max + 1 })).toEqual([]);
    expect(await f.build({ ...PARAMS, indicator_year: 2011 })).toEqual(['lazy']);
    expect(f.seenParams).toEqual([['indicator_year'], ['indicator_year']]);
  });
});
