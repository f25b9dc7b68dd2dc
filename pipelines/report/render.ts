/**
 * Vega-Lite spec → stable JSON, SVG, PNG (2×) and an offline HTML page.
 *
 * The only I/O here is reading assets from node_modules: the DejaVu fonts, the
 * vega/vega-lite/vega-embed browser builds and the world-atlas TopoJSON.
 *
 * Determinism: text is laid out with the advance widths read from the DejaVu
 * TTF files (not Vega's rough estimate, not whatever canvas happens to be
 * installed), and resvg is given exactly those font files with system fonts
 * off, so the same spec gives byte-identical SVG and PNG on any machine.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { AtlasError } from '../core/errors.ts';

// ---------------------------------------------------------------------------
// Assets

/** Root folder of an installed package (walks up from this file to node_modules). */
export function packageDir(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) {
      throw new AtlasError(`package ${name} is not installed`, { stage: 'render', hint: 'run npm ci' });
    }
    dir = up;
  }
}

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  boldOblique: 'DejaVuSans-BoldOblique.ttf',
} as const;

export function fontPaths(): string[] {
  const dir = join(packageDir('dejavu-fonts-ttf'), 'ttf');
  return Object.values(FONT_FILES).map((f) => join(dir, f));
}

/** Browser builds copied next to the chart pages, keyed by their path under charts/. */
export const VENDOR_SCRIPTS = [
  { pkg: 'vega', file: 'build/vega.min.js', relPath: 'vendor/vega.min.js' },
  { pkg: 'vega-lite', file: 'build/vega-lite.min.js', relPath: 'vendor/vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'build/vega-embed.min.js', relPath: 'vendor/vega-embed.min.js' },
] as const;

/** The vendor scripts as {relPath, data}; relPath is relative to charts/. */
export function vendorFiles(): { relPath: string; data: Uint8Array }[] {
  return VENDOR_SCRIPTS.map((v) => {
    const bytes = readFileSync(join(packageDir(v.pkg), v.file));
    // Drop the sourceMappingURL comment: the .map is not copied, and a
    // missing map makes devtools request it.
    const text = bytes.toString('utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
    return { relPath: v.relPath, data: new TextEncoder().encode(text) };
  });
}

/** The world-atlas 110m TopoJSON (countries with numeric ISO ids as strings). */
export function loadWorldAtlas(): WorldTopology {
  return JSON.parse(readFileSync(join(packageDir('world-atlas'), 'countries-110m.json'), 'utf8')) as WorldTopology;
}

export interface WorldTopology {
  type: 'Topology';
  objects: { countries: { type: 'GeometryCollection'; geometries: { type: string; id?: string; properties?: { name?: string }; arcs: unknown }[] }; land?: unknown };
  arcs: unknown[];
  bbox?: number[];
  transform?: unknown;
}

// ---------------------------------------------------------------------------
// Text metrics from the TTF files

interface FontMetrics { unitsPerEm: number; advance: Map<number, number>; fallback: number }

function parseTtf(buf: Buffer): FontMetrics {
  const numTables = buf.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const need = (t: string) => {
    const off = tables.get(t);
    if (off === undefined) throw new AtlasError(`font has no ${t} table`, { stage: 'render' });
    return off;
  };
  const unitsPerEm = buf.readUInt16BE(need('head') + 18);
  const numberOfHMetrics = buf.readUInt16BE(need('hhea') + 34);
  const hmtx = need('hmtx');
  const advanceOf = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  // cmap: the Windows Unicode BMP subtable (3, 1), format 4.
  const cmap = need('cmap');
  const n = buf.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1) sub = cmap + buf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) throw new AtlasError('font has no format-4 Unicode cmap', { stage: 'render' });
  const segX2 = buf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const advance = new Map<number, number>();
  for (let s = 0; s < segX2 / 2; s++) {
    const end = buf.readUInt16BE(ends + 2 * s);
    const start = buf.readUInt16BE(starts + 2 * s);
    const delta = buf.readInt16BE(deltas + 2 * s);
    const ro = buf.readUInt16BE(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = buf.readUInt16BE(rangeOffsets + 2 * s + ro + 2 * (c - start));
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) advance.set(c, advanceOf(glyph));
    }
  }
  return { unitsPerEm, advance, fallback: advanceOf(0) };
}

let metricsCache: { regular: FontMetrics; bold: FontMetrics } | undefined;
function fontMetrics() {
  if (!metricsCache) {
    const dir = join(packageDir('dejavu-fonts-ttf'), 'ttf');
    metricsCache = {
      regular: parseTtf(readFileSync(join(dir, FONT_FILES.regular))),
      bold: parseTtf(readFileSync(join(dir, FONT_FILES.bold))),
    };
  }
  return metricsCache;
}

interface TextItem { fontSize?: number; fontWeight?: string | number; limit?: number; ellipsis?: string }

function isBold(w: string | number | undefined): boolean {
  if (w === undefined) return false;
  if (typeof w === 'number') return w >= 600;
  return w === 'bold' || w === 'bolder' || Number(w) >= 600;
}

/** Width in px of one line of text set in DejaVu Sans (no kerning). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const m = bold ? fontMetrics().bold : fontMetrics().regular;
  let units = 0;
  for (const ch of text) units += m.advance.get(ch.codePointAt(0)!) ?? m.fallback;
  return (units * fontSize) / m.unitsPerEm;
}

function measure(item: TextItem, text: unknown): number {
  let t = text == null ? '' : String(text).trim();
  const size = item.fontSize ?? 11;
  const bold = isBold(item.fontWeight);
  const limit = Number(item.limit ?? 0);
  if (limit > 0 && t && textWidth(t, size, bold) >= limit) {
    const ell = item.ellipsis ?? '\u2026';
    const room = limit - textWidth(ell, size, bold);
    let lo = 0; let hi = t.length;
    while (lo < hi) { const mid = 1 + ((lo + hi) >>> 1); if (textWidth(t.slice(0, mid), size, bold) < room) lo = mid; else hi = mid - 1; }
    t = t.slice(0, lo) + ell;
  }
  return textWidth(t, size, bold);
}

function useDejaVuMetrics(): void {
  // vega re-exports vega-scenegraph's textMetrics, but its typings omit it.
  (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics.width = measure;
}

// ---------------------------------------------------------------------------
// Spec → JSON, SVG, PNG, HTML

/** JSON with object keys sorted at every level, 2-space indent, final newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape & < > " ' for HTML text and attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** JSON safe to put inside <script type="application/json">. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Title text of a spec ('' when none). */
export function specTitle(spec: TopLevelSpec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  if (t && typeof t === 'object' && 'text' in t) {
    const x = (t as { text: unknown }).text;
    return Array.isArray(x) ? x.join(' ') : String(x ?? '');
  }
  return '';
}

export function specDescription(spec: TopLevelSpec): string {
  return String((spec as { description?: unknown }).description ?? '');
}

export interface RenderTimings { compileMs: number; svgMs: number; pngMs: number; htmlMs: number; totalMs: number }

export interface RenderedChart {
  name: string;
  title: string;
  description: string;
  /** The .vl.json text. */
  json: string;
  svg: string;
  png: Uint8Array;
  html: string;
  /** SVG size in CSS px; the PNG is scale × that. */
  width: number;
  height: number;
  scale: number;
  timings: RenderTimings;
}

export interface RenderOptions {
  /** PNG scale factor (default 2). */
  scale?: number;
  /** Path prefix of the vendor scripts as seen from the HTML page (default "vendor/"). */
  vendorPrefix?: string;
}

/**
 * Vega-Lite warnings that are known to be harmless: a layered facet with
 * independent scales reads the same inline data through two forks.
 */
const BENIGN_WARNINGS = [/^Detected faceted independent scales that union domain of the same fields from different source/];

/** Compile a Vega-Lite spec to Vega; Vega-Lite warnings (other than the benign ones) are returned. */
export function compileSpec(spec: TopLevelSpec, name = 'chart') {
  const warnings: string[] = [];
  const logger = {
    level() { return logger; },
    error(...a: unknown[]) { throw new AtlasError(`Vega-Lite error: ${a.join(' ')}`, { stage: 'render', record: name }); },
    warn(...a: unknown[]) {
      const msg = a.join(' ');
      if (!BENIGN_WARNINGS.some((re) => re.test(msg))) warnings.push(msg);
      return logger;
    },
    info() { return logger; },
    debug() { return logger; },
  };
  const out = vegaLite.compile(spec, { logger: logger as never });
  return { vega: out.spec, warnings };
}

/** The SVG of a spec, with <title>, <desc> and aria-label added. */
export async function specToSvg(spec: TopLevelSpec, name = 'chart'): Promise<{ svg: string; width: number; height: number; compileMs: number; svgMs: number }> {
  const t0 = performance.now();
  const { vega: vg, warnings } = compileSpec(spec, name);
  if (warnings.length) {
    throw new AtlasError(`Vega-Lite warnings: ${warnings.join('; ')}`, { stage: 'render', record: name, hint: 'fix the spec builder' });
  }
  const t1 = performance.now();
  useDejaVuMetrics();
  // Clip-path and gradient ids come from process-wide counters: restart them so
  // a chart's SVG does not depend on what was rendered before it.
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  let raw: string;
  try {
    raw = await view.toSVG();
  } finally {
    view.finalize();
  }
  const m = /^<svg([^>]*)>/.exec(raw);
  if (!m) throw new AtlasError('Vega produced no <svg> element', { stage: 'render', record: name });
  const width = Number(/ width="([\d.]+)"/.exec(m[1]!)?.[1]);
  const height = Number(/ height="([\d.]+)"/.exec(m[1]!)?.[1]);
  const title = specTitle(spec);
  const desc = specDescription(spec);
  const open = `<svg${m[1]} role="graphics-document document" aria-label="${escapeHtml(desc || title)}">`
    + `<title>${escapeHtml(title)}</title>${desc ? `<desc>${escapeHtml(desc)}</desc>` : ''}`;
  const svg = `${open}${raw.slice(m[0].length)}\n`;
  return { svg, width, height, compileMs: t1 - t0, svgMs: performance.now() - t1 };
}

/** Rasterise an SVG with resvg and the DejaVu fonts only. */
export function svgToPng(svg: string, scale = 2): { png: Uint8Array; width: number; height: number; pixels: Uint8Array } {
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: fontPaths(),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const img = r.render();
  return { png: new Uint8Array(img.asPng()), width: img.width, height: img.height, pixels: new Uint8Array(img.pixels) };
}

/** The offline HTML page of a chart (vendor scripts referenced relatively). */
export function chartHtml(name: string, spec: TopLevelSpec, opts: { vendorPrefix?: string; width?: number; height?: number } = {}): string {
  const prefix = opts.vendorPrefix ?? 'vendor/';
  const title = specTitle(spec);
  const desc = specDescription(spec);
  const scripts = VENDOR_SCRIPTS.map((v) => `<script src="${escapeHtml(prefix + v.relPath.replace(/^vendor\//, ''))}"></script>`).join('\n');
  const size = opts.width && opts.height ? ` width="${opts.width}" height="${opts.height}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 1.5rem; }
  figure { margin: 0; }
  .desc { max-width: 48rem; font-size: 0.9rem; color: #444; }
  .files { font-size: 0.85rem; color: #444; }
  .error { color: #a00; white-space: pre-wrap; }
</style>
${scripts}
</head>
<body>
<figure>
<div id="vis" role="figure" aria-label="${escapeHtml(desc || title)}"><noscript><img src="${escapeHtml(name)}.svg" alt="${escapeHtml(desc)}"${size}></noscript></div>
<figcaption>
<p class="desc">${escapeHtml(desc)}</p>
<p class="files">Files: <a href="${escapeHtml(name)}.svg">SVG</a> · <a href="${escapeHtml(name)}.png">PNG (2×)</a> · <a href="${escapeHtml(name)}.vl.json">Vega-Lite spec with data</a></p>
</figcaption>
</figure>
<script type="application/json" id="spec">${jsonForScript(spec)}</script>
<script>
(function () {
  var spec = JSON.parse(document.getElementById('spec').textContent);
  var el = document.getElementById('vis');
  vegaEmbed(el, spec, {
    renderer: 'svg',
    tooltip: true,
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: ${jsonForScript(name)}
  }).then(function () {
    document.body.setAttribute('data-rendered', 'true');
  }).catch(function (err) {
    var p = document.createElement('p');
    p.className = 'error';
    p.textContent = 'The chart could not be drawn: ' + err;
    el.appendChild(p);
    console.error(err);
  });
})();
</script>
</body>
</html>
`;
}

/** Render one chart to all its formats, timing each step. */
export async function renderChart(name: string, spec: TopLevelSpec, opts: RenderOptions = {}): Promise<RenderedChart> {
  const scale = opts.scale ?? 2;
  const t0 = performance.now();
  const json = stableJson(spec);
  const { svg, width, height, compileMs, svgMs } = await specToSvg(spec, name);
  const t1 = performance.now();
  const { png } = svgToPng(svg, scale);
  const t2 = performance.now();
  const html = chartHtml(name, JSON.parse(json) as TopLevelSpec, { vendorPrefix: opts.vendorPrefix, width, height });
  const t3 = performance.now();
  return {
    name, title: specTitle(spec), description: specDescription(spec), json, svg, png, html, width, height, scale,
    timings: { compileMs, svgMs, pngMs: t2 - t1, htmlMs: t3 - t2, totalMs: t3 - t0 },
  };
}
