import { growth, LINEAR_GROWTH_MAX } from '../helpers/growth.ts';
import { describe, expect, it } from 'vitest';
import { resolveMentions, type ReferenceRow } from '../../pipelines/resolve/resolve-mentions.ts';

const ref = (surface: string, mechanism_id: string, ref_kind = 'acronym'): ReferenceRow => ({ surface, mechanism_id, ref_kind });
const REFS: ReferenceRow[] = [
  ref('EU', 'eu'), ref('European Union', 'eu', 'name'),
  ref('AU', 'au'), ref('African Union', 'au', 'name'), ref('AU.COMMIT Campaign', 'au', 'campaign'), ref('AU.COMMIT', 'au', 'campaign'),
  ref('COMMIT', 'commit'), ref('Ouagadougou Action Plan', 'au', 'instrument'),
  ref('Africa-EU Ministerial Conference', 'au', 'event'),
  ref('CAN', 'can'), ref('CoE', 'coe'), ref('CoE Convention', 'coe', 'instrument'),
  ref('Commonwealth of Independent States', 'cis', 'name'), ref('CIS', 'cis'), ref('Commonwealth Secretariat', 'comsec', 'name'),
  ref('Economic Commission for Africa', 'eca', 'name'), ref('Economic Community of West African States', 'ecowas', 'name'),
  ref('ECOWAS', 'ecowas'),
];
const P = (para_no: number, text: string) => ({ doc_id: 'd1', para_no, text });

describe('resolveMentions (fixtures)', () => {
  const paras = [
    P(1, 'Europe and Europol work with the EU; you can ask the CAN.'),
    P(2, 'Similarly, the AU.COMMIT Campaign aims at curbing demand, with the slogan “AU.COMMIT: Stop Trafficking”, and COMMIT helps.'),
    P(3, 'Ministers from Africa and the EU met at the Africa-EU Ministerial Conference on Migration.'),
    P(4, 'The Commonwealth of Independent States (CIS), the Commonwealth Secretariat, the Economic Commission for Africa and the Economic Community of West African States (ECOWAS).'),
    P(5, 'The CoE Convention and the CoE, with SOMTC, ARTIP, UNGIFT, NGOs and ARTIP again in Chapter IV. The IOM too.'),
  ];
  const notes = [{ doc_id: 'd1', note_no: 1, para_no: 5, text: 'The EU also supports regional initiatives such as COMMIT or the Ouagadougou Action Plan, and ARTIP.' }];
  const { mentions, unresolved } = resolveMentions(paras, notes, REFS, ['NGO', 'IOM']);
  const at = (p: number, fn = false) => mentions.filter((m) => m.para_no === p && m.in_footnote === fn).map((m) => `${m.mechanism_id}:${m.surface}`);

  it('respects word boundaries and case', () => {
    expect(at(1)).toEqual(['eu:EU', 'can:CAN']);
  });

  it('lets compound names hide the acronyms inside them', () => {
    expect(at(2)).toEqual(['au:AU.COMMIT Campaign', 'au:AU.COMMIT', 'commit:COMMIT']);
    expect(at(3)).toEqual(['eu:EU', 'au:Africa-EU Ministerial Conference']);
    expect(at(4)).toEqual([
      'cis:Commonwealth of Independent States', 'cis:CIS', 'comsec:Commonwealth Secretariat', 'eca:Economic Commission for Africa',
      'ecowas:Economic Community of West African States', 'ecowas:ECOWAS',
    ]);
    expect(at(5)).toEqual(['coe:CoE Convention', 'coe:CoE']);
  });

  it('finds footnote mentions with the footnote number and the paragraph carrying the marker', () => {
    const fn = mentions.filter((m) => m.in_footnote);
    expect(fn.map((m) => [m.para_no, m.note_no, m.mechanism_id, m.ref_kind])).toEqual([
      [5, 1, 'eu', 'acronym'], [5, 1, 'commit', 'acronym'], [5, 1, 'au', 'instrument'],
    ]);
    expect(mentions.filter((m) => !m.in_footnote).every((m) => m.note_no === 0)).toBe(true);
  });

  it('reports offsets such that surface equals the slice of the text, for every row', () => {
    for (const m of mentions) {
      const text = m.in_footnote ? notes.find((n) => n.note_no === m.note_no)!.text : paras.find((p) => p.para_no === m.para_no)!.text;
      expect(text.slice(m.char_start, m.char_end)).toBe(m.surface);
    }
  });

  it('lists acronyms outside mentions that are neither listed non-mechanisms nor roman numerals', () => {
    expect(unresolved).toEqual([
      { doc_id: 'd1', acronym: 'ARTIP', n_occurrences: 3, paragraphs: [5] },
      { doc_id: 'd1', acronym: 'SOMTC', n_occurrences: 1, paragraphs: [5] },
      { doc_id: 'd1', acronym: 'UNGIFT', n_occurrences: 1, paragraphs: [5] },
    ]);
  });

  it('sets aside acronyms printed inside a listed non-mechanism name, and plurals of listed acronyms', () => {
    const r = resolveMentions([P(9, 'A toolkit with an interactive CD-Rom, a CD, MOUs and a MOU.')], [], REFS, ['CD-Rom', 'MOU']);
    expect(r.unresolved).toEqual([{ doc_id: 'd1', acronym: 'CD', n_occurrences: 1, paragraphs: [9] }]);
  });

  it('sets aside the parts of document symbols (HRC, WG, SVN, CO), not the same letters printed alone', () => {
    const text = 'See A/HRC/WG.6/7/SVN/1, A/HRC/14/32 and CRC/C/SVN/CO/3-4, para. 71; the CRC and the HRC Advisory Committee.';
    const r = resolveMentions([P(4, text)], [], REFS, []);
    expect(r.unresolved).toEqual([
      { doc_id: 'd1', acronym: 'CRC', n_occurrences: 1, paragraphs: [4] },
      { doc_id: 'd1', acronym: 'HRC', n_occurrences: 1, paragraphs: [4] },
    ]);
  });

  it('rejects a surface that resolves to two mechanisms', () => {
    expect(() => resolveMentions([], [], [ref('EU', 'eu'), ref('EU', 'other')], [])).toThrow(/resolves to both eu and other/);
    expect(() => resolveMentions([], [], [ref("People's Republic", 'a'), ref('People’s Republic', 'b')], [])).toThrow(/resolves to both a and b/);
    expect(() => resolveMentions([], [], [ref('Bali  Process', 'bali')], [])).toThrow(/whitespace/);
  });

  it('has a unique key per row', () => {
    const keys = mentions.map((m) => [m.doc_id, m.para_no, m.in_footnote, m.note_no, m.char_start].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

// ---- the real seed, through the parser and the registry ------------------------------------
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeReport, parseReport } from '../../pipelines/ingest/parse-report/index.ts';
import { loadRegistry } from '../../pipelines/registry/load-registry.ts';

const SEED = fileURLToPath(new URL('../../seeds/A_HRC_14_32_en.txt', import.meta.url));
const REGISTRY = fileURLToPath(new URL('../../data/registry', import.meta.url));

describe('resolveMentions on A/HRC/14/32', () => {
  const report = parseReport(decodeReport(readFileSync(SEED), SEED), { file: SEED, docId: 'a-hrc-14-32' });
  const reg = loadRegistry(REGISTRY);
  const nonMechanisms = reg.non_mechanisms.map((n) => n.surface);
  const { mentions, unresolved } = resolveMentions(report.paragraphs, report.footnotes, reg.mechanism_references, nonMechanisms);
  const body = (p: number) => mentions.filter((m) => m.para_no === p && !m.in_footnote);
  const textOf = (m: (typeof mentions)[number]) => (m.in_footnote
    ? report.footnotes.find((f) => f.note_no === m.note_no)!.text
    : report.paragraphs.find((p) => p.para_no === m.para_no)!.text);

  it('gives every row a surface equal to its slice of the text, and a unique key', () => {
    expect(mentions.length).toBeGreaterThan(250);
    for (const m of mentions) expect(textOf(m).slice(m.char_start, m.char_end), `${m.para_no}/${m.note_no}@${m.char_start}`).toBe(m.surface);
    const keys = mentions.map((m) => [m.doc_id, m.para_no, m.in_footnote, m.note_no, m.char_start].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    const ids = new Set(reg.mechanisms.map((m) => m.mechanism_id));
    for (const m of mentions) expect(ids.has(m.mechanism_id)).toBe(true);
  });

  it('resolves the AU.COMMIT Campaign to the AU only (para 73)', () => {
    expect(new Set(body(73).map((m) => m.mechanism_id))).toEqual(new Set(['au']));
    expect(body(73).map((m) => m.surface)).toContain('AU.COMMIT Campaign');
    expect(body(60).filter((m) => m.surface.startsWith('AU.COMMIT')).map((m) => m.mechanism_id)).toEqual(['au']);
  });

  it('does not find EU inside Europe, Europol or the Africa-EU Ministerial Conference (paras 17, 48)', () => {
    const p17 = body(17);
    expect(p17.map((m) => m.surface)).toContain('Africa-EU Ministerial Conference');
    // the one EU mention of para 17 is "from Africa and the EU", not the conference
    const text17 = report.paragraphs.find((p) => p.para_no === 17)!.text;
    const eu17 = p17.filter((m) => m.mechanism_id === 'eu');
    expect(eu17.map((m) => text17.slice(m.char_start - 20, m.char_end))).toEqual(['from Africa and the EU']);
    expect(body(48).filter((m) => m.surface === 'EU')).toEqual([]);
    for (const m of mentions) expect(m.surface).not.toMatch(/^Europe$/);
  });

  it('tells the Commonwealth of Independent States from the Commonwealth Secretariat, and ECA from ECOWAS (para 3)', () => {
    const p3 = body(3);
    expect(p3.find((m) => m.surface === 'Commonwealth of Independent States')!.mechanism_id).toBe('cis');
    expect(p3.find((m) => m.surface === 'Commonwealth Secretariat')!.mechanism_id).toBe('commonwealth');
    expect(p3.find((m) => m.surface === 'Economic Commission for Africa')!.mechanism_id).toBe('eca');
    expect(p3.find((m) => m.surface === 'Economic Community of West African States')!.mechanism_id).toBe('ecowas');
  });

  it('finds the mentions of footnote 1 (EU, COMMIT, Ouagadougou Action Plan) as footnote mentions of para 48', () => {
    const fn1 = mentions.filter((m) => m.in_footnote && m.note_no === 1);
    expect(fn1.every((m) => m.para_no === 48)).toBe(true);
    expect(new Set(fn1.map((m) => m.mechanism_id))).toEqual(new Set(['eu', 'commit', 'au']));
    expect(fn1.map((m) => m.surface)).toEqual(expect.arrayContaining(['EU', 'COMMIT', 'Ouagadougou Action Plan']));
  });

  it('leaves no acronym unresolved once the listed non-mechanisms are set aside', () => {
    expect(unresolved).toEqual([]);
  });

  it('lists the acronyms that the non-mechanism list accounts for when that list is empty', () => {
    const bare = resolveMentions(report.paragraphs, report.footnotes, reg.mechanism_references, []).unresolved;
    const byAcr = Object.fromEntries(bare.map((u) => [u.acronym, u]));
    expect(byAcr.UNGIFT).toEqual({ doc_id: 'a-hrc-14-32', acronym: 'UNGIFT', n_occurrences: 1, paragraphs: [2] });
    expect(byAcr.NGOs.paragraphs).toEqual([24, 44, 74, 101]);
    expect(byAcr.IOM.paragraphs).toEqual([15, 70, 128]); // 128: footnote 8
    // acronyms inside a mechanism reference are not listed
    for (const a of ['SOMTC', 'ARTIP', 'GRETA', 'SPA', 'EC', 'UNIAP', 'II']) expect(byAcr[a]).toBeUndefined();
    // each is listed, as printed or inside a listed name ("CD" in "CD-Rom")
    for (const u of bare) expect(nonMechanisms.some((n) => n === u.acronym || n.split(/[^\p{L}]/u).includes(u.acronym)), u.acronym).toBe(true);
    expect(byAcr.CD).toBeDefined();
  });

  it('scales linearly: the seed text repeated 64 times costs about 8 times its repetition 8 times', () => {
    const copies = (k: number) => ({
      paras: Array.from({ length: k }, (_, i) => report.paragraphs.map((p) => ({ ...p, doc_id: `copy-${i}` }))).flat(),
      notes: Array.from({ length: k }, (_, i) => report.footnotes.map((f) => ({ ...f, doc_id: `copy-${i}` }))).flat(),
    });
    const big = copies(64);
    expect(resolveMentions(big.paras, big.notes, reg.mechanism_references, nonMechanisms).mentions.length).toBe(64 * mentions.length);
    const inputs = new Map([8, 64].map((k) => [k, copies(k)]));
    const resolve = (k: number) => { const c = inputs.get(k)!; resolveMentions(c.paras, c.notes, reg.mechanism_references, nonMechanisms); };
    expect(growth(resolve, 64, { runs: 2 })).toBeLessThan(LINEAR_GROWTH_MAX);
  });
});
