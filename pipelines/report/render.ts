/**
 * Everything that turns a Vega-Lite spec into files, re-exported for callers
 * that want it all in one import (notebooks, tests). Importing this loads
 * vega, vega-lite and resvg; code that needs only escaping, spec text or
 * assets imports the module under render/ instead.
 *
 *   render/package-assets.ts  vendor scripts and world atlas from node_modules
 *   render/fonts.ts           DejaVu font files and text widths
 *   render/spec-text.ts       stable JSON, title, description
 *   render/html-escape.ts     HTML and <script> escaping
 *   render/compile-spec.ts    Vega-Lite → Vega
 *   render/spec-to-svg.ts     Vega → SVG (DejaVu text metrics, scoped to the layout)
 *   render/svg-to-png.ts      SVG → PNG with resvg
 *   render/chart-page.ts      the offline HTML page
 *   render/render-chart.ts    one chart to all four forms
 */
export { packageDir, VENDOR_SCRIPTS, vendorFiles, loadWorldAtlas, type WorldTopology } from './render/package-assets.ts';
export { FONT_FILES, fontPaths, textWidth } from './render/fonts.ts';
export { stableJson, specTitle, specDescription } from './render/spec-text.ts';
export { escapeHtml, jsonForScript } from './render/html-escape.ts';
export { compileSpec } from './render/compile-spec.ts';
export { specToSvg } from './render/spec-to-svg.ts';
export { svgToPng } from './render/svg-to-png.ts';
export { chartHtml } from './render/chart-page.ts';
export { renderChart, type RenderedChart, type RenderOptions, type RenderTimings } from './render/render-chart.ts';
