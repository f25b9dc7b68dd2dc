import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATALOG } from '../../pipelines/catalog/index.ts';
import { MACROS_FILE, MACRO_INPUTS, modelInputs } from '../../pipelines/core/sql-models.ts';

describe('MACRO_INPUTS', () => {
  it('names every table the macros read (every SQL model waits for them when stages run at the same time)', () => {
    const macros = { name: 'macros', layer: 'staging' as const, file: MACROS_FILE, sql: readFileSync(MACROS_FILE, 'utf8') };
    expect(modelInputs(macros, new Set(CATALOG.map((t) => t.name)))).toEqual([...MACRO_INPUTS]);
  });
});
