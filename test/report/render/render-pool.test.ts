import { describe, expect, it } from 'vitest';
import { renderInPool } from '../../../pipelines/report/render/render-pool.ts';
import { renderChart } from '../../../pipelines/report/render/render-chart.ts';
import { regionThemeHeatmap } from '../../../pipelines/report/charts/region-theme-heatmap.ts';
import { themesRanked } from '../../../pipelines/report/charts/themes-ranked.ts';
import { requestResponses } from '../../../pipelines/report/charts/request-responses.ts';
import { plainSpec } from '../../fixtures/charts/render-helpers.ts';
import { dataRequestRows, mechanismThemeRows, regionThemeRows } from '../../fixtures/charts/rows.ts';

describe('renderInPool', () => {
  const tasks = [
    { name: 'region-theme-heatmap', spec: regionThemeHeatmap(regionThemeRows()) },
    { name: 'themes-ranked', spec: themesRanked(mechanismThemeRows()) },
    { name: 'request-responses', spec: requestResponses(dataRequestRows()) },
  ];

  it('renders in worker threads the same bytes as in this thread, in the order given', async () => {
    const pooled = await renderInPool(tasks, { maxThreads: 2 });
    expect(pooled.map((r) => r.name)).toEqual(tasks.map((t) => t.name));
    for (const [i, t] of tasks.entries()) {
      const here = await renderChart(t.name, t.spec);
      expect(pooled[i]!.svg, t.name).toBe(here.svg);
      expect(pooled[i]!.html, t.name).toBe(here.html);
      expect(pooled[i]!.json, t.name).toBe(here.json);
      expect(Buffer.compare(Buffer.from(pooled[i]!.png), Buffer.from(here.png)), t.name).toBe(0);
      expect([pooled[i]!.width, pooled[i]!.height]).toEqual([here.width, here.height]);
    }
  });

  it('renders nothing and starts no worker for no task', async () => {
    expect(await renderInPool([], { maxThreads: 2 })).toEqual([]);
  });

  it('names the chart whose spec fails (this thread takes the first chart, the worker the last)', async () => {
    const bad = { name: 'broken-chart', spec: { ...plainSpec, encoding: { ...(plainSpec as { encoding: object }).encoding, y: { field: 'n', type: 'nominal', aggregate: 'nonsense' } } } as never };
    const err = await renderInPool([tasks[1]!, tasks[2]!, bad], { maxThreads: 2 }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/Vega-Lite/);
    expect((err as Error).message).toContain('record broken-chart');
  });

  it('refuses a thread count from ATLAS_RENDER_THREADS that is not a whole number of 1 or more, naming the variable', async () => {
    const saved = process.env.ATLAS_RENDER_THREADS;
    try {
      for (const bad of ['0', '1.5', 'many']) {
        process.env.ATLAS_RENDER_THREADS = bad;
        await expect(renderInPool(tasks.slice(0, 1))).rejects.toThrow(`ATLAS_RENDER_THREADS must be a whole number of 1 or more, not "${bad}"`);
      }
      process.env.ATLAS_RENDER_THREADS = '1';
      expect((await renderInPool(tasks.slice(0, 2))).map((r) => r.name)).toEqual(tasks.slice(0, 2).map((t) => t.name));
    } finally {
      if (saved === undefined) delete process.env.ATLAS_RENDER_THREADS; else process.env.ATLAS_RENDER_THREADS = saved;
    }
  });
});
