import { describe, expect, it } from 'vitest';
import { renderAll } from '../../../pipelines/report/render/render-all.ts';
import { renderChart } from '../../../pipelines/report/render/render-chart.ts';
import { svgToPng } from '../../../pipelines/report/render/svg-to-png.ts';
import { regionThemeHeatmap } from '../../../pipelines/report/charts/region-theme-heatmap.ts';
import { themesRanked } from '../../../pipelines/report/charts/themes-ranked.ts';
import { requestResponses } from '../../../pipelines/report/charts/request-responses.ts';
import { plainSpec } from '../../fixtures/charts/render-helpers.ts';
import { dataRequestRows, mechanismThemeRows, regionThemeRows } from '../../fixtures/charts/rows.ts';

describe('renderAll', () => {
  const tasks = [
    { name: 'region-theme-heatmap', spec: regionThemeHeatmap(regionThemeRows()) },
    { name: 'themes-ranked', spec: themesRanked(mechanismThemeRows()) },
    { name: 'request-responses', spec: requestResponses(dataRequestRows()) },
  ];

  it('renders the charts at once the same bytes as one at a time, in the order given; the PNG as the synchronous rasteriser draws it', async () => {
    const together = await renderAll(tasks);
    expect(together.map((r) => r.name)).toEqual(tasks.map((t) => t.name));
    for (const [i, t] of tasks.entries()) {
      const alone = await renderChart(t.name, t.spec);
      expect(together[i]!.svg, t.name).toBe(alone.svg);
      expect(together[i]!.html, t.name).toBe(alone.html);
      expect(together[i]!.json, t.name).toBe(alone.json);
      expect(Buffer.compare(Buffer.from(together[i]!.png), Buffer.from(alone.png)), t.name).toBe(0);
      expect(Buffer.compare(Buffer.from(together[i]!.png), Buffer.from(svgToPng(alone.svg).png)), t.name).toBe(0);
      expect([together[i]!.width, together[i]!.height]).toEqual([alone.width, alone.height]);
    }
  });

  it('renders nothing for no task', async () => {
    expect(await renderAll([])).toEqual([]);
  });

  it('names the chart whose spec fails', async () => {
    const bad = { name: 'broken-chart', spec: { ...plainSpec, encoding: { ...(plainSpec as { encoding: object }).encoding, y: { field: 'n', type: 'nominal', aggregate: 'nonsense' } } } as never };
    const err = await renderAll([tasks[1]!, tasks[2]!, bad]).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/Vega-Lite/);
    expect((err as Error).message).toContain('record broken-chart');
  });
});
