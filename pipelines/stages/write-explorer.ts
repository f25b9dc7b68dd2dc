/**
 * Stage write-explorer: one offline page, explorer/index.html, where every
 * cell of the mechanism × theme matrix and the region × theme heatmap opens
 * the claims behind it, paragraphs can be searched and every document read
 * paragraph by paragraph (#<doc-slug>/<para_no>). The scripts it loads
 * (vega, vega-lite, vega-embed, minisearch) are copied to explorer/vendor/,
 * so it works from file:// with no network. Same tables in, same bytes out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RowOf } from '../catalog/types.ts';
import type { coverage_mechanism_theme, coverage_region_theme } from '../catalog/coverage.ts';
import { mechanismThemeMatrix, regionThemeHeatmap } from '../charts/index.ts';
import { packageDir, vendorFiles } from '../lib/render.ts';
import { type ExplorerTables, prepareExplorerData } from '../explorer/explorer-data.ts';
import { EXPLORER_VENDOR, explorerHtml } from '../explorer/explorer-page.ts';
import type { WriteFn } from './render-charts.ts';

export interface ExplorerInput extends ExplorerTables {
  coverage_mechanism_theme: readonly RowOf<typeof coverage_mechanism_theme>[];
  coverage_region_theme: readonly RowOf<typeof coverage_region_theme>[];
}

export const EXPLORER_INPUTS = ['documents', 'paragraphs', 'headings', 'mentions', 'evidence', 'mechanisms', 'themes',
  'coverage_mechanism_theme', 'coverage_region_theme'] as const;

const CLIENT_FILE = fileURLToPath(new URL('../explorer/explorer-client.js', import.meta.url));

/** The page's scripts under vendor/, source map comments dropped (the maps are not copied). */
function explorerVendorFiles(): { name: string; data: Uint8Array }[] {
  const charts = new Map(vendorFiles().map((v) => [v.relPath.replace(/^vendor\//, ''), v.data]));
  const minisearch = readFileSync(join(packageDir('minisearch'), 'dist', 'umd', 'index.js'), 'utf8')
    .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  charts.set('minisearch.js', new TextEncoder().encode(minisearch));
  return EXPLORER_VENDOR.map((name) => ({ name, data: charts.get(name)! }));
}

/** Writes explorer/index.html and explorer/vendor/*; returns the page's size in bytes. */
export async function writeExplorer(t: ExplorerInput, opts: { write: WriteFn; docSymbol: string }): Promise<{ bytes: number }> {
  const data = prepareExplorerData(t);
  const mechanismLabels = Object.fromEntries(data.mechanisms.map((m) => [m.mechanism_id, m.acronym]));
  const themeOrder = data.themes.map((th) => th.theme_id);
  const base = { docSymbol: opts.docSymbol, mechanismLabels, themeOrder };
  const specs = {
    matrix: mechanismThemeMatrix(t.coverage_mechanism_theme, base),
    heatmap: regionThemeHeatmap(t.coverage_region_theme, base),
  };
  const html = explorerHtml({ data, specs, client: readFileSync(CLIENT_FILE, 'utf8'), docSymbol: opts.docSymbol });
  for (const v of explorerVendorFiles()) await opts.write(`explorer/vendor/${v.name}`, v.data);
  await opts.write('explorer/index.html', html);
  return { bytes: Buffer.byteLength(html) };
}
