/**
 * A corpus that keeps its documents apart: the seed (A/HRC/14/32) with two real
 * PDFs, A/HRC/WG.6/20/SVN/3 (g1409727.pdf, whose CoE-GRETA paragraphs make
 * claims) and A/HRC/14/15 (g1012049.pdf), added with pipelines/add.ts and built
 * once. Every citation names each paragraph's document, in the data-gap
 * statements, the evidence views, the coverage tables, a chart tooltip and the
 * briefing's quotes; titles name the corpus, not one of its documents.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAddCli } from '../helpers/add-cli.ts';
import { runBuildCli, ROOT } from '../helpers/cli.ts';
import { openDb, query, type Db } from '../../pipelines/core/db.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-mixed-corpus-'));
const seeds = join(work, 'seeds');
const out = join(work, 'out', 'output');
const SVN3 = 'A/HRC/WG.6/20/SVN/3';
const CORPUS = `3 documents: A/HRC/14/15, A/HRC/14/32, ${SVN3}`;
let db: Db;

beforeAll(() => {
  const add = runAddCli(['--seeds', seeds, join(ROOT, 'data/un-documents/g1409727.pdf'), join(ROOT, 'data/un-documents/g1012049.pdf'),
    join(ROOT, 'seeds/A_HRC_14_32_en.txt')]);
  expect(add.code, add.stderr).toBe(0);
  const build = runBuildCli(['--seeds', seeds, '--out', out]);
  expect(build.code, build.stderr).toBe(0);
}, 180_000);

beforeAll(async () => { db = await openDb(join(out, 'atlas.duckdb'), { readOnly: true }); }, 180_000);
afterAll(() => db?.close());

const rows = <T>(sql: string) => query<T>(db, sql);

/** "A/HRC/14/32, paras. 24, 62; A/HRC/WG.6/20/SVN/3, para. 30" → [['A/HRC/14/32', [24, 62]], [SVN3, [30]]] */
function parseCited(cited: string): [string, number[]][] {
  return cited.split('; ').map((part) => {
    const m = /^(.+), paras?\. ([\d, ]+)$/.exec(part);
    if (!m) throw new Error(`not a citation: ${part}`);
    return [m[1]!, m[2]!.split(', ').map(Number)];
  });
}

describe('data_gaps', () => {
  it('cites each paragraph with its own document, documents apart and separated by semicolons', async () => {
    const [redress] = await rows<{ statement: string; cited: string }>("SELECT statement, cited FROM data_gaps WHERE finding_id = 'redress:mechanisms'");
    expect(redress!.cited).toBe(`A/HRC/14/32, paras. 29, 88, 89, 90; ${SVN3}, paras. 17, 34`);
    expect(redress!.statement.endsWith(`(${redress!.cited}).`)).toBe(true);
  });

  it('every finding: the statement carries its citation, and every cited paragraph exists in the document it names', async () => {
    const gaps = await rows<{ finding_id: string; statement: string; cited: string | null; sources: { doc_id: string; para_no: number }[] }>(
      'SELECT finding_id, statement, cited, sources FROM data_gaps');
    const docs = new Map((await rows<{ doc_id: string; symbol: string }>('SELECT doc_id, symbol FROM documents')).map((d) => [d.symbol, d.doc_id]));
    const paras = new Set((await rows<{ k: string }>("SELECT doc_id || '/' || para_no AS k FROM paragraphs")).map((r) => r.k));
    expect(gaps.length).toBeGreaterThan(5);
    for (const g of gaps.filter((x) => x.cited !== null)) {
      expect(g.statement, g.finding_id).toContain(`(${g.cited}).`);
      const parsed = parseCited(g.cited!);
      // one entry per document, no document twice, no pooled symbols
      expect(new Set(parsed.map(([s]) => s)).size, g.finding_id).toBe(parsed.length);
      for (const [symbol, nos] of parsed) {
        expect(docs.has(symbol), `${g.finding_id}: ${symbol}`).toBe(true);
        for (const n of nos) expect(paras.has(`${docs.get(symbol)}/${n}`), `${g.finding_id}: ${symbol} para ${n}`).toBe(true);
      }
      expect(parsed.flatMap(([s, nos]) => nos.map((n) => `${docs.get(s)}/${n}`)).sort())
        .toEqual(g.sources.map((s) => `${s.doc_id}/${s.para_no}`).sort());
    }
  });
});

describe('evidence views and coverage', () => {
  it('evidence_named cites the GRETA paragraph as A/HRC/WG.6/20/SVN/3’s, with that document’s words', async () => {
    const [row] = await rows<{ citation: string; sentence: string }>(
      "SELECT citation, sentence FROM evidence_named WHERE symbol = 'A/HRC/WG.6/20/SVN/3' AND acronym = 'CoE' AND theme_id = 'redress' AND para_no = 34");
    expect(row!.citation).toBe(`${SVN3}, para. 34`);
    expect(row!.sentence).toMatch(/^CoE-GRETA expressed concern that no victims of trafficking have obtained compensation in Slovenia/);
    const [seed34] = await rows<{ text: string }>("SELECT text FROM paragraphs WHERE doc_id = 'a-hrc-14-32' AND para_no = 34");
    expect(seed34!.text).not.toContain('GRETA');
  });

  it('coverage keeps para 34 of A/HRC/WG.6/20/SVN/3 apart from para 34 of A/HRC/14/32', async () => {
    const [coe] = await rows<{ n_paragraphs: number; paragraphs: number[]; sources: { doc_id: string; para_no: number }[]; cited: string }>(
      "SELECT n_paragraphs, paragraphs, sources, cited FROM coverage_mechanism_theme WHERE mechanism_id = 'coe' AND theme_id = 'redress'");
    expect(coe!.sources).toContainEqual({ doc_id: 'a-hrc-wg-6-20-svn-3', para_no: 34 });
    expect(coe!.n_paragraphs).toBe(coe!.sources.length);
    expect(coe!.paragraphs).toEqual(coe!.sources.map((s) => s.para_no));
    // para 17: compensation "following amounts and criteria set out by the European Court of Human Rights" (a CoE organ)
    expect(coe!.cited).toBe(`A/HRC/14/32, para. 88; ${SVN3}, paras. 17, 34`);
  });

  it('recommendation_coverage and redress name the documents of their paragraphs too', async () => {
    const [r] = await rows<{ compensation_cited: string; cited: string }>("SELECT compensation_cited, cited FROM redress WHERE mechanism_id = 'coe'");
    expect(r!.compensation_cited).toBe(`A/HRC/14/32, para. 88; ${SVN3}, paras. 17, 34`);
    const asks = await rows<{ evidence_cited: string | null }>('SELECT evidence_cited FROM recommendation_coverage WHERE n_mechanisms > 0');
    for (const a of asks) for (const [symbol] of parseCited(a.evidence_cited!)) expect(['A/HRC/14/15', 'A/HRC/14/32', SVN3]).toContain(symbol);
  });
});

describe('charts and briefing', () => {
  const spec = (name: string) => JSON.parse(readFileSync(join(out, 'charts', `${name}.vl.json`), 'utf8'));
  const values = (s: unknown): Record<string, unknown>[] => {
    const found: Record<string, unknown>[] = [];
    const walk = (o: unknown) => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        const v = (o as { values?: unknown }).values;
        if (Array.isArray(v)) found.push(...v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object'));
        Object.values(o).forEach(walk);
      }
    };
    walk(s);
    return found;
  };

  it('a tooltip names each paragraph’s document (redress-elements, mechanism-theme-matrix)', () => {
    const coe = values(spec('redress-elements')).find((v) => v.mechanism_id === 'coe')!;
    expect(coe.compensation_paragraphs_text).toBe(`A/HRC/14/32, para. 88; ${SVN3}, paras. 17, 34`);
    const cell = values(spec('mechanism-theme-matrix')).find((v) => v.mechanism_id === 'coe' && v.theme_id === 'redress')!;
    expect(cell.paragraphs_text).toBe(`A/HRC/14/32, para. 88; ${SVN3}, paras. 17, 34`);
  });

  it('chart subtitles, the briefing and the explorer name the corpus, not one document', () => {
    for (const name of ['redress-elements', 'region-theme-heatmap', 'themes-ranked']) {
      expect((spec(name).title.subtitle as string[])[0]).toBe(`Source: Mechanism Atlas coding of ${CORPUS}.`);
    }
    const md = readFileSync(join(out, 'briefing', 'briefing.md'), 'utf8');
    expect(md.split('\n')[0]).toBe(`# Gaps in regional anti-trafficking cooperation: ${CORPUS}`);
    expect(md).not.toMatch(/Report submitted by the Special Rapporteur/);
    expect(readFileSync(join(out, 'explorer', 'index.html'), 'utf8')).toContain(`<title>Explorer: ${CORPUS}</title>`);
  });

  it('every quote of the briefing is the words of the paragraph and document it cites', async () => {
    const md = readFileSync(join(out, 'briefing', 'briefing.md'), 'utf8');
    const quotes = [...md.matchAll(/^> “(.+)” \((.+), para\. (\d+)\)$/gm)];
    expect(quotes.length).toBeGreaterThan(5);
    for (const [, text, symbol, para] of quotes) {
      const [p] = await rows<{ text: string }>(
        `SELECT p.text FROM paragraphs p JOIN documents d USING (doc_id) WHERE d.symbol = '${symbol}' AND p.para_no = ${Number(para)}`);
      expect(p, `${symbol}, para. ${para}`).toBeDefined();
      const words = text!.replace(/ …$/, '').replace(/\s+/g, ' ');
      expect(p!.text.replace(/\s+/g, ' '), `${symbol}, para. ${para}`).toContain(words);
    }
  });
});
