/**
 * The briefing model as one self-contained HTML file: styles in the page, charts
 * inlined as SVG (their ids prefixed so that several charts can share a page),
 * no script, and no link to another file; the only links are to places in the
 * page. The same file is printed to PDF by Chromium (print rules below: A4, each
 * finding section kept on one page with its chart; print-pdf.ts shrinks a chart
 * whose section would not fit).
 */
import { escapeHtml } from '../render/html-escape.ts';
import type { Block, BriefingDoc, Finding, Section } from './model.ts';

/**
 * Prefix every id of an SVG (and the references to them), so that two inlined
 * charts never resolve each other's clip paths or gradients.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  let out = svg;
  for (const id of new Set(ids)) {
    const e = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`(\\sid=")${e}"`, 'g'), `$1${prefix}${id}"`)
      .replace(new RegExp(`url\\(#${e}\\)`, 'g'), `url(#${prefix}${id})`)
      .replace(new RegExp(`(href=")#${e}"`, 'g'), `$1#${prefix}${id}"`);
  }
  return out.replace(/^<\?xml[^>]*>\s*/, '');
}

function quoteHtml(text: string, citation: string): string {
  return `<blockquote><p>“${escapeHtml(text)}” <cite>(${escapeHtml(citation)})</cite></p></blockquote>`;
}

function findingHtml(f: Finding): string {
  const quotes = f.quotes.map((q) => quoteHtml(q.text, q.citation)).join('\n');
  return `<div class="finding" id="${escapeHtml(f.id)}">
<p class="statement">${escapeHtml(f.statement)}</p>
${quotes}${f.explorer ? `\n<p class="explorer"><a href="${escapeHtml(f.explorer)}">The claims behind it, in the explorer</a></p>` : ''}
</div>`;
}

function blockHtml(b: Block, charts: ReadonlyMap<string, { svg: string }>): string {
  switch (b.type) {
    case 'text': return `<p>${escapeHtml(b.text)}</p>`;
    case 'list': return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'meta': return `<dl class="meta">${b.items.map((i) => `<dt>${escapeHtml(i.label)}</dt><dd>${escapeHtml(i.value)}</dd>`).join('')}</dl>`;
    case 'finding': return findingHtml(b.finding);
    case 'quote': return quoteHtml(b.text, b.citation);
    case 'chart': {
      const svg = charts.get(b.chart.name)?.svg;
      const body = svg ? prefixSvgIds(svg, `${b.chart.name}-`) : `<p class="missing">${escapeHtml(b.chart.title)}</p>`;
      return `<figure class="chart" id="chart-${escapeHtml(b.chart.name)}" aria-label="${escapeHtml(b.chart.description)}">
${body}
</figure>`;
    }
  }
}

function sectionHtml(s: Section, charts: ReadonlyMap<string, { svg: string }>): string {
  return `<section id="${escapeHtml(s.id)}"${s.keepTogether ? ' class="keep"' : ''}>
<h2>${escapeHtml(s.heading)}</h2>
${s.blocks.map((b) => blockHtml(b, charts)).join('\n')}
</section>`;
}

const STYLE = `
  body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.5rem; margin: 0 0 0.2rem; }
  .subtitle { margin: 0 0 0.8rem; color: #444; }
  h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; border-bottom: 1px solid #ddd; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.4rem 0; }
  dl.meta dt { font-weight: bold; }
  dl.meta dd { margin: 0; }
  .finding { margin: 0 0 0.8rem; }
  .explorer { font-size: 0.85em; margin: 0.2rem 0 0; }
  @media print { .explorer { display: none; } }
  .statement { margin: 0.2rem 0 0.3rem; font-weight: bold; }
  blockquote { margin: 0.2rem 0 0.4rem 1rem; padding-left: 0.7rem; border-left: 3px solid #0072B2; color: #333; }
  blockquote p { margin: 0; font-style: italic; }
  cite { font-style: normal; font-size: 0.9em; white-space: nowrap; }
  figure.chart { margin: 0.8rem 0; }
  figure.chart svg { max-width: 100%; height: auto; }
  nav ul { columns: 2; font-size: 0.9rem; }
  @page { size: A4; margin: 14mm 14mm 18mm 14mm; }
  @media print {
    body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.35; }
    h1 { font-size: 15pt; }
    h2 { font-size: 12pt; margin-top: 0; break-after: avoid; }
    nav { display: none; }
    a { color: inherit; text-decoration: none; }
    section { margin-bottom: 6mm; }
    section.keep { break-inside: avoid; }
    .finding, blockquote, figure.chart { break-inside: avoid; }
    figure.chart { margin: 2mm 0 0; }
    figure.chart svg { width: auto; height: auto; max-width: 100%; max-height: 190mm; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
`;

/** The briefing as a self-contained HTML page; `charts` gives each chart's SVG by name. */
export function renderHtml(doc: BriefingDoc, charts: ReadonlyMap<string, { svg: string }>): string {
  const toc = doc.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.heading)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
<nav aria-label="Contents"><ul>
${toc}
</ul></nav>
</header>
<main>
${doc.sections.map((s) => sectionHtml(s, charts)).join('\n')}
</main>
</body>
</html>
`;
}
