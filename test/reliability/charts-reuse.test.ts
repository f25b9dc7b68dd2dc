/**
 * A render whose charts are all unchanged since the previous build loads none of
 * the rendering libraries and starts no chart thread: a child process in which
 * importing vega, vega-lite, resvg or the chart thread's module throws
 * renders every chart from the previous build's files, and fails as soon as one
 * chart's data changes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../pipelines/report/render-charts.ts';
import { CHART_NAMES } from '../../pipelines/report/charts/index.ts';
import { ROOT, TSX } from '../helpers/cli.ts';
import * as F from '../fixtures/charts/rows.ts';

const BLOCK = `export async function resolve(specifier, context, next) {
  if (/^(vega|vega-lite|@resvg\\/resvg-js)$|chart-thread\\.ts$/.test(specifier)) throw new Error('rendering library loaded: ' + specifier);
  return next(specifier, context);
}`;

function childRender(previousDir: string, changeRedress: boolean) {
  const script = join(mkdtempSync(join(tmpdir(), 'charts-reuse-')), 'render.mts');
  writeFileSync(script, `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(BLOCK)}));
const { renderCharts } = await import(${JSON.stringify(join(ROOT, 'pipelines/report/render-charts.ts'))});
const F = await import(${JSON.stringify(join(ROOT, 'test/fixtures/charts/rows.ts'))});
const tables = F.chartTables();
if (${changeRedress}) tables.redress = tables.redress.map((r, i) => (i === 0 ? { ...r, n_elements: r.n_elements + 1 } : r));
const r = await renderCharts(tables, { write: async () => {}, previousDir: ${JSON.stringify(previousDir)} });
console.log(JSON.stringify(r.reused));
`);
  return spawnSync(TSX, [script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('chart reuse', () => {
  it('renders unchanged charts without loading vega, vega-lite, resvg or the chart thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charts-prev-'));
    await renderCharts(F.chartTables(), {
      write: async (p, d) => { mkdirSync(dirname(join(dir, p)), { recursive: true }); writeFileSync(join(dir, p), d); },
    });
    const same = childRender(dir, false);
    expect(same.status, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout.trim().split('\n').at(-1)!)).toEqual([...CHART_NAMES]);
    // The control: a changed chart needs the libraries, and the block stops it.
    const changed = childRender(dir, true);
    expect(changed.status).not.toBe(0);
    expect(changed.stderr).toContain('rendering library loaded: ');
  });
});
