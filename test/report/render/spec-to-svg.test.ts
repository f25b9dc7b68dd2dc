import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { specToSvg } from '../../../pipelines/report/render/spec-to-svg.ts';
import { svgToPng } from '../../../pipelines/report/render/svg-to-png.ts';
import { SCRIPT_PAYLOAD } from '../../fixtures/charts/rows.ts';
import { plainSpec, pngSize } from '../../fixtures/charts/render-helpers.ts';

describe('specToSvg / svgToPng', () => {
  it('gives the exact expected size: spec size plus padding, PNG at 2×', async () => {
    const { svg, width, height } = await specToSvg(plainSpec, 'plain');
    expect([width, height]).toEqual([224, 124]);
    expect(svg).toMatch(/^<svg [^>]*width="224" height="124"/);
    const { png, width: pw, height: ph } = svgToPng(svg, 2);
    expect([pw, ph]).toEqual([448, 248]);
    expect(pngSize(png)).toEqual({ width: 448, height: 248 });
  });

  it('adds <title>, <desc> and aria-label, all escaped', async () => {
    const spec = { ...plainSpec, title: `T ${SCRIPT_PAYLOAD}`, description: `D <img src=x onerror=alert(1)> & "q"` } as TopLevelSpec;
    const { svg } = await specToSvg(spec, 'hostile');
    expect(svg).toContain('<title>T &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(svg).toContain('<desc>D &lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</desc>');
    expect(svg).toContain('aria-label="D &lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;"');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
  });

  it('rejects a spec that Vega-Lite warns about', async () => {
    const bad = { ...plainSpec, encoding: { ...(plainSpec as { encoding: object }).encoding, y: { field: 'n', type: 'nominal', aggregate: 'nonsense' } } } as unknown as TopLevelSpec;
    await expect(specToSvg(bad, 'bad')).rejects.toThrow(/Vega-Lite/);
  });
});

describe('text measurement patch', () => {
  it('measures in DejaVu only while a chart is laid out, and gives vega its own measure back after', async () => {
    const metrics = (vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number } }).textMetrics;
    const before = metrics.width;
    const item = { fontSize: 11 };
    const vegaWidth = before(item, 'Latin America and the Caribbean');
    const { svg } = await specToSvg({ ...plainSpec, title: 'Latin America and the Caribbean' } as TopLevelSpec, 'measured');
    expect(metrics.width).toBe(before);
    expect(before(item, 'Latin America and the Caribbean')).toBe(vegaWidth);
    expect(svg).toContain('Latin America and the Caribbean');
  });

  it('keeps the DejaVu measure while two layouts overlap, and restores vega\'s after both', async () => {
    const metrics = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;
    const before = metrics.width;
    const [a, b] = await Promise.all([specToSvg(plainSpec, 'a'), specToSvg({ ...plainSpec, title: 'T' } as TopLevelSpec, 'b')]);
    const again = await specToSvg(plainSpec, 'a');
    expect(again.svg).toBe(a.svg);
    expect(b.svg).toContain('<title>T</title>');
    expect(metrics.width).toBe(before);
  });
});
