/**
 * The real pipeline's keys, computed without building: a stage's code is what its declaring
 * module imports (so the keys follow the code that runs), and a parameter reaches only the
 * stages that read it and the stages downstream of them.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { relative, join } from 'node:path';
import { PIPELINE } from '../../pipelines/pipeline.ts';
import { stageKeys, stageCodeFiles, REPO_ROOT } from '../../pipelines/core/fingerprint.ts';
import { PARAMS } from '../../pipelines/core/params.ts';

const dirs = { seedsDir: join(REPO_ROOT, 'seeds'), dataDir: join(REPO_ROOT, 'data') };
const keyed = PIPELINE.map((s) => ({ ...s, sources: s.sources(dirs) }));
const stage = (name: string) => PIPELINE.find((s) => s.name === name)!;
const codeOf = (name: string) => stageCodeFiles(stage(name)).map((f) => relative(REPO_ROOT, f));

/** The stages reading any output of the given ones, transitively. */
function downstream(names: readonly string[]): Set<string> {
  const out = new Set(names);
  for (const s of PIPELINE) if (s.inputs.some((i) => PIPELINE.some((p) => out.has(p.name) && p.outputs.includes(i)))) out.add(s.name);
  return out;
}

describe('the pipeline\'s stage keys', () => {
  it('cover the code each stage runs, read from its imports', () => {
    const claims = codeOf('extract-claims');
    expect(claims).toContain('pipelines/resolve/extract-claims.stage.ts');
    expect(claims).toContain('pipelines/resolve/claims/extract.ts');
    expect(claims).toContain('pipelines/registry/load-claim-rules.ts');
    expect(claims.some((f) => f.startsWith('pipelines/report/'))).toBe(false);
    // imported only when the stage runs, and still part of its key
    const charts = codeOf('render-charts');
    expect(charts).toEqual(expect.arrayContaining(['pipelines/report/render/render-chart.ts', 'pipelines/report/render/svg-to-png.ts', 'pipelines/report/write-briefing.ts', 'pipelines/text/corpus-name.ts']));
    // a SQL model: its own SQL and the macros, not the other models
    const sql = codeOf('sql:final/country_coverage');
    expect(sql).toEqual(expect.arrayContaining(['pipelines/sql/final/country_coverage.sql', 'pipelines/sql/macros.sql', 'pipelines/transform/sql-stage.ts']));
    expect(sql).not.toContain('pipelines/sql/final/indicator_gaps.sql');
  });

  it('change with indicator_year only for the stages that read it and those downstream', () => {
    const before = stageKeys(keyed, PARAMS);
    const after = stageKeys(keyed, { ...PARAMS, indicator_year: PARAMS.indicator_year + 1 });
    const changed = PIPELINE.map((s) => s.name).filter((n) => before.get(n) !== after.get(n));
    const readers = PIPELINE.filter((s) => s.params.includes('indicator_year')).map((s) => s.name);
    expect(readers.sort()).toEqual(['sql:final/country_coverage', 'sql:final/indicator_gaps', 'sql:final/mechanism_indicators']);
    expect(new Set(changed)).toEqual(downstream(readers));
    expect(changed).not.toContain('extract-claims');
    expect(changed.length).toBeLessThan(PIPELINE.length / 2);
  });

  it('start from the file that really declares each stage', () => {
    for (const s of PIPELINE) {
      const text = readFileSync(s.module, 'utf8');
      if (s.kind === 'ts') expect(text, s.name).toMatch(new RegExp(`name: '${s.name}'`));
      else expect(s.files.map((f) => relative(REPO_ROOT, f)), s.name).toContain(`pipelines/sql/${s.model.layer}/${s.model.name}.sql`);
    }
  });

  it('are the same when nothing changed', () => {
    expect(stageKeys(keyed, PARAMS)).toEqual(stageKeys(keyed, { ...PARAMS }));
  });
});
