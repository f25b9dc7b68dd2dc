/**
 * The briefing PDF of the seed build, printed by Chromium during the build:
 * A4, a page count in range, page numbers on every page, no near-empty page,
 * and every finding on the page of its chart. Read with poppler (pdfinfo,
 * pdftotext); page images go to $ATLAS_SCREENSHOT_DIR (default
 * output/screenshots) for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KIND_CHART, type DataGapRow } from '../../pipelines/report/briefing/model.ts';
import { builtOut, openBuilt, query } from '../helpers/built.ts';

const SCREENSHOTS = resolve(process.env.ATLAS_SCREENSHOT_DIR ?? 'output/screenshots');
/** Text a page must carry to count as used (a chart page has its axis labels and findings). */
const MIN_PAGE_CHARS = 400;
/** A page whose text ends above this share of its height is mostly blank (the chart labels count as text). */
const MIN_PAGE_DEPTH = 0.4;

const pdf = () => join(builtOut(), 'briefing', 'briefing.pdf');

function pdfinfo(): Record<string, string> {
  const out = execFileSync('pdfinfo', [pdf()], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

function pageText(n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf(), '-'], { encoding: 'utf8' });
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** How far down the page its body text reaches, as a share of the page height (the footer, below 94 %, left out). */
function bodyDepth(n: number): number {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf(), '-'], { encoding: 'utf8' });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(xml)![1]);
  const bottoms = [...xml.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]) / height).filter((y) => y < 0.94);
  return Math.max(0, ...bottoms);
}

describe('briefing PDF', () => {
  const info = pdfinfo();
  const pages = Number(info.Pages);
  const texts = Array.from({ length: pages }, (_, i) => flat(pageText(i + 1)));

  it('is A4, dated by the documents, with a page count in range (8 pages before issue 16)', () => {
    expect(info['Page size']).toMatch(/^594\.96 x 841\.92 pts \(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(8);
    expect(info.CreationDate).toContain('2010');
  });

  it('numbers every page in the footer', () => {
    texts.forEach((t, i) => expect(t, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`));
  });

  it('has no near-empty page: every page carries at least 400 characters, and its text reaches 40 % down the page', () => {
    const counts = texts.map((t) => t.replace(/Page \d+ of \d+/, '').length);
    for (const [i, n] of counts.entries()) expect(n, `page ${i + 1}: ${n} characters`).toBeGreaterThanOrEqual(MIN_PAGE_CHARS);
    for (let i = 1; i <= pages; i++) expect(bodyDepth(i), `page ${i}`).toBeGreaterThanOrEqual(MIN_PAGE_DEPTH);
  });

  it('prints each finding on the page of its chart, and its citation once there', async () => {
    const db = await openBuilt();
    const rows = await query<DataGapRow>(db, 'SELECT * FROM data_gaps ORDER BY finding_id');
    db.close();
    const titles = Object.fromEntries(Object.values(KIND_CHART).map((name) => {
      const spec = JSON.parse(readFileSync(join(builtOut(), 'charts', `${name}.vl.json`), 'utf8'));
      const t = spec.title.text;
      return [name, flat(Array.isArray(t) ? t.join(' ') : t)];
    }));
    for (const r of rows) {
      const statement = flat(r.statement);
      const onPage = texts.findIndex((t, i) => i > 0 && t.includes(statement));
      expect(onPage, `${r.finding_id} printed whole on a page after the first`).toBeGreaterThan(0);
      const chart = KIND_CHART[r.kind as keyof typeof KIND_CHART];
      if (!chart) continue; // a kind with no chart of its own
      // The chart title is SVG text: its words, in order, on the same page.
      const words = titles[chart]!.split(' ').slice(0, 6).join(' ');
      expect(texts[onPage], `${r.finding_id}: chart ${chart} on page ${onPage + 1}`).toContain(words);
    }
  });

  it('renders its pages to images for review', () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf(), join(SCREENSHOTS, 'briefing-page')]);
    expect(readdirSync(SCREENSHOTS).filter((f) => /^briefing-page-\d+\.png$/.test(f)).length).toBeGreaterThanOrEqual(pages);
  });
});
