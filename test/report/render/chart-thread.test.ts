import { describe, expect, it } from 'vitest';
import { startChartThread, threadError } from '../../../pipelines/report/render/chart-thread.ts';
import { renderAll } from '../../../pipelines/report/render/render-all.ts';
import { AtlasError } from '../../../pipelines/core/errors.ts';
import { stableJson } from '../../../pipelines/report/render/spec-text.ts';
import { regionThemeHeatmap } from '../../../pipelines/report/charts/region-theme-heatmap.ts';
import { themesRanked } from '../../../pipelines/report/charts/themes-ranked.ts';
import { requestResponses } from '../../../pipelines/report/charts/request-responses.ts';
import { plainSpec } from '../../fixtures/charts/render-helpers.ts';
import { dataRequestRows, mechanismThemeRows, regionThemeRows } from '../../fixtures/charts/rows.ts';

describe('chart thread', () => {
  const tasks = [
    { name: 'themes-ranked', spec: themesRanked(mechanismThemeRows()) },
    { name: 'region-theme-heatmap', spec: regionThemeHeatmap(regionThemeRows()) },
    { name: 'request-responses', spec: requestResponses(dataRequestRows()) },
  ].map((t) => ({ ...t, json: stableJson(t.spec) }));

  it('renders the same bytes as this thread, laying charts out in the order given and telling each SVG before its chart', async () => {
    const thread = startChartThread();
    try {
      const told: string[] = [];
      const charts = await Promise.all(tasks.map((t) => thread.render(t, (layout) => {
        told.push(t.name);
        expect(layout.svg, t.name).toMatch(/^<svg/);
      }).then((c) => { told.push(`done ${t.name}`); return c; })));
      expect(told.filter((x) => !x.startsWith('done'))).toEqual(tasks.map((t) => t.name));
      for (const t of tasks) expect(told.indexOf(t.name)).toBeLessThan(told.indexOf(`done ${t.name}`));
      const here = await renderAll(tasks);
      for (const [i, t] of tasks.entries()) {
        expect(charts[i]!.name).toBe(t.name);
        expect(charts[i]!.svg, t.name).toBe(here[i]!.svg);
        expect(charts[i]!.html, t.name).toBe(here[i]!.html);
        expect(Buffer.compare(Buffer.from(charts[i]!.png), Buffer.from(here[i]!.png)), t.name).toBe(0);
        expect([charts[i]!.width, charts[i]!.height]).toEqual([here[i]!.width, here[i]!.height]);
      }
      // a chart given later, once the others are done
      expect((await thread.render(tasks[2]!)).svg).toBe(here[2]!.svg);
    } finally {
      await thread.close();
    }
  });

  it('names the chart whose spec fails, as this thread does, and renders the next', async () => {
    const thread = startChartThread();
    try {
      const bad = { name: 'broken-chart', spec: { ...plainSpec, encoding: { ...(plainSpec as { encoding: object }).encoding, y: { field: 'n', type: 'nominal', aggregate: 'nonsense' } } } as never };
      const [failed, next] = await Promise.allSettled([thread.render(bad), thread.render(tasks[2]!)]);
      const err = (failed as PromiseRejectedResult).reason as Error;
      expect(err).toBeInstanceOf(AtlasError);
      expect(err.message).toMatch(/Vega-Lite/);
      expect(err.message).toContain('record broken-chart');
      expect(next.status).toBe('fulfilled');
    } finally {
      await thread.close();
    }
  });

  it('rejects what is still rendering when the thread stops, and every render after', async () => {
    const thread = startChartThread();
    const rendering = thread.render(tasks[0]!);
    await thread.close();
    await expect(rendering).rejects.toThrow(/chart thread stopped/);
    await expect(thread.render(tasks[0]!)).rejects.toThrow(/chart thread stopped/);
  });
});

describe('threadError', () => {
  it('makes an AtlasError of its parts again, and any other error of its text', () => {
    const atlas = threadError({ problem: 'bad spec', where: { stage: 'render', record: 'x' } });
    expect(atlas).toBeInstanceOf(AtlasError);
    expect(atlas.message).toBe(new AtlasError('bad spec', { stage: 'render', record: 'x' }).message);
    const other = threadError({ message: 'boom', stack: 'Error: boom\n    at there' });
    expect(other).not.toBeInstanceOf(AtlasError);
    expect([other.message, other.stack]).toEqual(['boom', 'Error: boom\n    at there']);
  });
});
