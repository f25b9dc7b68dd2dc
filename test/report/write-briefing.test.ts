import { describe, expect, it } from 'vitest';
import { KIND_CHART, briefingModel } from '../../pipelines/report/briefing/model.ts';
import { CHART_NAMES } from '../../pipelines/report/charts/index.ts';
import { renderHtml } from '../../pipelines/report/briefing/render-html.ts';
import { briefingChartNames } from '../../pipelines/report/write-briefing.ts';
import * as F from '../fixtures/charts/rows.ts';

const charts = CHART_NAMES.map((name) => ({ name, title: `Title of ${name}`, description: `About ${name}` }));

describe('briefingChartNames', () => {
  it('names the charts the briefing shows, in the order it shows them, and no other', () => {
    const doc = briefingModel(F.briefingTables(), { charts });
    const shown = briefingChartNames(doc);
    // one chart for each kind of finding the fixtures hold, as the HTML shows them
    const html = renderHtml(doc, new Map(charts.map((c) => [c.name, { svg: '<svg></svg>' }])));
    expect(shown).toEqual([...html.matchAll(/<figure class="chart" id="chart-([a-z-]+)"/g)].map((m) => m[1]));
    expect([...shown].sort()).toEqual(Object.values(KIND_CHART).sort());
    expect(shown).not.toContain('member-map');
  });

  it('names none when no finding has a chart', () => {
    const tables = { ...F.briefingTables(), data_gaps: F.briefingTables().data_gaps.filter((r) => !(r.kind in KIND_CHART)) };
    expect(briefingChartNames(briefingModel(tables, { charts }))).toEqual([]);
  });
});
