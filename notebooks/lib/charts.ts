/**
 * Vega-Lite in the notebooks. A chart is displayed as one MIME bundle with
 *   application/vnd.vegalite.v6+json  the spec, under the MIME type of the Vega-Lite version its
 *                                     $schema names (interactive where the frontend renders it),
 *   image/png                         2× raster, shown at CSS size (metadata width/height): what
 *                                     nbconvert's HTML, GitHub and frontends without that renderer show,
 *   text/plain                        title and description.
 * No image/svg+xml: nbconvert ranks SVG above PNG and its HTML sanitiser (lxml's clean_html)
 * strips SVG to bare text, so a bundle with an SVG exports as a blank chart. The PNG comes from
 * the project's renderer (pipelines/report/render.ts: DejaVu metrics, resvg), so a chart looks the
 * same here as in output/charts. Built charts are read from output/charts/<name>.{vl.json,svg,png}.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import type { TopLevelSpec } from 'vega-lite';
import { compileSpec, specToSvg, svgToPng, specTitle, specDescription } from '../../pipelines/report/render.ts';
import { VL_SCHEMA } from '../../pipelines/report/charts/common.ts';
import { displayBundle, type MimeBundle } from './display.ts';

export type VegaLiteSpec = TopLevelSpec;

/** The Vega-Lite major version a spec's $schema names (".../vega-lite/v6.json" → 6), else the project's (VL_SCHEMA). */
export function vegaLiteMajor(spec: { $schema?: unknown }): number {
  const of = (url: unknown) => /\/vega-lite\/v(\d+)(?:\.[\d.]+)?\.json$/.exec(String(url ?? ''))?.[1];
  return Number(of(spec.$schema) ?? of(VL_SCHEMA));
}

/**
 * The MIME type Jupyter frontends register for that version of Vega-Lite.
 *
 * @example
 *   vegaLiteMime({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json' }); // 'application/vnd.vegalite.v6+json'
 */
export function vegaLiteMime(spec: { $schema?: unknown }): string {
  return `application/vnd.vegalite.v${vegaLiteMajor(spec)}+json`;
}

/** The MIME type of the project's specs (VL_SCHEMA). */
export const VEGALITE_MIME = vegaLiteMime({ $schema: VL_SCHEMA });

export interface ChartBundle {
  data: MimeBundle;
  metadata: MimeBundle;
  /** Vega-Lite warnings (the build treats them as errors; here the chart is drawn anyway). */
  warnings: string[];
}

function svgSize(svg: string): { width: number; height: number } {
  const open = /^<svg([^>]*)>/.exec(svg)?.[1] ?? '';
  return {
    width: Number(/ width="([\d.]+)"/.exec(open)?.[1] ?? 0),
    height: Number(/ height="([\d.]+)"/.exec(open)?.[1] ?? 0),
  };
}

/**
 * SVG of a spec with the project's renderer. The renderer refuses specs that
 * make Vega-Lite warn (right for the build); an exploratory spec is drawn
 * anyway with Vega's own compile, and the warnings are returned.
 */
export async function renderSvg(spec: VegaLiteSpec, name = 'chart'): Promise<{ svg: string; width: number; height: number; warnings: string[] }> {
  try {
    const r = await specToSvg(spec, name);
    return { svg: r.svg, width: r.width, height: r.height, warnings: [] };
  } catch (e) {
    const msg = (e as Error).message;
    if (!/Vega-Lite warnings/.test(msg)) throw e;
    // the renderer's own compile (its logger, its list of harmless warnings); only the drawing is done here
    const { vega: compiled, warnings } = compileSpec(spec, name);
    const vega = await import('vega');
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    try {
      const svg = await view.toSVG();
      return { svg, ...svgSize(svg), warnings };
    } finally {
      view.finalize();
    }
  }
}

/** Build the display bundle of a spec (rendered now unless the PNG and the SVG, for its size, are given). */
export async function chartBundle(spec: VegaLiteSpec, opts: { name?: string; svg?: string; png?: Uint8Array } = {}): Promise<ChartBundle> {
  const name = opts.name ?? String((spec as { usermeta?: { chart?: unknown } }).usermeta?.chart ?? 'chart');
  let warnings: string[] = [];
  let svg = opts.svg;
  if (svg === undefined) {
    const r = await renderSvg(spec, name);
    svg = r.svg;
    warnings = r.warnings;
  }
  const { width, height } = svgSize(svg);
  const png = opts.png ?? svgToPng(svg, 2).png;
  const title = specTitle(spec);
  const description = specDescription(spec);
  const plain = [`[chart ${name}]${title ? ` ${title}` : ''}`, description].filter(Boolean).join('\n');
  return {
    data: {
      [vegaLiteMime(spec as { $schema?: unknown })]: spec,
      'image/png': Buffer.from(png).toString('base64'),
      'text/plain': plain,
    },
    metadata: width && height ? { 'image/png': { width, height } } : {},
    warnings,
  };
}

/** Names of the charts the build wrote (output/charts/<name>.vl.json), sorted. */
export function builtChartNames(outDir: string): string[] {
  const dir = join(outDir, 'charts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.vl.json')).map((f) => f.slice(0, -'.vl.json'.length)).sort();
}

/** The spec of a built chart; a clear error listing the charts there are. */
export function readBuiltSpec(outDir: string, name: string): VegaLiteSpec {
  const file = join(outDir, 'charts', `${name}.vl.json`);
  if (!existsSync(file)) {
    const have = builtChartNames(outDir);
    throw new Error(`no chart named "${name}" in ${join(outDir, 'charts')}; `
      + (have.length ? `charts there: ${have.join(', ')}` : 'the build wrote no charts there'));
  }
  return JSON.parse(readFileSync(file, 'utf8')) as VegaLiteSpec;
}

/** Bundle of a built chart, using the SVG and PNG the build rendered when present. */
export async function builtChartBundle(outDir: string, name: string): Promise<ChartBundle> {
  const spec = readBuiltSpec(outDir, name);
  const base = join(outDir, 'charts', name);
  const svg = existsSync(`${base}.svg`) ? readFileSync(`${base}.svg`, 'utf8') : undefined;
  const png = svg !== undefined && existsSync(`${base}.png`) ? new Uint8Array(readFileSync(`${base}.png`)) : undefined;
  return chartBundle(spec, { name, svg, png });
}

/** Display a bundle; Vega-Lite warnings are printed under the chart. */
export async function displayChart(b: ChartBundle): Promise<void> {
  await displayBundle(b.data, b.metadata);
  for (const w of b.warnings) console.warn(`Vega-Lite warning: ${w}`);
}
