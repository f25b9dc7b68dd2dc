import { describe, expect, it } from 'vitest';
import { buildChartSpecs, renderCharts, startCharts, type ChartSvg, type ChartTables } from '../../../pipelines/report/render-charts.ts';
import { CHART_NAMES } from '../../../pipelines/report/charts/index.ts';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stableJson } from '../../../pipelines/report/render/spec-text.ts';
import { svgToPng } from '../../../pipelines/report/render/svg-to-png.ts';
import * as F from '../../fixtures/charts/rows.ts';
import { schemaErrors, tooltipTitles } from '../../fixtures/charts/spec-helpers.ts';

const tables: ChartTables = F.chartTables();

async function renderToMemory(t: ChartTables = tables, previousDir?: string) {
  const files = new Map<string, Uint8Array>();
  const result = await renderCharts(t, {
    previousDir,
    write: async (p, d) => {
      expect(files.has(p), `${p} written twice`).toBe(false);
      files.set(p, typeof d === 'string' ? new TextEncoder().encode(d) : d);
    },
  });
  return { files, result };
}

describe('render-charts stage', () => {
  it('builds a valid spec for every chart, with paragraph tooltips on every chart', () => {
    const specs = buildChartSpecs(tables);
    expect(Object.keys(specs)).toEqual([...CHART_NAMES]);
    for (const name of CHART_NAMES) {
      expect(schemaErrors(specs[name]), name).toEqual([]);
      expect(tooltipTitles(specs[name]).some((t) => /Paragraphs|Evidence/.test(t)), name).toBe(true);
    }
  });

  it('writes every chart in four formats plus vendor scripts, the same bytes every time', async () => {
    const a = await renderToMemory();
    const b = await renderToMemory();
    const expected = [
      'charts/vendor/vega.min.js', 'charts/vendor/vega-lite.min.js', 'charts/vendor/vega-embed.min.js',
      ...CHART_NAMES.flatMap((n) => ['vl.json', 'svg', 'png', 'html'].map((ext) => `charts/${n}.${ext}`)),
      'charts/render-keys.json', 'charts/index.html',
    ];
    expect([...a.files.keys()]).toEqual(expected);
    expect([...b.files.keys()]).toEqual(expected);
    for (const p of expected) expect(Buffer.compare(Buffer.from(a.files.get(p)!), Buffer.from(b.files.get(p)!)), p).toBe(0);

    const specs = buildChartSpecs(tables);
    for (const c of a.result.charts) {
      const text = (p: string) => new TextDecoder().decode(a.files.get(p));
      expect(text(`charts/${c.name}.vl.json`)).toBe(stableJson(specs[c.name]));
      const svg = text(`charts/${c.name}.svg`);
      expect(svg).toContain(`<title>`);
      // PNG: twice the SVG size, not blank.
      const png = a.files.get(`charts/${c.name}.png`)!;
      const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
      expect([dv.getUint32(16), dv.getUint32(20)], c.name).toEqual([2 * c.width, 2 * c.height]);
      const px = svgToPng(svg).pixels;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 200) ink++;
      expect(ink / (px.length / 4), c.name).toBeGreaterThan(0.02);
      expect(text(`charts/${c.name}.html`)).not.toContain(F.SCRIPT_PAYLOAD);
    }
    const times = a.result.charts.map((c) => `${c.name} ${c.timings.totalMs.toFixed(0)} ms`);
    console.log(`render times: ${times.join(', ')}; total ${a.result.totalMs.toFixed(0)} ms`);
  });

  it('reuses the previous build\'s files for charts whose spec is unchanged, and renders the others', async () => {
    const first = await renderToMemory();
    expect(first.result.reused).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'render-charts-'));
    for (const [p, d] of first.files) { mkdirSync(dirname(join(dir, p)), { recursive: true }); writeFileSync(join(dir, p), d); }

    const again = await renderToMemory(tables, dir);
    expect(again.result.reused).toEqual([...CHART_NAMES]);
    for (const [p, d] of first.files) expect(Buffer.compare(Buffer.from(again.files.get(p)!), Buffer.from(d)), p).toBe(0);

    // One redress row changes: only the charts whose spec holds it are rendered again.
    const changed: ChartTables = { ...tables, redress: tables.redress.map((r, i) => (i === 0 ? { ...r, n_elements: r.n_elements + 1 } : r)) };
    const specsBefore = buildChartSpecs(tables);
    const specsAfter = buildChartSpecs(changed);
    const differ = CHART_NAMES.filter((n) => stableJson(specsBefore[n]) !== stableJson(specsAfter[n]));
    expect(differ).toContain('redress-elements');
    const partial = await renderToMemory(changed, dir);
    expect(partial.result.reused).toEqual(CHART_NAMES.filter((n) => !differ.includes(n)));
    const fresh = await renderToMemory(changed);
    for (const [p, d] of fresh.files) expect(Buffer.compare(Buffer.from(partial.files.get(p)!), Buffer.from(d)), p).toBe(0);
    expect(readFileSync(join(dir, 'charts/render-keys.json'), 'utf8')).not.toBe(new TextDecoder().decode(partial.files.get('charts/render-keys.json')));
  });

  it('builds and lays out the charts given first before the others, telling each SVG before the render ends', async () => {
    const only = ['themes-ranked', 'redress-elements', 'request-responses'] as const;
    const told: { svg: ChartSvg; settled: boolean }[] = [];
    let settled = false;
    const started = startCharts(tables, {
      only, first: ['request-responses', 'member-map', 'themes-ranked'], write: async () => {},
      onSvg: (svg) => { told.push({ svg, settled }); },
    });
    // every spec is built when startCharts returns
    expect(Object.keys(started.specs)).toEqual(['request-responses', 'themes-ranked', 'redress-elements']);
    const result = await started.done.finally(() => { settled = true; });
    // member-map is not among the charts rendered; the charts come back in their own order
    expect(told.map((t) => [t.svg.name, t.settled])).toEqual([['request-responses', false], ['themes-ranked', false], ['redress-elements', false]]);
    expect(result.charts.map((c) => c.name)).toEqual(['themes-ranked', 'redress-elements', 'request-responses']);
    for (const { svg } of told) expect(svg.svg).toBe(result.charts.find((r) => r.name === svg.name)!.svg);
    // a reused chart's SVG is told at once
    const dir = mkdtempSync(join(tmpdir(), 'render-charts-'));
    const files = new Map<string, Uint8Array>();
    await renderCharts(tables, { only, write: async (p, d) => { files.set(p, typeof d === 'string' ? new TextEncoder().encode(d) : d); } });
    for (const [p, d] of files) { mkdirSync(dirname(join(dir, p)), { recursive: true }); writeFileSync(join(dir, p), d); }
    const atOnce: string[] = [];
    const again = startCharts(tables, { only, previousDir: dir, write: async () => {}, onSvg: (svg) => { atOnce.push(svg.name); } });
    expect(atOnce).toEqual([...only]);
    expect((await again.done).reused).toEqual([...only]);
  });
});
