/**
 * The real corpus: the seed (A/HRC/14/32) and the twelve UN PDFs of data/un-documents,
 * added with pipelines/add.ts and built once (about 30 s). A/HRC/14/37 cites A/HRC/14/32
 * in resolution 14/2 and in the account of the interactive dialogue; the UPR documents'
 * references to CoE bodies, EU-FRA and OSCE/ODIHR resolve to their mechanisms, and the
 * registry's citations of them (cited_in) were checked against the text by the build.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAddCli } from '../helpers/add-cli.ts';
import { runBuildCli, ROOT } from '../helpers/cli.ts';
import { openDb, query, type Db } from '../../pipelines/core/db.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-real-corpus-'));
const seeds = join(work, 'seeds');
const out = join(work, 'out', 'output');
const UN = join(ROOT, 'data', 'un-documents');
let db: Db;

beforeAll(async () => {
  const pdfs = readdirSync(UN).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(UN, f));
  expect(pdfs).toHaveLength(12);
  const add = runAddCli(['--seeds', seeds, ...pdfs, join(ROOT, 'seeds', 'A_HRC_14_32_en.txt')]);
  expect(add.code, add.stderr).toBe(0);
  const build = runBuildCli(['--seeds', seeds, '--out', out]);
  expect(build.code, build.stderr).toBe(0);
  db = await openDb(join(out, 'atlas.duckdb'), { readOnly: true });
}, 300_000);
afterAll(() => db?.close());

const rows = <T>(sql: string) => query<T>(db, sql);

describe('documents citing documents', () => {
  it('A/HRC/14/37 takes note of A/HRC/14/32 in resolution 14/2, para. 5, in these words', async () => {
    const cites = await rows<{ citation: string; found_in: string; sentence: string; cited_doc_id: string }>(`
      SELECT citation, found_in, sentence, cited_doc_id FROM document_citations
      WHERE symbol = 'A/HRC/14/37' AND cited_symbol = 'A/HRC/14/32' ORDER BY found_in, item_no`);
    const resolution = cites.find((c) => c.citation === 'A/HRC/14/37, resolution 14/2, para. 5');
    expect(resolution).toEqual({
      citation: 'A/HRC/14/37, resolution 14/2, para. 5', found_in: 'block', cited_doc_id: 'a-hrc-14-32',
      sentence: 'Takes note with appreciation of the report of the Special Rapporteur on trafficking in persons, especially women and children (A/HRC/14/32);',
    });
    const dialogue = cites.find((c) => c.citation === 'A/HRC/14/37, para. 97');
    expect(dialogue?.sentence).toBe('At the 10th meeting, on 3 June 2010, the Special Rapporteur on trafficking in persons, especially women and children, '
      + 'Joy Ngozi Ezeilo, presented her reports (A/HRC/14/32 and Add.1-5).');
  });

  it('resolves the documents the corpus holds, and only those', async () => {
    const [r] = await rows<{ resolved: bigint; wrong: bigint; missed: bigint }>(`
      SELECT count(cited_doc_id) AS resolved,
             count(*) FILTER (WHERE cited_doc_id IS NOT NULL AND d.symbol <> c.cited_symbol) AS wrong,
             count(*) FILTER (WHERE cited_doc_id IS NULL AND c.cited_symbol IN (SELECT symbol FROM documents)) AS missed
      FROM document_citations c LEFT JOIN documents d ON d.doc_id = c.cited_doc_id`);
    expect(Number(r!.resolved)).toBeGreaterThan(20);
    expect(Number(r!.wrong)).toBe(0);
    expect(Number(r!.missed)).toBe(0);
    // the Working Group report of the second cycle lists the three documents of the review
    const wg = await rows<{ cited_symbol: string }>("SELECT DISTINCT cited_symbol FROM document_citations WHERE symbol = 'A/HRC/28/15' ORDER BY 1");
    expect(wg.map((x) => x.cited_symbol)).toEqual(['A/HRC/WG.6/20/SVN/1', 'A/HRC/WG.6/20/SVN/2', 'A/HRC/WG.6/20/SVN/3']);
  });
});

describe('mentions in real documents', () => {
  it('resolves GRETA, CoE-Commissioner, OSCE/ODIHR, EU-FRA and the Convention’s full title to their mechanisms', async () => {
    const found = await rows<{ surface: string; mechanism_id: string; symbol: string; para_no: number }>(`
      SELECT DISTINCT m.surface, m.mechanism_id, d.symbol, m.para_no FROM mentions m JOIN documents d USING (doc_id)
      WHERE m.surface IN ('GRETA', 'CoE-Commissioner', 'OSCE/ODIHR', 'EU-FRA', 'EUAFR',
        'Council of Europe Convention on Action against Trafficking in Human Beings')`);
    const has = (surface: string, mechanism: string, symbol: string, para: number) =>
      expect(found, `${surface} → ${mechanism} in ${symbol}, para. ${para}`).toContainEqual({ surface, mechanism_id: mechanism, symbol, para_no: para });
    has('GRETA', 'coe', 'A/HRC/WG.6/20/SVN/3', 34);
    has('CoE-Commissioner', 'coe', 'A/HRC/WG.6/20/SVN/3', 15);
    has('OSCE/ODIHR', 'osce', 'A/HRC/WG.6/20/SVN/3', 42);
    has('EU-FRA', 'eu', 'A/HRC/WG.6/20/SVN/3', 26);
    has('EUAFR', 'eu', 'A/HRC/WG.6/20/SVN/3', 26);
    has('Council of Europe Convention on Action against Trafficking in Human Beings', 'coe', 'A/HRC/WG.6/7/SVN/1', 9);
  });

  it('leaves no regional mechanism among the unresolved acronyms (and prints what remains)', async () => {
    const left = await rows<{ acronym: string; n: number }>(`
      SELECT acronym, sum(n_occurrences)::INTEGER AS n FROM unresolved_acronyms GROUP BY acronym ORDER BY n DESC, acronym`);
    console.log(`unresolved acronyms of the real corpus (${left.length}): ${left.map((a) => `${a.acronym} ${a.n}`).join(', ')}`);
    const regional = ['COE', 'CPT', 'ACFC', 'CM', 'GRECO', 'ECRI', 'ECSR', 'ESCR', 'CECRML', 'CEECRML', 'ECHR', 'FRA', 'EUAFR', 'EUFRA',
      'FRONTEX', 'CEPOL', 'ODIHR', 'GRETA', 'OSCE', 'EU'];
    expect(left.map((a) => a.acronym).filter((a) => regional.includes(a))).toEqual([]);
    expect(left.map((a) => a.acronym)).toEqual(expect.arrayContaining(['CRC', 'CEDAW'])); // UN treaty bodies: not regional mechanisms
  });

  it('checked every curated citation of a reference into the corpus (the build would have stopped)', async () => {
    const [r] = await rows<{ n: bigint; outside: bigint }>(`
      SELECT count(*) AS n, count(*) FILTER (WHERE symbol NOT IN (SELECT symbol FROM documents)) AS outside FROM reference_citations`);
    expect(Number(r!.n)).toBeGreaterThan(100);
    expect(Number(r!.outside)).toBe(0);
  });
});

describe('the corpus keeps its documents apart', () => {
  it('names every cited document in the data-gap statements, and names the corpus in the briefing title', async () => {
    const symbols = new Set((await rows<{ symbol: string }>('SELECT symbol FROM documents')).map((d) => d.symbol));
    const gaps = await rows<{ finding_id: string; cited: string | null; statement: string }>('SELECT finding_id, cited, statement FROM data_gaps');
    for (const g of gaps.filter((x) => x.cited)) {
      expect(g.statement, g.finding_id).toContain(`(${g.cited}).`);
      for (const part of g.cited!.split('; ')) expect(symbols.has(part.replace(/, paras?\. .*$/, '')), `${g.finding_id}: ${part}`).toBe(true);
    }
    const [docs] = await rows<{ n: bigint }>('SELECT count(*) AS n FROM documents');
    expect(Number(docs!.n)).toBe(13);
  });
});
