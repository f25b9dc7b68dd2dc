import { describe, expect, it } from 'vitest';
import { resolveMentions, type ReferenceRow } from '../../pipelines/resolve/resolve-mentions.ts';
import { collectDataRequests } from '../../pipelines/resolve/collect-data-requests.ts';

const ref = (surface: string, mechanism_id: string): ReferenceRow => ({ surface, mechanism_id, ref_kind: 'acronym' });
const REFS = [ref('Council of Europe', 'coe'), ref('CoE', 'coe'), ref('Bali Process', 'bali'), ref('African Union', 'au'), ref('AU', 'au'),
  ref('Economic Commission for Africa', 'eca'), ref('Commonwealth Secretariat', 'comsec'), ref('OSCE', 'osce')];
const MECHS = [
  { mechanism_id: 'coe', region: 'Europe and Central Asia' }, { mechanism_id: 'bali', region: 'Asia-Pacific' },
  { mechanism_id: 'au', region: 'Africa' }, { mechanism_id: 'eca', region: 'Africa' }, { mechanism_id: 'comsec', region: 'cross-regional' },
  { mechanism_id: 'osce', region: 'Europe and Central Asia' },
];
const P = (para_no: number, text: string) => ({ doc_id: 'd1', para_no, text });

const run = (paras: ReturnType<typeof P>[]) => collectDataRequests(paras, resolveMentions(paras, [], REFS, []).mentions, MECHS);

describe('collectDataRequests (fixtures)', () => {
  const LETTERS = 'In order to prepare this report, the Special Rapporteur sent letters requesting information to the relevant regional mechanisms.';
  const THANKS = 'She wishes to thank the Council of Europe (CoE), the Bali Process and the Economic Commission for Africa for the responses received.';
  const REGRETS = 'She regrets not having yet received a response from the African Union (AU) and the Commonwealth Secretariat.';

  it('finds the paragraph by its cue and splits it into the two clauses', () => {
    const rows = run([P(1, 'The OSCE is mentioned elsewhere.'), P(7, `${LETTERS} ${THANKS} ${REGRETS} She remains interested.`)]);
    expect(rows.map((r) => [r.mechanism_id, r.responded, r.name_in_text, r.region, r.para_no])).toEqual([
      ['coe', true, 'Council of Europe (CoE)', 'Europe and Central Asia', 7],
      ['bali', true, 'Bali Process', 'Asia-Pacific', 7],
      ['eca', true, 'Economic Commission for Africa', 'Africa', 7],
      ['au', false, 'African Union (AU)', 'Africa', 7],
      ['comsec', false, 'Commonwealth Secretariat', 'cross-regional', 7],
    ]);
    expect(rows.filter((r) => r.responded).every((r) => r.quote === THANKS)).toBe(true);
    expect(rows.filter((r) => !r.responded).every((r) => r.quote === REGRETS)).toBe(true);
  });

  it('splits a single sentence holding both clauses', () => {
    const rows = run([P(3, `${LETTERS} She thanks the Bali Process for the responses received, and regrets not having received a response from the AU.`)]);
    expect(rows.map((r) => [r.mechanism_id, r.responded, r.quote])).toEqual([
      ['bali', true, 'She thanks the Bali Process for the responses received'],
      ['au', false, 'regrets not having received a response from the AU.'],
    ]);
  });

  it('fails on a mention outside both clauses, naming the paragraph', () => {
    expect(() => run([P(3, `${LETTERS} The OSCE helped. ${THANKS} ${REGRETS}`)])).toThrow(/para 3.*OSCE.*neither/);
  });

  it('fails without the paragraph, and on an organisation listed on both sides', () => {
    expect(() => run([P(3, THANKS)])).toThrow(/sent letters requesting information/);
    expect(() => run([P(3, `${LETTERS} ${THANKS} She regrets not having yet received a response from the CoE.`)])).toThrow(/coe is listed both/);
  });

  it('with profiles given: reads only the documents with the profile; none gives no rows; one without the cue is named', () => {
    const letters = P(3, `${LETTERS} ${THANKS} ${REGRETS}`);
    const other = { doc_id: 'd2', para_no: 3, text: `${LETTERS} ${THANKS} ${REGRETS}` };
    const paras = [letters, other];
    const ms = resolveMentions(paras, [], REFS, []).mentions;
    expect(collectDataRequests(paras, ms, MECHS, undefined, new Set())).toEqual([]);
    expect(new Set(collectDataRequests(paras, ms, MECHS, undefined, new Set(['d2'])).map((r) => r.doc_id))).toEqual(new Set(['d2']));
    expect(() => collectDataRequests([P(1, 'No request here.')], [], MECHS, undefined, new Set(['d1'])))
      .toThrow(/document d1 has the rapporteur-thematic profile but no paragraph says the Special Rapporteur sent letters/);
  });
});

// ---- the real seed, through the parser and the registry ------------------------------------
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeReport, parseReport } from '../../pipelines/ingest/parse-report/index.ts';
import { loadRegistry } from '../../pipelines/registry/load-registry.ts';

const SEED = fileURLToPath(new URL('../../seeds/A_HRC_14_32_en.txt', import.meta.url));
const REGISTRY = fileURLToPath(new URL('../../data/registry', import.meta.url));

/** A/HRC/14/32, para. 3, second and third sentences, as printed. */
const THANKED = 'She wishes to thank the Association of Southeast Asian Nations (ASEAN), the Bali Process, the Council of Europe (CoE), '
  + 'the Coordinated Mekong Ministerial Initiative against Trafficking (COMMIT), the League of Arab States (LAS), the Economic Commission '
  + 'for Africa, the Economic Commission for Latin America, the European Union (EU), the Nordic Council, the Organization of American States '
  + '(OAS), the Organization of the Islamic Conference (OIC), the Organization for Security and Cooperation in Europe (OSCE), and the South '
  + 'Asian Association for Regional Cooperation (SAARC) for the responses received.';
const REGRETTED = 'She regrets not having yet received a response from the Andean Community of Nations (CAN), the African, Caribbean and '
  + 'Pacific Group of States, the African Union (AU), the Commonwealth of Independent States (CIS), the Commonwealth Secretariat, the '
  + 'Economic Commission for Europe, the Economic Community for Central African States (ECCAS), the Economic Community of West African '
  + 'States (ECOWAS), the Economic and Social Commission for Asia and the Pacific, the Economic and Social Commission for Western Asia, the '
  + 'International Organization of la Francophonie, the Mercado Común del Sur (MERCOSUR), the Organization for Eastern Caribbean States '
  + '(OECS) and the Southern Africa Development Community.';

describe('collectDataRequests on A/HRC/14/32', () => {
  const report = parseReport(decodeReport(readFileSync(SEED), SEED), { file: SEED, docId: 'a-hrc-14-32' });
  const reg = loadRegistry(REGISTRY);
  const { mentions } = resolveMentions(report.paragraphs, report.footnotes, reg.mechanism_references, reg.non_mechanisms.map((n) => n.surface));
  const rows = collectDataRequests(report.paragraphs, mentions, reg.mechanisms);

  it('finds paragraph 3 by its cue, and quotes its two clauses as printed', () => {
    expect(new Set(rows.map((r) => r.para_no))).toEqual(new Set([3]));
    expect(report.paragraphs.find((p) => p.para_no === 3)!.text).toContain(`${THANKED} ${REGRETTED}`);
    expect(new Set(rows.filter((r) => r.responded).map((r) => r.quote))).toEqual(new Set([THANKED]));
    expect(new Set(rows.filter((r) => !r.responded).map((r) => r.quote))).toEqual(new Set([REGRETTED]));
  });

  it('lists the 13 organisations that responded and the 14 that did not, in the order printed', () => {
    const acronym = new Map(reg.mechanisms.map((m) => [m.mechanism_id, m.acronym]));
    const yes = rows.filter((r) => r.responded).map((r) => acronym.get(r.mechanism_id));
    const no = rows.filter((r) => !r.responded).map((r) => acronym.get(r.mechanism_id));
    expect(yes.length).toBe(13);
    expect(no.length).toBe(14);
    expect(rows.map((r) => r.mechanism_id)).toEqual([
      'asean', 'bali_process', 'coe', 'commit', 'las', 'eca', 'eclac', 'eu', 'nordic_council', 'oas', 'oic', 'osce', 'saarc',
      'can', 'acp', 'au', 'cis', 'commonwealth', 'ece', 'eccas', 'ecowas', 'escap', 'escwa', 'oif', 'mercosur', 'oecs', 'sadc',
    ]);
    console.log(`data requests: responded ${yes.join(', ')}; not responded ${no.join(', ')}`);
  });

  it('gives each row the name as printed in the list and the region from the registry', () => {
    const by = Object.fromEntries(rows.map((r) => [r.mechanism_id, r]));
    expect(by.coe.name_in_text).toBe('Council of Europe (CoE)');
    expect(by.eclac.name_in_text).toBe('Economic Commission for Latin America');
    expect(by.acp.name_in_text).toBe('African, Caribbean and Pacific Group of States');
    expect(by.mercosur.name_in_text).toBe('Mercado Común del Sur (MERCOSUR)');
    const region = new Map(reg.mechanisms.map((m) => [m.mechanism_id, m.region]));
    for (const r of rows) {
      expect(r.region).toBe(region.get(r.mechanism_id));
      expect(r.quote).toContain(r.name_in_text);
    }
    expect(by.au.region).toBe('Africa');
  });

  it('gives no row to a mechanism outside both lists', () => {
    const listed = new Set(rows.map((r) => r.mechanism_id));
    for (const id of ['gcc', 'sica', 'unasur', 'ipu']) expect(listed.has(id)).toBe(false);
  });

  it('fails, naming the paragraph, when a mention of it falls in neither clause', () => {
    const p3 = report.paragraphs.find((p) => p.para_no === 3)!;
    const extra = { ...mentions.find((m) => m.para_no === 3 && m.surface === 'EU')!, char_start: 0, char_end: 2 };
    expect(() => collectDataRequests([p3], [...mentions, extra], reg.mechanisms)).toThrow(/para 3.*neither/);
  });
});
