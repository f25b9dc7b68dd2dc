/**
 * Stage render-charts: the reporting tables → one Vega-Lite spec per chart →
 * charts/<name>.vl.json, .svg, .png (2×) and .html, plus the vendor scripts
 * the pages load (charts/vendor/) and an index page. Output goes through the
 * injected write(), under relative paths; the caller picks the folder.
 *
 * Same rows in, same bytes out: nothing here depends on time, locale or the
 * machine (timings are returned, never written).
 *
 * Stale charts render in the chart thread (render/chart-thread.ts); a chart whose
 * spec (and renderer) is unchanged since the previous build is copied from it
 * (render/chart-keys.ts), and when none is stale no thread is started.
 */
import { performance } from 'node:perf_hooks';
import { PARAMS } from '../core/params.ts';
import type { ChartTables } from './chart-tables.ts';
import {
  CHART_NAMES, type ChartName, type CountriesTopology, type VegaLiteSpec, genderInclusion, mechanismThemeMatrix,
  memberMap, memberMapRows, recommendationsCoverage, redressElements, regionThemeHeatmap, requestResponses,
  themesRanked, protectionMap, protectionMapRows, scoresByMechanism, scoresByMechanismRows, countryProfile,
  countryProfileRows,
} from './charts/index.ts';
import { formatCited } from './charts/common.ts';
import { mechanismsWithoutEvidence } from './charts/mechanism-rows.ts';
import { DOC_SYMBOL } from './charts/theme.ts';
import { escapeHtml } from './render/html-escape.ts';
import { loadWorldAtlas, vendorFiles } from './render/package-assets.ts';
import { specDescription, specTitle, stableJson } from './render/spec-text.ts';
import type { RenderTimings } from './render/render-chart.ts';
import { RENDER_KEYS_FILE, chartKey, readPreviousChart, readRenderKeys, renderKeysJson, type ReusedChart } from './render/chart-keys.ts';
import { rendererFingerprint } from './render/renderer-fingerprint.ts';
import type { ChartLayout } from './render/render-all.ts';
import type { ChartThread, ThreadChart } from './render/chart-thread.ts';

export type WriteFn = (relPath: string, data: string | Uint8Array) => Promise<void>;

export type { ChartTables } from './chart-tables.ts';

export interface ChartSpecOptions {
  /** The corpus as titles name it (lib/corpus-name.ts). */
  docSymbol?: string;
  /** doc_id → symbol: with several documents, tooltips name each paragraph's document. */
  documents?: Readonly<Record<string, string>>;
  /** Threshold of "addressed by few mechanisms" (default PARAMS.few_mechanisms_max). */
  fewMechanismsMax?: number;
  /** world-atlas countries TopoJSON (default: read from node_modules). */
  topology?: CountriesTopology;
  /** Country of country-profile (default THA, else the member of most mechanisms). */
  profileIso3?: string;
}

export interface RenderChartsOptions extends ChartSpecOptions {
  write: WriteFn;
  /** Render only these charts (default all). */
  only?: readonly ChartName[];
  /** The previous build's folder: charts with the same key there are reused, not rendered. */
  previousDir?: string;
  /** The chart thread, started by the caller ahead of time (it closes it); else one is started here if a chart is stale. */
  thread?: ChartThread;
  /**
   * Charts whose specs are built and laid out before the others (the rest in chart order): those
   * the briefing can show, whose SVGs its HTML (and so its PDF) needs.
   */
  first?: readonly string[];
  /** Called with each chart's SVG as soon as it is known (a reused chart's at once), while PNGs may still be rasterising. */
  onSvg?(chart: ChartSvg): void;
}

/** What a chart is before its PNG: enough for the briefing's HTML. */
export type ChartSvg = Pick<ChartResult, 'name' | 'title' | 'description' | 'svg' | 'width' | 'height'>;

export interface ChartResult {
  name: ChartName;
  title: string;
  description: string;
  /** Paths written, relative to the output folder. */
  files: string[];
  svg: string;
  /** The PNG (2×), for documents that cannot show SVG (Word). */
  png: Uint8Array;
  /** SVG size (CSS px); the PNG is twice that. */
  width: number;
  height: number;
  timings: RenderTimings;
}

export interface RenderChartsResult {
  charts: ChartResult[];
  /** Charts taken from the previous build. */
  reused: ChartName[];
  totalMs: number;
}

/**
 * A builder of each chart's spec from the tables, so that a chart can be handed to the chart
 * thread as soon as its spec is built. What several charts share is made once, by the first
 * that needs it; the world atlas is read only for the maps, when none is given.
 */
export function chartSpecBuilders(tables: ChartTables, opts: ChartSpecOptions = {}): Record<ChartName, () => VegaLiteSpec> {
  const docSymbol = opts.docSymbol ?? DOC_SYMBOL;
  const mechanismLabels: Record<string, string> = {};
  for (const r of tables.coverage_mechanism_theme) mechanismLabels[r.mechanism_id] = r.acronym;
  for (const m of tables.mechanisms ?? []) mechanismLabels[m.mechanism_id] = m.acronym;
  const themeRows = [...(tables.themes ?? [])].sort((a, b) => a.sort_order - b.sort_order);
  const themeOrder = themeRows.length ? themeRows.map((t) => t.theme_id) : undefined;
  const base = { docSymbol, mechanismLabels, documents: opts.documents };
  const once = <T>(make: () => T) => { let v: { value: T } | undefined; return () => (v ??= { value: make() }).value; };
  const topology = once(() => opts.topology ?? (loadWorldAtlas() as unknown as CountriesTopology));
  const grid = once(() => ({
    ...base,
    withoutEvidence: mechanismsWithoutEvidence(tables.coverage_mechanism_theme, tables.data_requests),
    requestParas: formatCited(tables.data_requests.map((r) => r.para_no), tables.data_requests, base),
  }));
  return {
    'region-theme-heatmap': () => regionThemeHeatmap(tables.coverage_region_theme, { ...base, themeOrder }),
    'mechanism-theme-matrix': () => mechanismThemeMatrix(tables.coverage_mechanism_theme, { ...grid(), themeOrder }),
    'themes-ranked': () => themesRanked(tables.coverage_mechanism_theme, { ...base, themeOrder, threshold: opts.fewMechanismsMax ?? PARAMS.few_mechanisms_max }),
    'gender-inclusion': () => genderInclusion(tables.gender_inclusion, grid()),
    'redress-elements': () => redressElements(tables.redress, grid()),
    'request-responses': () => requestResponses(tables.data_requests, base),
    'recommendations-coverage': () => recommendationsCoverage(tables.recommendation_coverage, base),
    'member-map': () => {
      const themeCount = new Set([...tables.coverage_mechanism_theme.map((r) => r.theme_id), ...themeRows.map((t) => t.theme_id)]).size;
      return memberMap(memberMapRows(tables), { ...base, themeCount, topology: topology() });
    },
    'protection-map': () => protectionMap(protectionMapRows(tables, mechanismLabels), { ...base, topology: topology() }),
    'scores-by-mechanism': () => {
      const withMembers = new Set(tables.country_mechanisms.map((r) => r.mechanism_id));
      const withoutMembers = (tables.mechanisms ?? []).filter((m) => !withMembers.has(m.mechanism_id)).map((m) => m.acronym);
      return scoresByMechanism(scoresByMechanismRows(tables), { ...base, withoutMembers, indicators: tables.mechanism_indicators });
    },
    'country-profile': () => countryProfile(countryProfileRows(tables), { ...base, themeOrder, iso3: opts.profileIso3 }),
  };
}

/** Every chart's spec from the tables (pure apart from reading the world atlas when none is given). */
export function buildChartSpecs(tables: ChartTables, opts: ChartSpecOptions = {}): Record<ChartName, VegaLiteSpec> {
  const builders = chartSpecBuilders(tables, opts);
  return Object.fromEntries(CHART_NAMES.map((n) => [n, builders[n]()])) as Record<ChartName, VegaLiteSpec>;
}

/** Build, render and write every chart; returns what was written and how long each took. */
export async function renderCharts(tables: ChartTables, opts: RenderChartsOptions): Promise<RenderChartsResult> {
  return startCharts(tables, opts).done;
}

/** The charts' specs, built, and their rendering under way. */
export interface StartedCharts {
  specs: Record<ChartName, VegaLiteSpec>;
  /** Every chart rendered (or reused) and written. */
  done: Promise<RenderChartsResult>;
}

/**
 * Build every chart's spec, handing each stale one to the chart thread as soon as it is built
 * (so the thread lays charts out while this thread builds the next specs and, after this
 * returns, whatever the caller does next), and write the charts once all are rendered. A chart
 * whose key equals the previous build's is reused. Returns once every spec is built.
 */
export function startCharts(tables: ChartTables, opts: RenderChartsOptions): StartedCharts {
  const t0 = performance.now();
  const builders = chartSpecBuilders(tables, opts);
  const names = CHART_NAMES.filter((n) => !opts.only || opts.only.includes(n));
  const first = names.filter((n) => opts.first?.includes(n)).sort((a, b) => opts.first!.indexOf(a) - opts.first!.indexOf(b));
  const fingerprint = rendererFingerprint();
  const previousKeys = readRenderKeys(opts.previousDir);
  const specs = {} as Record<ChartName, VegaLiteSpec>;
  const json = new Map<ChartName, string>();
  const keys: Record<string, string> = {};
  const reused = new Map<ChartName, ReusedChart>();
  const rendering = new Map<ChartName, Promise<ThreadChart>>();
  const svgOf = (name: ChartName, s: ChartLayout): ChartSvg =>
    ({ name, title: specTitle(specs[name]), description: specDescription(specs[name]), svg: s.svg, width: s.width, height: s.height });
  const renderIn = (thread: ChartThread, name: ChartName) => {
    const chart = thread.render({ name, spec: specs[name], json: json.get(name)! }, (layout) => opts.onSvg?.(svgOf(name, layout)));
    chart.catch(() => undefined); // awaited in writeCharts
    rendering.set(name, chart);
  };
  // stale charts waiting for a thread, when the caller started none: writeCharts starts one
  const waiting: ChartName[] = [];
  for (const name of [...first, ...names.filter((n) => !first.includes(n))]) {
    specs[name] = builders[name]();
    json.set(name, stableJson(specs[name]));
    keys[name] = chartKey(json.get(name)!, fingerprint);
    const previous = opts.previousDir && previousKeys[name] === keys[name] ? readPreviousChart(opts.previousDir, name) : null;
    if (previous) {
      reused.set(name, previous);
      opts.onSvg?.(svgOf(name, previous));
    } else if (opts.thread) renderIn(opts.thread, name);
    else waiting.push(name);
  }
  return { specs, done: writeCharts() };

  async function writeCharts(): Promise<RenderChartsResult> {
    // imported only when a chart is stale: a render that reuses every chart starts no thread
    const thread = waiting.length ? (await import('./render/chart-thread.ts')).startChartThread() : undefined;
    const rendered = new Map<ChartName, ThreadChart>();
    try {
      for (const name of waiting) renderIn(thread!, name);
      // the vendor scripts are written while the thread renders
      for (const v of vendorFiles()) await opts.write(`charts/${v.relPath}`, v.data);
      for (const [name, r] of rendering) rendered.set(name, await r);
    } finally {
      await thread?.close();
    }
    const charts: ChartResult[] = [];
    for (const name of names) {
      const r = rendered.get(name) ?? { ...reused.get(name)!, timings: { compileMs: 0, svgMs: 0, pngMs: 0, htmlMs: 0, totalMs: 0 } };
      const files = [`charts/${name}.vl.json`, `charts/${name}.svg`, `charts/${name}.png`, `charts/${name}.html`];
      await opts.write(files[0]!, json.get(name)!);
      await opts.write(files[1]!, r.svg);
      await opts.write(files[2]!, r.png);
      await opts.write(files[3]!, r.html);
      charts.push({
        name, title: specTitle(specs[name]), description: specDescription(specs[name]), files,
        svg: r.svg, png: r.png, width: r.width, height: r.height, timings: r.timings,
      });
    }
    await opts.write(RENDER_KEYS_FILE, renderKeysJson(keys));
    await opts.write('charts/index.html', chartIndexHtml(charts, opts.docSymbol ?? DOC_SYMBOL));
    return { charts, reused: [...reused.keys()], totalMs: performance.now() - t0 };
  }
}

/** A plain page listing the charts (static images, links to the interactive pages). */
export function chartIndexHtml(charts: readonly Pick<ChartResult, 'name' | 'title' | 'description' | 'width' | 'height'>[], docSymbol: string): string {
  const items = charts.map((c) => `<section>
<h2>${escapeHtml(c.title)}</h2>
<p><a href="${escapeHtml(c.name)}.html"><img src="${escapeHtml(c.name)}.svg" alt="${escapeHtml(c.description)}" width="${c.width}" height="${c.height}"></a></p>
<p class="links"><a href="${escapeHtml(c.name)}.html">Interactive (tooltips)</a> · <a href="${escapeHtml(c.name)}.svg">SVG</a> · <a href="${escapeHtml(c.name)}.png">PNG (2×)</a> · <a href="${escapeHtml(c.name)}.vl.json">Vega-Lite spec with data</a></p>
</section>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Charts: ${escapeHtml(docSymbol)}</title>
<style>
  body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 1.5rem; max-width: 72rem; }
  img { max-width: 100%; height: auto; border: 1px solid #eee; }
  .links { font-size: 0.85rem; }
</style>
</head>
<body>
<h1>Charts: ${escapeHtml(docSymbol)}</h1>
<p>Charts of regional and subregional anti-trafficking cooperation as described in ${escapeHtml(docSymbol)}. Open a chart's interactive page to see the mechanisms and paragraphs behind each mark.</p>
${items}
</body>
</html>
`;
}
