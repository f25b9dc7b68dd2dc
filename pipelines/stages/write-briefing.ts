/**
 * Stage write-briefing: the data-gap findings (data_gaps) as a short briefing,
 * briefing/index.html and briefing/briefing.md. Every statement comes from the
 * rows (nothing is hard-coded), carries its citation "A/HRC/14/32, paras. …"
 * and sits under the chart that shows it (chosen by the finding's kind).
 *
 * The HTML is self-contained: charts are embedded as SVG data-URI images
 * (isolated from the page: no id clashes, no script), all document text is
 * escaped, and nothing is loaded from the network.
 */
import { GAP_KINDS, type data_gaps } from '../catalog/coverage.ts';
import type { RowOf } from '../catalog/types.ts';
import { type ChartName, formatCitation } from '../charts/index.ts';
import { compareText } from '../charts/common.ts';
import { DOC_SYMBOL } from '../charts/theme.ts';
import { escapeHtml } from '../lib/render.ts';
import type { WriteFn } from './render-charts.ts';

export type DataGapRow = RowOf<typeof data_gaps>;
export type GapKind = (typeof GAP_KINDS)[number];

/** The chart that shows each kind of finding. */
export const KIND_CHART: Record<GapKind, ChartName> = {
  few_mechanisms: 'themes-ranked',
  lacking: 'mechanism-theme-matrix',
  thin_region: 'region-theme-heatmap',
  no_response: 'request-responses',
  missing_data_collection: 'mechanism-theme-matrix',
  group_left_out: 'gender-inclusion',
  personal_scope: 'gender-inclusion',
  redress: 'redress-elements',
};

export const KIND_HEADING: Record<GapKind, string> = {
  few_mechanisms: 'Themes addressed by few mechanisms',
  lacking: 'What the report says mechanisms lack',
  thin_region: 'Regions with thin coverage',
  no_response: 'Organisations that had not responded to the request for information',
  missing_data_collection: 'Collection of data',
  group_left_out: 'Groups left out',
  personal_scope: 'Whom the main instruments cover',
  redress: 'Redress for victims',
};

export const DEFAULT_DOCUMENT_TITLE =
  'Report of the Special Rapporteur on trafficking in persons, especially women and children, Joy Ngozi Ezeilo: '
  + 'regional and subregional cooperation in promoting a human rights-based approach to combating trafficking in persons (Human Rights Council, fourteenth session, 4 May 2010)';

/** What the briefing needs to know about a rendered chart. */
export interface BriefingChart {
  name: string;
  title: string;
  description: string;
  /** When given, the chart is embedded (data URI); else linked as ../charts/<name>.svg. */
  svg?: string;
  width?: number;
  height?: number;
}

export interface BriefingOptions {
  docSymbol?: string;
  documentTitle?: string;
  /** Charts rendered by render-charts (by name). */
  charts?: readonly BriefingChart[];
}

interface Section { kind: string; heading: string; chart?: string; rows: DataGapRow[] }

function isGapKind(k: string): k is GapKind {
  return (GAP_KINDS as readonly string[]).includes(k);
}

/** Findings grouped by kind, in the catalog's order of kinds (unknown kinds last), each by finding_id. */
export function sections(rows: readonly DataGapRow[]): Section[] {
  const kinds = [...new Set(rows.map((r) => r.kind))].sort((a, b) => {
    const ia = isGapKind(a) ? GAP_KINDS.indexOf(a) : GAP_KINDS.length;
    const ib = isGapKind(b) ? GAP_KINDS.indexOf(b) : GAP_KINDS.length;
    return ia - ib || compareText(a, b);
  });
  return kinds.map((kind) => ({
    kind,
    heading: isGapKind(kind) ? KIND_HEADING[kind] : `Other findings: ${kind.replaceAll('_', ' ')}`,
    chart: isGapKind(kind) ? KIND_CHART[kind] : undefined,
    rows: rows.filter((r) => r.kind === kind).sort((a, b) => compareText(a.finding_id, b.finding_id)),
  }));
}

/** One-line text: whitespace (including newlines) collapsed. */
function oneLine(s: string): string {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}

function slug(s: string): string {
  return `finding-${oneLine(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

function countText(r: DataGapRow): string {
  return `${r.value} of ${r.denominator}`;
}

// ---------------------------------------------------------------------------
// HTML

function chartFigure(name: string, chart: BriefingChart | undefined): string {
  const alt = chart?.description ?? `Chart ${name}`;
  const title = chart?.title ?? name;
  const size = chart?.width && chart?.height ? ` width="${chart.width}" height="${chart.height}"` : '';
  const src = chart?.svg
    ? `data:image/svg+xml;base64,${Buffer.from(chart.svg, 'utf8').toString('base64')}`
    : `../charts/${name}.svg`;
  return `<figure class="chart" id="chart-${escapeHtml(name)}">
<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size}>
<figcaption><strong>${escapeHtml(title)}</strong>
<span class="links">Interactive version with tooltips (mechanisms and paragraphs behind each mark): <a href="../charts/${escapeHtml(name)}.html">${escapeHtml(name)}.html</a> · <a href="../charts/${escapeHtml(name)}.png">PNG</a> · <a href="../charts/${escapeHtml(name)}.svg">SVG</a></span></figcaption>
</figure>`;
}

export function briefingHtml(rows: readonly DataGapRow[], opts: BriefingOptions = {}): string {
  const doc = opts.docSymbol ?? DOC_SYMBOL;
  const docTitle = opts.documentTitle ?? DEFAULT_DOCUMENT_TITLE;
  const charts = new Map((opts.charts ?? []).map((c) => [c.name, c]));
  const secs = sections(rows);
  const toc = secs.map((s) => `<li><a href="#kind-${escapeHtml(s.kind)}">${escapeHtml(s.heading)}</a> (${s.rows.length})</li>`).join('\n');
  const body = secs.map((s) => {
    const items = s.rows.map((r) => `<li class="finding" id="${escapeHtml(slug(r.finding_id))}">
<p class="statement">${escapeHtml(oneLine(r.statement))}</p>
<p class="meta"><span class="count">${escapeHtml(countText(r))}</span> · <cite>${escapeHtml(formatCitation(doc, r.citations))}</cite>${s.chart ? ` · <a href="#chart-${escapeHtml(s.chart)}">chart</a>` : ''}</p>
</li>`).join('\n');
    return `<section id="kind-${escapeHtml(s.kind)}">
<h2>${escapeHtml(s.heading)}</h2>
<ul class="findings">
${items}
</ul>
${s.chart ? chartFigure(s.chart, charts.get(s.chart)) : ''}
</section>`;
  }).join('\n');
  const n = rows.length;
  const allCharts = (opts.charts ?? []).map((c) => `<li><a href="../charts/${escapeHtml(c.name)}.html">${escapeHtml(c.title || c.name)}</a> (<a href="../charts/${escapeHtml(c.name)}.png">PNG</a>, <a href="../charts/${escapeHtml(c.name)}.svg">SVG</a>)</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data gaps in regional anti-trafficking cooperation: ${escapeHtml(doc)}</title>
<style>
  body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
  header { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: 0.3rem; }
  h2 { font-size: 1.15rem; margin-top: 2rem; }
  .about, .source { font-size: 0.95rem; }
  ul.findings { padding-left: 1.2rem; }
  .statement { margin: 0.2rem 0 0; }
  .meta { margin: 0 0 0.6rem; font-size: 0.85rem; color: #444; }
  cite { font-style: normal; }
  figure.chart { margin: 1rem 0; }
  figure.chart img { max-width: 100%; height: auto; border: 1px solid #eee; }
  figcaption { font-size: 0.85rem; color: #444; }
  .links { display: block; margin-top: 0.3rem; }
  @media print { a { color: inherit; text-decoration: none; } figure.chart { break-inside: avoid; } }
</style>
</head>
<body>
<header>
<h1>Data gaps in regional anti-trafficking cooperation</h1>
<p class="about">A briefing generated by the Mechanism Atlas: ${n === 1 ? 'one finding' : `${n} findings`} on what the report does not show &mdash; themes few mechanisms address, regions with thin coverage, organisations that did not respond, missing data collection, groups left out and redress. Each statement is computed from the atlas tables and cites the paragraphs it rests on; each chart shows the full picture behind the findings.</p>
<p class="source">Source document: <strong>${escapeHtml(doc)}</strong>, ${escapeHtml(docTitle)}.</p>
${secs.length ? `<nav><ul>\n${toc}\n</ul></nav>` : '<p>No findings.</p>'}
</header>
<main>
${body}
${allCharts ? `<section id="all-charts">\n<h2>All charts</h2>\n<ul>\n${allCharts}\n</ul>\n</section>` : ''}
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------
// Markdown

/** Escape text for Markdown (CommonMark/GFM): inline punctuation, HTML, and line-start markers. */
export function escapeMarkdown(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`)
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

export function briefingMarkdown(rows: readonly DataGapRow[], opts: BriefingOptions = {}): string {
  const doc = opts.docSymbol ?? DOC_SYMBOL;
  const docTitle = opts.documentTitle ?? DEFAULT_DOCUMENT_TITLE;
  const charts = new Map((opts.charts ?? []).map((c) => [c.name, c]));
  const n = rows.length;
  const out: string[] = [
    '# Data gaps in regional anti-trafficking cooperation',
    '',
    `A briefing generated by the Mechanism Atlas: ${n === 1 ? 'one finding' : `${n} findings`} on what the report does not show. `
      + 'Each statement is computed from the atlas tables and cites the paragraphs it rests on.',
    '',
    `Source document: **${escapeMarkdown(doc)}**, ${escapeMarkdown(docTitle)}.`,
    '',
  ];
  for (const s of sections(rows)) {
    out.push(`## ${escapeMarkdown(s.heading)}`, '');
    for (const r of s.rows) {
      out.push(`- ${escapeMarkdown(r.statement)} (${escapeMarkdown(countText(r))}) — ${escapeMarkdown(formatCitation(doc, r.citations))}`);
    }
    out.push('');
    if (s.chart) {
      const c = charts.get(s.chart);
      out.push(`![${escapeMarkdown(c?.description ?? s.chart)}](../charts/${s.chart}.svg)`, '');
      out.push(`Chart: ${escapeMarkdown(c?.title ?? s.chart)}; interactive version with tooltips: [${s.chart}.html](../charts/${s.chart}.html).`, '');
    }
  }
  if (n === 0) out.push('No findings.', '');
  if (opts.charts?.length) {
    out.push('## All charts', '');
    for (const c of opts.charts) out.push(`- [${escapeMarkdown(c.title || c.name)}](../charts/${c.name}.html) ([PNG](../charts/${c.name}.png), [SVG](../charts/${c.name}.svg))`);
    out.push('');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------

/** Write briefing/index.html and briefing/briefing.md; returns the paths written. */
export async function writeBriefing(rows: readonly DataGapRow[], opts: BriefingOptions & { write: WriteFn }): Promise<string[]> {
  const files = ['briefing/index.html', 'briefing/briefing.md'];
  await opts.write(files[0]!, briefingHtml(rows, opts));
  await opts.write(files[1]!, briefingMarkdown(rows, opts));
  return files;
}
