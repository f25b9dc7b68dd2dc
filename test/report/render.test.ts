import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import {
  chartHtml, escapeHtml, fontPaths, jsonForScript, renderChart, specToSvg, stableJson, svgToPng, textWidth, vendorFiles,
} from '../../pipelines/report/render.ts';
import { themesRanked } from '../../pipelines/report/charts/themes-ranked.ts';
import { requestResponses } from '../../pipelines/report/charts/request-responses.ts';
import { regionThemeHeatmap } from '../../pipelines/report/charts/region-theme-heatmap.ts';
import { chartConfig } from '../../pipelines/report/charts/theme.ts';
import { SCRIPT_PAYLOAD, dataRequestRows, mechanismThemeRows, regionThemeRows } from '../fixtures/charts/rows.ts';

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

/** Pixels of a PNG/SVG rendered by resvg, as RGBA. */
function pixelsOf(svg: string, scale = 2) {
  return svgToPng(svg, scale).pixels;
}

function distinctColours(px: Uint8Array): number {
  const s = new Set<number>();
  for (let i = 0; i < px.length; i += 4) s.add((px[i]! << 24) | (px[i + 1]! << 16) | (px[i + 2]! << 8) | px[i + 3]!);
  return s.size;
}

function inkPixels(px: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i]! < 250 || px[i + 1]! < 250 || px[i + 2]! < 250) n++;
  return n;
}

/** A spec whose size is known exactly: no axes, no title, no legend. */
const plainSpec: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  description: 'Two squares',
  padding: 12,
  width: 200,
  height: 100,
  config: chartConfig(),
  data: { values: [{ x: 'a', n: 1 }, { x: 'b', n: 2 }] },
  // No stroke: the theme's 1 px white cell border would add a pixel above and below.
  mark: { type: 'rect', strokeWidth: 0 },
  encoding: {
    x: { field: 'x', type: 'nominal', axis: null },
    color: { field: 'n', type: 'quantitative', legend: null },
  },
};

describe('stableJson', () => {
  it('sorts keys at every level, indents by 2 and ends with a newline', () => {
    const s = stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } });
    expect(s).toBe('{\n  "a": {\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });
});

describe('escaping', () => {
  it('escapes & < > " \' for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('makes JSON safe inside a script element and round-trips it', () => {
    const v = { s: `</script><script>alert(1)</script> & \u2028` };
    const j = jsonForScript(v);
    expect(j).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(j)).toEqual(v);
  });
});

describe('text metrics', () => {
  it('match what resvg draws with the DejaVu fonts (within 3%)', () => {
    for (const [text, bold] of [['Promotion of cooperation with civil society', false], ['Mechanisms addressing each theme', true], ['Latin America and the Caribbean', false]] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="0" y="20" font-family="DejaVu Sans" font-size="11"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
      const r = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fontPaths(), defaultFontFamily: 'DejaVu Sans' } });
      const box = r.getBBox()!;
      const w = textWidth(text, 11, bold);
      expect(Math.abs(box.width - w) / w).toBeLessThan(0.03);
    }
  });
});

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
    const bad = { ...plainSpec, encoding: { ...plainSpec.encoding, y: { field: 'n', type: 'nominal', aggregate: 'nonsense' } } } as unknown as TopLevelSpec;
    await expect(specToSvg(bad, 'bad')).rejects.toThrow(/Vega-Lite/);
  });
});

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

describe('chartHtml', () => {
  it('escapes the title and description it writes itself', () => {
    const html = chartHtml('x', { ...plainSpec, title: `<b>"T"</b>`, description: `it's <i>` } as TopLevelSpec);
    expect(html).toContain('<title>&lt;b&gt;&quot;T&quot;&lt;/b&gt;</title>');
    expect(html).toContain('aria-label="it&#39;s &lt;i&gt;"');
  });
});

describe('vendorFiles', () => {
  it('copies the vega, vega-lite and vega-embed builds, without source-map references', () => {
    const files = vendorFiles();
    expect(files.map((f) => f.relPath)).toEqual(['vendor/vega.min.js', 'vendor/vega-lite.min.js', 'vendor/vega-embed.min.js']);
    for (const f of files) {
      const text = new TextDecoder().decode(f.data);
      expect(text.length).toBeGreaterThan(50_000);
      expect(text).not.toContain('sourceMappingURL');
    }
  });
});
