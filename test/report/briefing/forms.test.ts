/**
 * The briefing forms of the seed build (HTML, Word, Markdown): self-contained
 * HTML, every finding with its citation printed once, charts embedded, and
 * dates that come from the documents, not the clock. The PDF is checked in
 * test/browser/briefing-pdf.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCitation } from '../../../pipelines/report/charts/common.ts';
import { KIND_CHART, type DataGapRow } from '../../../pipelines/report/briefing/model.ts';
import { prefixSvgIds } from '../../../pipelines/report/briefing/render-html.ts';
import { escapeMarkdown } from '../../../pipelines/report/briefing/render-markdown.ts';
import { escapeHtml } from '../../../pipelines/report/render.ts';
import { builtOut, openBuilt, query } from '../../helpers/built.ts';

const dir = () => join(builtOut(), 'briefing');
const read = (f: string) => readFileSync(join(dir(), f), 'utf8');

async function findings(): Promise<DataGapRow[]> {
  const db = await openBuilt();
  try {
    return await query<DataGapRow>(db, 'SELECT * FROM data_gaps ORDER BY finding_id');
  } finally { db.close(); }
}

function unzip(file: string, entry: string): string {
  return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** The text of each <w:p> of a WordprocessingML part, with whether it is italic (a quote). */
function wordParagraphs(xml: string): { text: string; italic: boolean }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!).join('')
      .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
    italic: /<w:i\/>|<w:i w:val="true"\/>/.test(m[0]),
  }));
}

describe('briefing forms of the seed build', () => {
  it('writes the four forms and no other file', () => {
    for (const f of ['briefing.html', 'briefing.pdf', 'briefing.docx', 'briefing.md']) expect(existsSync(join(dir(), f)), f).toBe(true);
    expect(existsSync(join(dir(), 'index.html'))).toBe(false);
  });

  it('HTML is self-contained: inline SVG charts and styles, no script, no link to another file but the explorer beside it', async () => {
    const html = read('briefing.html');
    const refs = [...html.matchAll(/\s(?:src|href|xlink:href)="([^"]*)"/g)].map((m) => m[1]!);
    const explorer = refs.filter((r) => r.startsWith('../explorer/index.html#claims?'));
    expect(explorer.length).toBeGreaterThanOrEqual(5);
    expect(refs.filter((r) => !r.startsWith('#') && !r.startsWith('data:') && !explorer.includes(r))).toEqual([]);
    expect(html).not.toMatch(/<script|<link |<img |@import|url\((?!#)/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/); // only SVG namespace URIs
    expect((html.match(/<svg /g) ?? []).length).toBe(Object.keys(KIND_CHART).length);
    // Ids are unique across the inlined charts, and every url(#…) resolves to one of them.
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
    for (const r of await findings()) expect(html).toContain(escapeHtml(r.statement.replace(/\s+/g, ' ').trim()));
    expect(html).toContain('Source: Mechanism Atlas coding of A/HRC/14/32.');
  });

  it('prefixes chart ids so that two charts never share one', () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';
    expect(prefixSvgIds(svg, 'a-')).toBe('<svg><defs><clipPath id="a-clip1"><rect/></clipPath></defs><g clip-path="url(#a-clip1)"><use href="#a-clip1"/></g></svg>');
  });

  it('Word: every finding once in its section, its citation printed once, quotes beside it, charts as PNG, A4 with page numbers', async () => {
    const file = join(dir(), 'briefing.docx');
    const xml = unzip(file, 'word/document.xml');
    const paras = wordParagraphs(xml);
    const methods = paras.findIndex((p) => p.text === 'Methods and caveats');
    const firstFinding = paras.findIndex((p, i) => i > methods && /^(Redress|Organisations|Themes|Collection|Regions|Groups)/.test(p.text));
    expect(methods).toBeGreaterThan(0);
    expect(firstFinding).toBeGreaterThan(methods);
    const body = paras.slice(firstFinding);
    for (const r of await findings()) {
      const statement = r.statement.replace(/\s+/g, ' ').trim();
      const citation = formatCitation('A/HRC/14/32', r.citations);
      expect(body.filter((p) => p.text === statement), r.finding_id).toHaveLength(1);
      // Outside the quotes, the citation appears in the statement alone, and only once there.
      const withCitation = body.filter((p) => !p.italic && !p.text.startsWith('“') && p.text.includes(citation));
      expect(withCitation.map((p) => p.text), r.finding_id).toEqual([statement]);
      expect(statement.split(citation), r.finding_id).toHaveLength(2);
    }
    expect(body.filter((p) => /^“.*” \(A\/HRC\/14\/32, para\. \d+\)$/.test(p.text)).length).toBeGreaterThanOrEqual(12);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect((listing.match(/word\/media\/\w+\.png/g) ?? []).length).toBe(Object.keys(KIND_CHART).length);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footers = listing.match(/word\/footer\d+\.xml/g) ?? [];
    expect(footers.length).toBeGreaterThan(0);
    expect(unzip(file, footers[0]!)).toMatch(/PAGE/);
  });

  it('Word: dated by the newest document, not the clock (core properties and zip entries)', () => {
    const file = join(dir(), 'briefing.docx');
    expect(unzip(file, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2010-05-04T00:00:00Z</dcterms:created>');
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    const dates = [...listing.matchAll(/\s(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}\s/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(5);
    expect(new Set(dates)).toEqual(new Set(['2010-05-04']));
  });

  it('Markdown carries the same content: summary, findings with citation once, quotes, methods', async () => {
    const md = read('briefing.md');
    for (const h of ['## About this briefing', '## Summary', '## Methods and caveats', '## Redress for victims']) expect(md).toContain(h);
    for (const r of await findings()) {
      const line = `**${escapeMarkdown(r.statement)}**`;
      expect(md.split(line), r.finding_id).toHaveLength(2);
      expect(line.split(escapeMarkdown(formatCitation('A/HRC/14/32', r.citations))), r.finding_id).toHaveLength(2);
    }
    expect(md).toMatch(/^> “.*” \(A\/HRC\/14\/32, para\. 34\)$/m);
    for (const m of md.matchAll(/\]\(\.\.\/charts\/([a-z-]+\.png)\)/g)) expect(existsSync(join(builtOut(), 'charts', m[1]!)), m[1]).toBe(true);
  });
});
