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
import { mechanismThemeMatrix, regionThemeHeatmap } from './charts/index.ts';
import { packageDir, vendorFiles } from './render/package-assets.ts';
import { type ExplorerTables, prepareExplorerData } from './explorer/explorer-data.ts';
import { EXPLORER_VENDOR, explorerHtml } from './explorer/explorer-page.ts';
import type { WriteFn } from './render-charts.ts';

export interface ExplorerInput extends ExplorerTables {
  coverage_mechanism_theme: readonly RowOf<typeof coverage_mechanism_theme>[];
  coverage_region_theme: readonly RowOf<typeof coverage_region_theme>[];
}

const CLIENT_FILE = fileURLToPath(new URL('./explorer/explorer-client.js', import.meta.url));

/** The page's scripts under vendor/, source map comments dropped (the maps are not copied). */
function explorerVendorFiles(): { name: string; data: Uint8Array }[] {
  const charts = new Map(vendorFiles().map((v) => [v.relPath.replace(/^vendor\//, ''), v.data]));
  const minisearch = readFileSync(join(packageDir('minisearch'), 'dist', 'umd', 'index.js'), 'utf8')
    .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  charts.set('minisearch.js', new TextEncoder().encode(minisearch));
  return EXPLORER_VENDOR.map((name) => ({ name, data: charts.get(name)! }));
}

/**
 * The page embeds every paragraph and claim it shows (about 0.2 MB a document), so a large
 * corpus is cut to its first documents (by symbol); the charts still count the whole corpus.
 */
export const EXPLORER_MAX_DOCUMENTS = 25;

/** The doc_ids the page shows: the first `max` documents by symbol (then doc_id). */
export function explorerDocuments(documents: readonly { doc_id: string; symbol: string }[], max = EXPLORER_MAX_DOCUMENTS): string[] {
  return [...documents].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0) || (a.doc_id < b.doc_id ? -1 : 1))
    .slice(0, max).map((d) => d.doc_id);
}

/** The tables restricted to the first `max` documents by symbol, and the notice that says so (null when nothing was cut). */
export function explorerSlice<T extends ExplorerTables>(t: T, max = EXPLORER_MAX_DOCUMENTS): { tables: T; notice: string | null } {
  if (t.documents.length <= max) return { tables: t, notice: null };
  const keep = new Set(explorerDocuments(t.documents, max));
  const only = <R extends { doc_id: string }>(rows: readonly R[]) => rows.filter((r) => keep.has(r.doc_id));
  return {
    tables: { ...t, documents: only(t.documents), paragraphs: only(t.paragraphs), headings: only(t.headings), mentions: only(t.mentions), evidence: only(t.evidence) },
    notice: `This page holds the first ${max} of the corpus's ${t.documents.length} documents (by symbol): the charts count all of them, the claims, the reader and the search only these. The tables in output/tables have everything.`,
  };
}

/** Writes explorer/index.html and explorer/vendor/*; returns the page's size in bytes. */
export async function writeExplorer(all: ExplorerInput, opts: { write: WriteFn; docSymbol: string; documents?: Readonly<Record<string, string>> }): Promise<{ bytes: number }> {
  const { tables: t, notice } = explorerSlice(all);
  const data = prepareExplorerData(t);
  const mechanismLabels = Object.fromEntries(data.mechanisms.map((m) => [m.mechanism_id, m.acronym]));
  const themeOrder = data.themes.map((th) => th.theme_id);
  const base = { docSymbol: opts.docSymbol, mechanismLabels, themeOrder, documents: opts.documents };
  const specs = {
    matrix: mechanismThemeMatrix(t.coverage_mechanism_theme, base),
    heatmap: regionThemeHeatmap(t.coverage_region_theme, base),
  };
  const html = explorerHtml({ data, specs, client: readFileSync(CLIENT_FILE, 'utf8'), docSymbol: opts.docSymbol, notice: notice ?? undefined });
  for (const v of explorerVendorFiles()) await opts.write(`explorer/vendor/${v.name}`, v.data);
  await opts.write('explorer/index.html', html);
  return { bytes: Buffer.byteLength(html) };
}
