import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GROUPING_RULE, HEADLINE_ORDER, type BriefingDoc, type BriefingTables, type DataGapRow, type Finding, briefingModel, citedStatement, formatDate,
  headlines, inputId,
} from '../../../pipelines/report/briefing/model.ts';
import { CITATION_RULE } from '../../../pipelines/report/briefing/brief-citation.ts';
import { QUOTE_WORDS, clipWords, quotesForFinding } from '../../../pipelines/report/briefing/quotes.ts';
import * as F from '../../fixtures/charts/rows.ts';

const tables = F.briefingTables();
const ctx = { mechanisms: tables.mechanisms, symbols: { A_HRC_14_32: 'A/HRC/14/32' } };
const finding = (id: string) => tables.data_gaps.find((r) => r.finding_id === id)!;

function texts(doc: BriefingDoc): string {
  return doc.sections.flatMap((s) => s.blocks.map((b) => JSON.stringify(b))).join('\n');
}

describe('quotesForFinding', () => {
  it('quotes the passages of the finding’s theme and cited paragraphs, cited "A/HRC/14/32, para. N"', () => {
    const q = quotesForFinding(finding('few_mechanisms:civil_society'), tables.evidence, ctx);
    expect(q.map((x) => [x.acronym, x.citation])).toEqual([['CoE', 'A/HRC/14/32, para. 62'], ['COMMIT', 'A/HRC/14/32, para. 62']]);
    // A passage of another theme in a cited paragraph is not quoted (OSCE training, para. 88).
    const redress = quotesForFinding(finding('redress:compensation_fund'), tables.evidence, ctx);
    expect(redress.map((x) => x.acronym)).toEqual(['CoE']);
  });

  it('shortens a passage to the sentence naming the mechanism, at most 40 words, cut at a word', () => {
    const [q] = quotesForFinding(finding('few_mechanisms:new_technologies'), tables.evidence, ctx);
    expect(q!.text).toBe('The CoE is one of the few organizations that has addressed the impact of new information technologies on human trafficking.');
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    expect(clipWords(long).split(' ')).toHaveLength(QUOTE_WORDS + 1);
    expect(clipWords(long).endsWith('word39 …')).toBe(true);
    const named = quotesForFinding({ ...finding('missing_data_collection:data_collection'), statement: 'x (EU)' },
      [{ ...tables.evidence[4]!, quote: `Preamble without a name. ${tables.evidence[4]!.quote}` }], ctx);
    expect(named[0]!.text.startsWith('The EU has launched')).toBe(true);
  });

  it('keeps only actor claims when the evidence has a role column', () => {
    const withRoles = tables.evidence.map((e) => ({ ...e, role: e.mechanism_id === 'coe' ? 'comparison' : 'actor' }));
    const q = quotesForFinding(finding('few_mechanisms:civil_society'), withRoles, ctx);
    expect(q.map((x) => x.acronym)).toEqual(['COMMIT']);
    expect(quotesForFinding(finding('few_mechanisms:new_technologies'), withRoles, ctx)).toEqual([]);
  });

  it('returns at most max quotes and none for uncited paragraphs', () => {
    expect(quotesForFinding(finding('few_mechanisms:civil_society'), tables.evidence, { ...ctx, max: 1 })).toHaveLength(1);
    expect(quotesForFinding({ ...finding('few_mechanisms:civil_society'), citations: [1], sources: [{ doc_id: 'A_HRC_14_32', para_no: 1 }] }, tables.evidence, ctx)).toEqual([]);
  });

  it('quotes a cited paragraph of its own document only: para 62 of another document is not para 62', () => {
    const elsewhere = { ...finding('few_mechanisms:civil_society'), sources: [{ doc_id: 'a-hrc-14-37', para_no: 62 }] };
    expect(quotesForFinding(elsewhere, tables.evidence, ctx)).toEqual([]);
  });
});

describe('citations, headlines, date and build id', () => {
  it('prints a statement’s citation once: kept when the statement has it, appended when it has none', () => {
    const cited = 'Only 1 of 17 mechanisms works on funding: LAS (A/HRC/14/32, para. 105).';
    expect(citedStatement(cited, 'A/HRC/14/32, para. 105')).toBe(cited);
    expect(citedStatement('One mechanism addresses a fund.', 'A/HRC/14/32, paras. 85, 88')).toBe('One mechanism addresses a fund (A/HRC/14/32, paras. 85, 88).');
  });

  it('takes one headline per kind in the documented order, the smallest share first, three to five', () => {
    const h = headlines(tables.data_gaps);
    expect(h.map((r) => r.kind)).toEqual(['redress', 'no_response', 'few_mechanisms', 'missing_data_collection', 'thin_region']);
    expect(h.find((r) => r.kind === 'few_mechanisms')!.finding_id).toBe('few_mechanisms:new_technologies'); // 2/15 < 4/15
    const two: DataGapRow[] = tables.data_gaps.filter((r) => r.kind === 'few_mechanisms' || r.kind === 'redress');
    expect(headlines(two)).toHaveLength(3);
    expect(HEADLINE_ORDER).toHaveLength(6);
  });

  it('dates the briefing by the newest document (or the date given), never the clock', () => {
    const docs = [...tables.documents, { doc_id: 'b', symbol: 'A/HRC/17/35', title: 'Later', date: '2011-04-13' }];
    expect(briefingModel({ ...tables, documents: docs }).date).toBe('2011-04-13');
    expect(briefingModel(tables, { date: '2020-01-02' }).date).toBe('2020-01-02');
    expect(formatDate('2010-05-04')).toBe('4 May 2010');
  });

  it('derives the build id from the inputs: same tables, same id; any change, another id', () => {
    const a = briefingModel(tables).buildId;
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(briefingModel(F.briefingTables()).buildId).toBe(a);
    expect(inputId({ x: [{ a: 1, b: 2 }] })).toBe(inputId({ x: [{ b: 2, a: 1 }] }));
    // Column order does not count, BIGINT hashes (at any depth), and nested values do count.
    expect(inputId({ x: [{ a: 1n, s: [{ c: 'x', d: 2n }], u: undefined }] })).toBe(inputId({ x: [{ s: [{ c: 'x', d: 2n }], a: 1n }] }));
    expect(inputId({ x: [{ s: [{ c: 'x', d: 2n }] }] })).not.toBe(inputId({ x: [{ s: [{ c: 'x', d: 3n }] }] }));
    expect(inputId({ x: [{ s: [{ c: 'x', d: 2 }] }] })).not.toBe(inputId({ x: [{ s: [{ c: 'y', d: 2 }] }] }));
    // Each row's columns in name order, whatever the row before had: the hash of the JSON lines themselves.
    const lines = 'x\n{"a":1,"b":2}\n{"a":4,"b":3}\n{"a":5}\n{"a":6,"c":[{"doc_id":"d","para_no":7}]}\n';
    expect(inputId({ x: [{ a: 1, b: 2 }, { b: 3, a: 4 }, { a: 5 }, { c: [{ doc_id: 'd', para_no: 7 }], a: 6 }] }))
      .toBe(createHash('sha256').update(lines).digest('hex').slice(0, 12));
    const changed = { ...tables, data_gaps: tables.data_gaps.map((r, i) => (i === 0 ? { ...r, value: r.value + 1 } : r)) };
    expect(briefingModel(changed).buildId).not.toBe(a);
  });
});

describe('briefingModel', () => {
  const doc = briefingModel(tables, { corpus: 'A/HRC/14/32', charts: [{ name: 'redress-elements', title: 'Only 1 of 3 mechanisms …', description: 'Grid' }] });
  const all = texts(doc);

  it('names the corpus from the documents and lists the source documents, date and build', () => {
    expect(briefingModel(tables).title).toBe('Gaps in regional anti-trafficking cooperation: A/HRC/14/32');
    expect(doc.subtitle).toBe('A/HRC/14/32: Report of the Special Rapporteur on trafficking in persons');
    const about = doc.sections.find((s) => s.id === 'about')!;
    expect(JSON.stringify(about)).toContain('4 May 2010');
    expect(JSON.stringify(about)).toContain(doc.buildId);
    expect(JSON.stringify(about)).toContain('A/HRC/14/32 (4 May 2010)');
  });

  it('has a summary of 3–5 one-sentence headlines, each with its citation', () => {
    const list = doc.sections.find((s) => s.id === 'summary')!.blocks[0] as { type: 'list'; items: string[] };
    expect(list.items.length).toBeGreaterThanOrEqual(3);
    expect(list.items.length).toBeLessThanOrEqual(5);
    for (const i of list.items) expect(i).toMatch(/A\/HRC\/14\/32, paras?\. \d/);
  });

  it('gives every finding its statement with the citation once, and its quotes', () => {
    const findings = doc.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'finding').map((b) => b.finding);
    expect(findings).toHaveLength(tables.data_gaps.length);
    for (const f of findings) {
      const citation = /A\/HRC\/14\/32, paras?\. [\d, ]+/.exec(f.statement)![0];
      expect(f.statement.split(citation)).toHaveLength(2);
    }
    expect(findings.find((f) => f.id === 'finding-redress-compensation-fund')!.quotes[0]!.citation).toBe('A/HRC/14/32, para. 88');
    // Non-response rests on the request records of para. 3.
    expect(findings.find((f) => f.id === 'finding-no-response-africa')!.quotes[0]!.text).toMatch(/^She regrets not having yet received a response/);
  });

  it('puts the chart of each kind after its findings', () => {
    const redress = doc.sections.find((s) => s.id === 'kind-redress')!;
    expect(redress.blocks.at(-1)).toEqual({ type: 'chart', chart: { name: 'redress-elements', title: 'Only 1 of 3 mechanisms …', description: 'Grid' } });
    expect(redress.keepTogether).toBe(true);
  });

  it('has a methods and caveats section: counts, claim roles, the report’s caveat (para. 34), non-response (para. 3), whose counts', () => {
    const methods = JSON.stringify(doc.sections.find((s) => s.id === 'methods'));
    expect(methods).toContain('What a count means');
    expect(methods).toContain('only actor claims count');
    expect(methods).toContain('"text":"Only a few selected initiatives are highlighted under each thematic section, due to space limitations, while many more could have been included.","citation":"A/HRC/14/32, para. 34"');
    const asked = tables.data_requests.length;
    const silent = tables.data_requests.filter((r) => !r.responded).length;
    expect(methods).toContain(`${silent} of the ${asked} organisations asked for information had not responded (A/HRC/14/32, para. 3)`);
    expect(methods).toContain('The counts are Mechanism Atlas’s coding of the report');
    expect(methods).toContain('Every count and quote here rests on actor claims.');
  });
});

describe('briefingModel of a corpus: long citations shortened, what mechanisms lack grouped', () => {
  const docs = ['d1', 'd2', 'd3', 'd4', 'd5'].map((id, i) => ({ doc_id: id, symbol: `A/HRC/14/32/SYN.${i + 1}`, title: 'Variant', date: '2010-05-04' }));
  const cite = (sources: { doc_id: string; para_no: number }[]) => docs.filter((d) => sources.some((s) => s.doc_id === d.doc_id))
    .map((d) => { const ps = sources.filter((s) => s.doc_id === d.doc_id).map((s) => s.para_no); return `${d.symbol}, ${ps.length === 1 ? 'para.' : 'paras.'} ${ps.join(', ')}`; })
    .join('; ');
  const lacking = (mech: string, acronym: string, doc: string, para = 105): DataGapRow => {
    const sources = [{ doc_id: doc, para_no: para }];
    return { finding_id: `lacking:${mech}:${doc}:${para}`, kind: 'lacking', subject: acronym, value: 1, denominator: 1, citations: [para], sources, cited: cite(sources),
      statement: `The report says ${acronym} lacks what it needs for funding: “${acronym} lacked the necessary funds (${doc}).”${` (${cite(sources)})`}.` };
  };
  const everywhere = docs.flatMap((d) => [{ doc_id: d.doc_id, para_no: 85 }, { doc_id: d.doc_id, para_no: 88 }]);
  const redress: DataGapRow = { ...F.dataGapRows().find((r) => r.kind === 'redress')!, sources: everywhere, cited: cite(everywhere), citations: everywhere.map((s) => s.para_no),
    statement: `Only 1 of the 15 mechanisms is described addressing redress: CoE (${cite(everywhere)}).` };
  const rows = [redress, ...['d1', 'd2', 'd4', 'd5'].map((d) => lacking('las', 'LAS', d)), lacking('eu', 'EU', 'd3')];
  const t: BriefingTables = { ...tables, documents: docs, data_gaps: rows, data_requests: [] };
  const doc = briefingModel(t);
  const findings = doc.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'finding').map((b) => (b as { finding: Finding }).finding);

  it('prints a citation of more than three documents as its first document and the number of others', () => {
    const r = findings.find((f) => f.id === 'finding-redress-compensation-fund')!;
    expect(r.statement).toBe('Only 1 of the 15 mechanisms is described addressing redress: CoE (A/HRC/14/32/SYN.1, paras. 85, 88 and 4 other documents; every source in data_gaps).');
    expect(texts(doc)).not.toContain(redress.cited);
    const summary = doc.sections.find((s) => s.id === 'summary')!.blocks[0] as { type: 'list'; items: string[] };
    expect(summary.items).toContain(r.statement);
  });

  it('prints one mechanism’s lack of the same things once: paragraphs, documents, citation, the first quoted', () => {
    const las = findings.find((f) => f.id === 'finding-lacking-las-funding')!;
    expect(las.statement).toBe('The report says LAS lacks what it needs for funding in 4 paragraphs of 4 documents (A/HRC/14/32/SYN.1, para. 105 and 3 other documents; every source in data_gaps).');
    // two findings in the section: two quotes each, the first from the document the citation names
    expect(las.quotes.map((q) => [q.text, q.citation])).toEqual([['LAS lacked the necessary funds (d1).', 'A/HRC/14/32/SYN.1, para. 105'],
      ['LAS lacked the necessary funds (d2).', 'A/HRC/14/32/SYN.2, para. 105']]);
    expect(las.explorer).toBe('../explorer/index.html#claims?mechanism=las&role=lacking');
    // a lack stated once is printed as data_gaps has it
    expect(findings.find((f) => f.id === 'finding-lacking-eu-d3-105')!.statement).toBe(rows.at(-1)!.statement);
    expect(findings.map((f) => f.id)).toEqual(['finding-redress-compensation-fund', 'finding-lacking-eu-d3-105', 'finding-lacking-las-funding']);
  });

  it('says how many findings it prints of how many, and states both rules in the methods note; a one-document briefing states neither', () => {
    expect(texts(doc)).toContain(`${rows.length} findings, printed here as ${findings.length} (see Grouping under Methods and caveats)`);
    const methods = JSON.stringify(doc.sections.find((s) => s.id === 'methods'));
    expect(methods).toContain(CITATION_RULE);
    expect(methods).toContain(GROUPING_RULE);
    const one = texts(briefingModel(tables));
    expect(one).not.toContain('Citations. ');
    expect(one).not.toContain('Grouping. ');
    expect(one).not.toContain('printed here as');
  });

  it('is the same for the same tables', () => {
    expect(JSON.stringify(briefingModel(t))).toBe(JSON.stringify(doc));
  });
});
