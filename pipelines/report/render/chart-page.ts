/** A chart's offline HTML page: the spec inline, drawn by the vendor scripts beside it, the SVG as fallback. */
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml, jsonForScript } from './html-escape.ts';
import { VENDOR_SCRIPTS } from './package-assets.ts';
import { specDescription, specTitle } from './spec-text.ts';

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
