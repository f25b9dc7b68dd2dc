import { describe, expect, it } from 'vitest';
import { renderChart } from '../../../pipelines/report/render/render-chart.ts';
import { escapeHtml } from '../../../pipelines/report/render/html-escape.ts';
import { themesRanked } from '../../../pipelines/report/charts/themes-ranked.ts';
import { requestResponses } from '../../../pipelines/report/charts/request-responses.ts';
import { regionThemeHeatmap } from '../../../pipelines/report/charts/region-theme-heatmap.ts';
import { SCRIPT_PAYLOAD, dataRequestRows, mechanismThemeRows, regionThemeRows } from '../../fixtures/charts/rows.ts';
import { distinctColours, inkPixels, pixelsOf, pngSize } from '../../fixtures/charts/render-helpers.ts';

describe('renderChart', () => {
  const spec = themesRanked(mechanismThemeRows());

  it('renders SVG, a non-blank PNG at 2× with readable text, and an offline HTML page', async () => {
    const r = await renderChart('themes-ranked', spec);
    // Size: the plot (420 px) plus labels plus 2 × 12 px padding, PNG twice the SVG.
    expect(r.width).toBeGreaterThan(420 + 24);
    expect(pngSize(r.png)).toEqual({ width: 2 * r.width, height: 2 * r.height });
    // Non-blank: many colours, a fair share of inked pixels.
    const px = pixelsOf(r.svg);
    expect(px.length).toBe(4 * 2 * r.width * 2 * r.height);
    expect(new Set(px).size).toBeGreaterThan(2);
    expect(distinctColours(px)).toBeGreaterThan(50);
    const ink = inkPixels(px);
    expect(ink / (px.length / 4)).toBeGreaterThan(0.05);
    // Text is drawn (resvg drops text silently without fonts): removing it changes the picture a lot.
    const noText = pixelsOf(r.svg.replace(/<text[^>]*>[\s\S]*?<\/text>/g, ''));
    expect(ink - inkPixels(noText)).toBeGreaterThan(5000);
    // HTML: title, aria-label, vendor scripts by relative path, nothing from the network.
    expect(r.html).toContain(`<title>${escapeHtml(r.title)}</title>`);
    expect(r.html).toContain(`aria-label="${escapeHtml(r.description)}"`);
    expect(r.html).toContain('<script src="vendor/vega.min.js"></script>');
    expect(r.html).toContain('<script src="vendor/vega-lite.min.js"></script>');
    expect(r.html).toContain('<script src="vendor/vega-embed.min.js"></script>');
    expect(r.html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(r.html).toContain('tooltip: true');
    expect(r.json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(r.json)).toEqual(JSON.parse(JSON.stringify(spec)));
    for (const [k, v] of Object.entries(r.timings)) expect(v, k).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic: the same rows give byte-identical JSON, SVG, PNG and HTML', async () => {
    // SVG ids come from process-wide counters: render another chart in between so a leaking
    // counter would show as a difference.
    const a = await renderChart('region-theme-heatmap', regionThemeHeatmap(regionThemeRows()));
    await renderChart('region-theme-heatmap', regionThemeHeatmap(regionThemeRows().slice(3)));
    const b = await renderChart('region-theme-heatmap', regionThemeHeatmap(regionThemeRows()));
    expect(b.json).toBe(a.json);
    expect(b.svg).toBe(a.svg);
    expect(b.html).toBe(a.html);
    expect(Buffer.compare(Buffer.from(a.png), Buffer.from(b.png))).toBe(0);
  });

  it('keeps document text escaped in the HTML page (spec JSON cannot close its script)', async () => {
    const r = await renderChart('request-responses', requestResponses(dataRequestRows()));
    expect(r.json).toContain(SCRIPT_PAYLOAD); // the data is the data…
    expect(r.html).not.toContain(SCRIPT_PAYLOAD); // …but never raw in the page
    expect(r.html).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(r.svg).not.toContain(SCRIPT_PAYLOAD);
    expect(r.html.match(/<script\b/g)!.length).toBe(5); // 3 vendor + spec + embed
    expect(r.html.match(/<\/script>/g)!.length).toBe(5);
  });
});
