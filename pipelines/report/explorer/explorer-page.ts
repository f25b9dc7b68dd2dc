/**
 * The explorer's HTML: a static shell (no data in the markup), the data and
 * the two chart specs as JSON blocks, the vendored scripts beside the page and
 * the client script inlined. The client fills every element with DOM text
 * nodes, so no document text is ever parsed as HTML.
 */
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml, jsonForScript } from '../render/html-escape.ts';
import { AtlasError } from '../../core/errors.ts';
import type { ExplorerData } from './explorer-data.ts';

/** Scripts the page loads from vendor/ beside it, in order. */
export const EXPLORER_VENDOR = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'minisearch.js'] as const;

export interface ExplorerPageInput {
  /** Said under the title, e.g. that the page holds only part of a large corpus. */
  notice?: string;
  data: ExplorerData;
  specs: { matrix: TopLevelSpec; heatmap: TopLevelSpec };
  /** The client script's source (pipelines/report/explorer/explorer-client.js). */
  client: string;
  /** Cited source, e.g. "A/HRC/14/32". */
  docSymbol: string;
}

const STYLE = `
  :root { --ink: #222; --muted: #555; --line: #ddd; --accent: #0072B2; --focus: #D55E00; --mark: #FFE9A8; }
  * { box-sizing: border-box; }
  html { scroll-padding-top: var(--bar-height, 5rem); }
  body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
  header.top { padding: 0.8rem 1.2rem 0.4rem; }
  h1 { font-size: 1.3rem; margin: 0 0 0.2rem; }
  h2 { font-size: 1.1rem; margin: 0.4rem 0; }
  .lede { margin: 0; color: var(--muted); font-size: 0.9rem; max-width: 60rem; }
  .skip { position: absolute; left: -999px; }
  .skip:focus { left: 0.5rem; top: 0.5rem; background: #fff; padding: 0.3rem; z-index: 10; }
  .bar { position: sticky; top: 0; z-index: 5; background: #f7f7f7; border-bottom: 1px solid var(--line);
    padding: 0.5rem 1.2rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: end; }
  .bar label { display: flex; flex-direction: column; font-size: 0.78rem; color: var(--muted); }
  .bar select, .bar input, .bar button { font: inherit; font-size: 0.88rem; color: var(--ink); padding: 0.2rem 0.3rem; }
  .bar select { max-width: 15rem; }
  .bar input[type=search] { width: 16rem; }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 26rem; gap: 1rem; padding: 0.5rem 1.2rem; align-items: start; }
  @media (max-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr); } }
  .charts { overflow-x: auto; }
  figure { margin: 0 0 1rem; }
  figcaption { font-size: 0.82rem; color: var(--muted); max-width: 50rem; }
  .vis .mark-rect path[data-cell] { cursor: pointer; }
  .vis .mark-text text { pointer-events: none; }
  .vis .mark-rect path[data-cell]:focus { outline: none; stroke: var(--focus); stroke-width: 3px; }
  .vis .mark-rect path.selected { stroke: var(--ink); stroke-width: 2px; }
  .panel { position: sticky; top: var(--bar-height, 5rem); max-height: calc(100vh - var(--bar-height, 5rem) - 1rem); overflow-y: auto; border: 1px solid var(--line);
    padding: 0.5rem 0.8rem; background: #fff; }
  .panel section + section { border-top: 1px solid var(--line); margin-top: 0.6rem; }
  .summary { font-size: 0.85rem; color: var(--muted); margin: 0.2rem 0 0.5rem; }
  ol.list { list-style: none; padding: 0; margin: 0; }
  ol.list > li { border-bottom: 1px solid #eee; padding: 0.45rem 0; }
  .meta { font-size: 0.82rem; margin: 0 0 0.2rem; }
  .role { display: inline-block; border: 1px solid var(--muted); border-radius: 3px; padding: 0 0.3rem; font-size: 0.75rem; }
  .role-actor { border-color: var(--accent); color: var(--accent); }
  blockquote { margin: 0; font-size: 0.88rem; }
  mark { background: var(--mark); color: inherit; padding: 0 1px; }
  mark.dim { background: #eee; }
  .reader { padding: 0.5rem 1.2rem 4rem; max-width: 52rem; }
  .doc-head { border-top: 2px solid var(--ink); margin-top: 1rem; padding-top: 0.4rem; }
  .doc-head p { margin: 0.1rem 0; font-size: 0.88rem; color: var(--muted); }
  .reader h4, .reader h5, .reader h6 { margin: 1rem 0 0.3rem; }
  .reader h4 { font-size: 1.02rem; } .reader h5 { font-size: 0.95rem; } .reader h6 { font-size: 0.9rem; font-style: italic; }
  p.para { margin: 0.3rem 0 0.6rem; padding: 0.2rem 0.4rem; border-left: 3px solid transparent; }
  p.para.current { border-left-color: var(--focus); background: #FFF6E0; }
  a.pno { display: inline-block; min-width: 2.2rem; font-size: 0.8rem; color: var(--accent); }
  .hint { color: var(--muted); font-size: 0.88rem; }
  .error { color: #a00; white-space: pre-wrap; }
`;

/** The page; deterministic for the same input. */
export function explorerHtml(input: ExplorerPageInput): string {
  if (/<\/script/i.test(input.client)) {
    throw new AtlasError('the client script contains "</script", which would end its <script> element early',
      { stage: 'write-explorer', file: 'pipelines/report/explorer/explorer-client.js' });
  }
  const symbol = escapeHtml(input.docSymbol);
  const scripts = EXPLORER_VENDOR.map((f) => `<script src="vendor/${f}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Explorer: ${symbol}</title>
<style>${STYLE}</style>
${scripts}
</head>
<body>
<a class="skip" href="#q">Skip to search</a>
<header class="top">
<h1>Mechanism Atlas explorer: ${symbol}</h1>
<p class="lede">Every cell of the charts opens the claims behind it, with the quote from the report. Counts are Mechanism Atlas's coding of the report; only claims where the mechanism is the actor count toward coverage.</p>
${input.notice ? `<p class="lede notice">${escapeHtml(input.notice)}</p>` : ''}
</header>
<form class="bar" id="filters" role="search" aria-label="Filters and search">
<label>Region<select id="f-region"></select></label>
<label>Mechanism<select id="f-mechanism"></select></label>
<label>Theme<select id="f-theme"></select></label>
<label>Role<select id="f-role"></select></label>
<label>Document<select id="f-doc"></select></label>
<button type="button" id="f-clear">Clear filters</button>
<label>Search paragraphs<input type="search" id="q" autocomplete="off" placeholder="e.g. compensation"></label>
</form>
<div class="layout">
<main class="charts" id="charts">
<figure>
<div class="vis" id="matrix" role="figure" aria-label="Matrix of mechanisms against themes. Each cell is focusable: arrow keys move, Enter lists its claims."></div>
<figcaption>Mechanism × theme. Click a cell, or focus it and press Enter, to list its claims.</figcaption>
</figure>
<figure>
<div class="vis" id="heatmap" role="figure" aria-label="Heatmap of regions against themes. Each cell is focusable: arrow keys move, Enter lists its claims."></div>
<figcaption>Region × theme: number of mechanisms of the region with evidence on the theme.</figcaption>
</figure>
</main>
<aside class="panel" id="panel" aria-label="Claims and search results">
<section id="search-section" hidden>
<h2 id="search-title">Search results</h2>
<p class="summary" id="search-summary" aria-live="polite"></p>
<ol class="list" id="results"></ol>
</section>
<section id="claims-section">
<h2 id="claims-title">Claims</h2>
<p class="summary" id="claims-summary" aria-live="polite"></p>
<ol class="list" id="claims"></ol>
</section>
</aside>
</div>
<section class="reader" id="reader" aria-label="Reader">
<h2>Reader</h2>
<p class="hint">Each paragraph's number is a link to it (for example <a href="#${escapeHtml(input.data.documents[0]?.slug ?? '')}/1">#${escapeHtml(input.data.documents[0]?.slug ?? '')}/1</a>). Mechanisms named in the text are highlighted.</p>
<div id="reader-body"></div>
</section>
<script type="application/json" id="atlas-data">${jsonForScript(input.data)}</script>
<script type="application/json" id="atlas-specs">${jsonForScript(input.specs)}</script>
<script>
${input.client}
</script>
</body>
</html>
`;
}
