/**
 * The numbers of a corpus briefing, recomputed from its tables: a synthetic corpus of nine
 * documents (bench/make-corpus.ts), built through the CLI. What the seed's test checks
 * (numbers.seed.test.ts) holds here too, and what only a corpus prints is checked as well:
 * citations shortened to their first document and the number of others
 * (briefing/brief-citation.ts), and what the report says mechanisms lack, grouped by
 * mechanism and lack with their paragraphs and documents (briefing/lacking-groups.ts).
 * Each expected text is rebuilt here from the tables by SQL written for this test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.ts';
import { openDb, query, type Db } from '../../pipelines/core/db.ts';
import { runBuildCli } from '../helpers/cli.ts';
import { type Gap, expectedNumbers, oneNumber, printedNumbers } from '../helpers/gap-numbers.ts';

let root: string;
let db: Db;
let md: string;
let html: string;
let gaps: (Gap & { cited: string })[];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'atlas-numbers-corpus-'));
  // Nine documents of seed 1: AU and ASEAN are said to lack funds in two documents each, so there are groups.
  const corpus = makeCorpus({ n: 9, dir: join(root, 'corpus'), seed: 1, reuse: false });
  const out = join(root, 'out');
  const r = runBuildCli(['--seeds', corpus.dir, '--out', out]);
  if (r.code !== 0) throw new Error(`the corpus build failed (exit ${r.code}):\n${r.stderr}`);
  db = await openDb(join(out, 'atlas.duckdb'), { readOnly: true });
  md = readFileSync(join(out, 'briefing', 'briefing.md'), 'utf8');
  // the page's text: tags dropped, entities decoded
  html = readFileSync(join(out, 'briefing', 'briefing.html'), 'utf8').replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!)
    .replace(/\s+/g, ' ');
  gaps = await query(db, 'SELECT finding_id, kind, subject, statement, value, denominator, cited FROM data_gaps ORDER BY finding_id');
}, 180_000);

afterAll(() => { db?.close(); rmSync(root, { recursive: true, force: true }); });

/** Markdown's escapes undone (the briefing's statements are plain text). */
const unescape = (s: string) => s.replace(/\\([\\`*_[\]<>&|~#+.)-])/g, '$1');
/** The finding statements the Markdown prints in bold, in order. */
const boldStatements = () => [...md.matchAll(/^\*\*(.*)\*\*$/gm)].map((m) => unescape(m[1]!));

/**
 * The rule of the briefing's methods note, from the tables: each cited document's symbol with its
 * paragraphs (symbols in order); more than three documents: the first and how many others.
 */
async function expectedCitation(sourcesSql: string): Promise<string> {
  const docs = await query<{ symbol: string; paras: number[] }>(db, `
    SELECT d.symbol, list(DISTINCT s.para_no ORDER BY s.para_no) AS paras
    FROM (${sourcesSql}) AS s JOIN documents d ON d.doc_id = s.doc_id GROUP BY d.symbol ORDER BY d.symbol`);
  const one = (d: { symbol: string; paras: number[] }) => `${d.symbol}, ${d.paras.length === 1 ? 'para.' : 'paras.'} ${[...d.paras].map(Number).join(', ')}`;
  if (docs.length <= 3) return docs.map(one).join('; ');
  return `${one(docs[0]!)} and ${docs.length - 1} other document${docs.length === 2 ? '' : 's'}; every source in data_gaps`;
}

const sourcesOf = (findingId: string) => `SELECT s.doc_id, s.para_no FROM (SELECT unnest(sources) AS s FROM data_gaps WHERE finding_id = '${findingId.replaceAll("'", "''")}')`;

/** What the report says each mechanism lacks, from the evidence: one row per mechanism and lack, as the briefing groups them. */
async function lackingGroups() {
  return query<{ acronym: string; lacks: string; n_paragraphs: number; n_documents: number; finding_ids: string[] }>(db, `
    WITH said AS (
      SELECT e.doc_id, e.mechanism_id, e.para_no, lower(array_to_string(list(DISTINCT t.label ORDER BY t.label), ', ')) AS lacks
      FROM evidence e JOIN themes t USING (theme_id) WHERE e.role = 'lacking' GROUP BY ALL
    )
    SELECT m.acronym, lacks, count(*)::INTEGER AS n_paragraphs, count(DISTINCT doc_id)::INTEGER AS n_documents,
      list('lacking:' || mechanism_id || ':' || doc_id || ':' || para_no ORDER BY doc_id, para_no) AS finding_ids
    FROM said JOIN mechanisms m USING (mechanism_id) GROUP BY ALL ORDER BY m.acronym, lacks`);
}

describe('numbers in a corpus briefing', () => {
  it('prints every finding but the lacking ones as data_gaps has it, its citation shortened by the rule, with the numbers the tables give', async () => {
    const printed = boldStatements();
    let shortened = 0;
    for (const g of gaps.filter((x) => x.kind !== 'lacking')) {
      const citation = await expectedCitation(sourcesOf(g.finding_id));
      if (citation.endsWith('every source in data_gaps')) shortened++;
      const statement = g.statement.replace(/\s+/g, ' ').trim().replace(`(${g.cited})`, () => `(${citation})`);
      expect(printed.filter((p) => p === statement), `${g.finding_id}: ${statement}`).toHaveLength(1);
      expect(html.includes(statement), g.finding_id).toBe(true);
      expect(printedNumbers(statement), `${g.finding_id}: ${statement}`).toEqual(await expectedNumbers(db, g));
    }
    expect(shortened).toBeGreaterThan(0);
    expect(md).not.toContain(gaps.find((g) => g.kind === 'redress')!.cited);
  });

  it('names each organisation that had not responded once, by its registry acronym (documents name them differently)', async () => {
    const [names] = await query<{ s: string }>(db, `SELECT string_agg(DISTINCT coalesce(m.acronym, r.name_in_text), ', ' ORDER BY coalesce(m.acronym, r.name_in_text)) AS s
      FROM data_requests r LEFT JOIN mechanisms m USING (mechanism_id) WHERE NOT r.responded`);
    const g = gaps.find((x) => x.kind === 'no_response')!;
    expect(g.statement).toContain(`had not been answered when the documents were written: ${names!.s} (`);
    expect(boldStatements().filter((p) => p.includes(names!.s))).toHaveLength(1);
  });

  it('prints what the report says each mechanism lacks once, with its paragraphs and documents, the citation by the rule', async () => {
    const printed = boldStatements();
    const groups = await lackingGroups();
    expect(groups.filter((x) => x.finding_ids.length > 1).length).toBeGreaterThan(0);
    // every 'lacking' finding of data_gaps is in exactly one group
    expect(groups.flatMap((x) => x.finding_ids).sort()).toEqual(gaps.filter((g) => g.kind === 'lacking').map((g) => g.finding_id).sort());
    for (const x of groups) {
      if (x.finding_ids.length === 1) {
        const g = gaps.find((r) => r.finding_id === x.finding_ids[0])!;
        expect(printed.filter((p) => p === g.statement), g.finding_id).toHaveLength(1);
        continue;
      }
      const ids = x.finding_ids.map((id) => `'${id}'`).join(', ');
      const citation = await expectedCitation(`SELECT s.doc_id, s.para_no FROM (SELECT unnest(sources) AS s FROM data_gaps WHERE finding_id IN (${ids}))`);
      const statement = `The report says ${x.acronym} lacks what it needs for ${x.lacks} in ${x.n_paragraphs} paragraphs of `
        + `${x.n_documents} document${x.n_documents === 1 ? '' : 's'} (${citation}).`;
      expect(printed.filter((p) => p === statement), statement).toHaveLength(1);
      expect(html.includes(statement), statement).toBe(true);
      expect(printedNumbers(statement)).toEqual([Number(x.n_paragraphs), Number(x.n_documents)]);
      // no finding of the group is printed on its own
      for (const id of x.finding_ids) expect(printed).not.toContain(gaps.find((r) => r.finding_id === id)!.statement);
    }
  });

  it('says how many findings data_gaps has and how many it prints, and the non-response of the methods note', async () => {
    const groups = await lackingGroups();
    const n = await oneNumber(db, 'SELECT count(*) FROM data_gaps');
    const shown = gaps.filter((g) => g.kind !== 'lacking').length + groups.length;
    expect(boldStatements()).toHaveLength(shown);
    expect(md).toContain(`${n} findings, printed here as ${shown} (see Grouping under Methods and caveats)`);
    const methods = md.slice(md.indexOf('## Methods and caveats'));
    const asked = [await oneNumber(db, 'SELECT count(*) FILTER (WHERE NOT responded) FROM data_requests'), await oneNumber(db, 'SELECT count(*) FROM data_requests'),
      await oneNumber(db, 'SELECT count(DISTINCT mechanism_id) FROM data_requests'), await oneNumber(db, 'SELECT count(DISTINCT doc_id) FROM data_requests')];
    const citation = await expectedCitation('SELECT doc_id, para_no FROM data_requests');
    // a corpus counts requests (an organisation is asked once per document), with the organisations and documents
    expect(unescape(methods)).toContain(`${asked[0]} of the ${asked[1]} requests for information (${asked[2]} organisations, in ${asked[3]} documents) had not been answered (${citation})`);
    expect(methods).toContain('Citations. A citation that names more than 3 documents');
    expect(methods).toContain('Grouping. ');
  });
});
