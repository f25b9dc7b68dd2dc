/**
 * defineStage types a stage from the catalog: inputs arrive as catalog rows, declared outputs
 * must be returned, and only declared parameters can be read. The @ts-expect-error lines are
 * checked by `tsc` (part of `npm test`): each must be a type error, or tsc fails.
 */
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { defineStage } from '../../pipelines/core/stage.ts';

const module = import.meta.url;

// Not run: declarations that must not type-check.
export const refused = [
  // @ts-expect-error an input that is not a catalog table
  defineStage({ name: 'x', module, inputs: ['no_such_table'], outputs: [], run: () => ({}) }),
  // @ts-expect-error a declared output not returned
  defineStage({ name: 'x', module, inputs: [], outputs: ['documents'], run: () => ({}) }),
  // @ts-expect-error rows of the wrong shape for the output
  defineStage({ name: 'x', module, inputs: [], outputs: ['themes'], run: () => ({ themes: [{ theme_id: 1 }] }) }),
  defineStage({
    name: 'x', module, inputs: [], outputs: [], params: ['few_mechanisms_max'],
    // @ts-expect-error a parameter the stage does not declare
    run: (_t, ctx) => (ctx.params.indicator_year > 0 ? {} : {}),
  }),
  defineStage({
    name: 'x', module, inputs: ['documents'], outputs: [],
    // @ts-expect-error a column the input does not have
    run: (t) => (t.documents.map((d) => d.no_such_column) ? {} : {}),
  }),
];

describe('defineStage', () => {
  it('records the declaring file, the parameters and the sources for the build cache', () => {
    const s = defineStage({
      name: 'themes-again', module, inputs: ['themes'], outputs: ['files:x'], params: ['indicator_year'],
      sources: (d) => [d.dataDir], run: (t, ctx) => (t.themes.length + ctx.params.indicator_year > 0 ? {} : {}),
    });
    expect(s.module).toBe(fileURLToPath(import.meta.url));
    expect(s.params).toEqual(['indicator_year']);
    expect(s.sources({ seedsDir: 's', dataDir: 'd' })).toEqual(['d']);
    expect(s.kind).toBe('ts');
  });
});
