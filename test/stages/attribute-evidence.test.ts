import { describe, expect, it } from 'vitest';
import { resolveMentions, type ReferenceRow } from '../../pipelines/stages/resolve-mentions.ts';
import { attributeEvidence, withKeywords } from '../../pipelines/stages/attribute-evidence.ts';

const ref = (surface: string, mechanism_id: string): ReferenceRow => ({ surface, mechanism_id, ref_kind: 'acronym' });
const REFS = [ref('CoE', 'coe'), ref('CoE Convention', 'coe'), ref('OSCE', 'osce'), ref('EU', 'eu'), ref('COMMIT', 'commit'),
  ref('AU.COMMIT Campaign', 'au'), ref('ASEAN', 'asean')];
const THEMES = withKeywords([
  { theme_id: 'redress', headings: ['Redress'] },
  { theme_id: 'prevention', headings: ['Prevention'] },
  { theme_id: 'data', headings: ['Collection of data'] },
  { theme_id: 'institutional', headings: ['Plans of action and monitoring bodies'] },
], [
  { theme_id: 'prevention', pattern: '\\bprevent' },
  { theme_id: 'prevention', pattern: 'awareness' },
  { theme_id: 'data', pattern: 'exchange of information' },
]);

type Part = 'introduction' | 'description' | 'achievements' | 'challenges' | 'recommendations';
const P = (para_no: number, part: Part, heading: string | null, text: string) => ({ doc_id: 'd1', para_no, part, heading, text });

const PARAS = [
  P(3, 'introduction', null, 'She wishes to thank the CoE, the OSCE and the EU for the responses received.'),
  P(23, 'description', null, 'A number of initiatives exist. ASEAN has adopted a Declaration. Its Work Plan will facilitate the exchange of information, e.g. on trafficking, and prevent crime.'),
  P(30, 'description', null, 'The EU meets yearly. It discusses budgets.'),
  P(73, 'achievements', 'Prevention', 'Similarly, the AU.COMMIT Campaign aims at curbing demand. The Campaign included posters, etc. In line with the plan, it runs in three phases.'),
  P(88, 'achievements', 'Redress', 'Remedies are dealt with in article 15 of the CoE Convention. This article stipulates access to information (art. 15.1). They should also have access to free legal aid. In 2008, OSCE also published a study on “Compensation for Trafficked and Exploited Persons in the OSCE Region”.'),
  P(89, 'achievements', 'Redress', 'COMMIT in the Mekong region is working on legal frameworks. It will also hold a regional seminar. The CoE did too, and the OSCE. Nothing more is named.'),
  P(110, 'recommendations', null, 'Work with the EU on a Convention.'),
];
const NOTES = [{ doc_id: 'd1', note_no: 4, para_no: 89, text: 'See the EU and ASEAN plans.' }];
const REC = [{ para_no: 110, theme_id: 'institutional' }, { para_no: 110, theme_id: 'data' }];

describe('attributeEvidence (fixtures)', () => {
  const { mentions } = resolveMentions(PARAS, NOTES, REFS, []);
  const ev = attributeEvidence(PARAS, mentions, THEMES, REC);
  const get = (mech: string, para: number) => ev.filter((e) => e.mechanism_id === mech && e.para_no === para);

  it('gives a mechanism the sentences that name it and the ones that continue them', () => {
    const [coe] = get('coe', 88);
    expect(coe).toMatchObject({ theme_id: 'redress', part: 'achievement', theme_source: 'heading' });
    expect(coe.quote).toBe('Remedies are dealt with in article 15 of the CoE Convention. This article stipulates access to information (art. 15.1). They should also have access to free legal aid.');
    const [osce] = get('osce', 88);
    expect(osce.quote).toBe('In 2008, OSCE also published a study on “Compensation for Trafficked and Exploited Persons in the OSCE Region”.');
    expect(osce.quote).not.toContain('free legal aid');
  });

  it('shares a sentence naming two mechanisms and carries both into the next sentences', () => {
    expect(get('commit', 89)[0].quote).toBe('COMMIT in the Mekong region is working on legal frameworks. It will also hold a regional seminar.');
    expect(get('coe', 89)[0].quote).toBe('The CoE did too, and the OSCE. Nothing more is named.');
    expect(get('osce', 89)[0].quote).toBe('The CoE did too, and the OSCE. Nothing more is named.');
  });

  it('resolves compound campaign names to their owner only', () => {
    expect(get('au', 73).map((e) => e.theme_id)).toEqual(['prevention']);
    expect(get('au', 73)[0].quote).toContain('In line with the plan');
    expect(get('commit', 73)).toEqual([]);
  });

  it('assigns description themes by keyword, one row per theme, and none without a keyword', () => {
    expect(get('asean', 23).map((e) => [e.theme_id, e.theme_source, e.part])).toEqual([
      ['prevention', 'keyword:\\bprevent', 'description'], ['data', 'keyword:exchange of information', 'description'],
    ]);
    expect(get('asean', 23)[0].quote).toBe('ASEAN has adopted a Declaration. Its Work Plan will facilitate the exchange of information, e.g. on trafficking, and prevent crime.');
    expect(get('eu', 30)).toEqual([]);
  });

  it('uses keywords for an achievements paragraph printed before the first thematic heading (like 34 and 96)', () => {
    const paras = [P(34, 'achievements', null, 'The EU runs awareness seminars. It also studies budgets.')];
    const rows = attributeEvidence(paras, resolveMentions(paras, [], REFS, []).mentions, THEMES, []);
    expect(rows.map((e) => [e.mechanism_id, e.theme_id, e.part, e.theme_source])).toEqual([['eu', 'prevention', 'achievement', 'keyword:awareness']]);
  });

  it('takes recommendation themes from the registry', () => {
    expect(get('eu', 110).map((e) => [e.theme_id, e.theme_source, e.part])).toEqual([
      ['institutional', 'recommendation', 'recommendation'], ['data', 'recommendation', 'recommendation'],
    ]);
  });

  it('makes no evidence from the introduction or from footnotes', () => {
    expect(ev.filter((e) => e.para_no === 3)).toEqual([]);
    expect(get('asean', 89)).toEqual([]);
    expect(get('eu', 89)).toEqual([]);
  });

  it('has a unique key', () => {
    const keys = ev.map((e) => [e.doc_id, e.mechanism_id, e.theme_id, e.para_no].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fails on a thematic heading no theme claims, and on a recommendation without themes', () => {
    const bad = [P(50, 'achievements', 'Unknown heading', 'The EU acts.')];
    expect(() => attributeEvidence(bad, resolveMentions(bad, [], REFS, []).mentions, THEMES, [])).toThrow(/Unknown heading.*belongs to no theme/);
    const rec = [P(120, 'recommendations', null, 'The EU acts.')];
    expect(() => attributeEvidence(rec, resolveMentions(rec, [], REFS, []).mentions, THEMES, [])).toThrow(/para 120.*no themes/);
  });

  it('with the curated documents named, another document\'s recommendations make no evidence and its unknown headings fall back to keywords', () => {
    const other = [
      { doc_id: 'wg', para_no: 120, part: 'recommendations' as const, heading: null, text: 'The EU acts.' },
      { doc_id: 'wg', para_no: 50, part: 'achievements' as const, heading: 'Unknown heading', text: 'The EU raised awareness.' },
    ];
    const ev2 = attributeEvidence(other, resolveMentions(other, [], REFS, []).mentions, THEMES, [], new Set(['d1']));
    expect(ev2.map((e) => [e.doc_id, e.para_no, e.theme_id, e.theme_source])).toEqual([['wg', 50, 'prevention', 'keyword:awareness']]);
  });
});

// ---- the real seed, through the parser and the registry ------------------------------------
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeReport, parseReport } from '../../pipelines/stages/parse-report/index.ts';
import { loadRegistry } from '../../pipelines/registry/load-registry.ts';

const SEED = fileURLToPath(new URL('../../seeds/A_HRC_14_32_en.txt', import.meta.url));
const REGISTRY = fileURLToPath(new URL('../../data/registry', import.meta.url));

describe('attributeEvidence on A/HRC/14/32', () => {
  const report = parseReport(decodeReport(readFileSync(SEED), SEED), { file: SEED, docId: 'a-hrc-14-32' });
  const reg = loadRegistry(REGISTRY);
  const { mentions } = resolveMentions(report.paragraphs, report.footnotes, reg.mechanism_references, reg.extra.non_mechanisms.map((n) => n.surface));
  const themes = withKeywords(reg.themes, reg.extra.theme_keywords);
  const ev = attributeEvidence(report.paragraphs, mentions, themes, reg.recommendation_themes);
  const get = (mech: string, para: number) => ev.filter((e) => e.mechanism_id === mech && e.para_no === para);
  const para = (n: number) => report.paragraphs.find((p) => p.para_no === n)!;

  it('para 88: the CoE Convention passage runs to free legal aid; OSCE gets only its own sentence', () => {
    const coe = get('coe', 88);
    expect(coe.map((e) => [e.theme_id, e.part, e.theme_source])).toEqual([['redress', 'achievement', 'heading']]);
    expect(coe[0].quote).toMatch(/^The right to access effective legal remedies including compensation for victims of trafficking is dealt with for the first time in a regional legally binding instrument in article 15 of the CoE Convention\./);
    expect(coe[0].quote).toContain('They should also have access to free legal aid.');
    expect(coe[0].quote).toContain("which could be funded by confiscated traffickers' assets and proceeds.");
    expect(coe[0].quote).not.toContain('OSCE');
    const osce = get('osce', 88);
    expect(osce.map((e) => e.theme_id)).toEqual(['redress']);
    expect(osce[0].quote).toContain('Compensation for Trafficked and Exploited Persons');
    expect(osce[0].quote).not.toContain('free legal aid');
  });

  it('para 73: the AU.COMMIT Campaign is AU prevention evidence, and no COMMIT evidence', () => {
    expect(get('au', 73).map((e) => [e.theme_id, e.theme_source])).toEqual([['prevention', 'heading']]);
    expect(get('au', 73)[0].quote).toContain('1,000 copies of pamphlets, pins, posters, etc. In line with the three main strategies');
    expect(get('commit', 73)).toEqual([]);
  });

  it('para 89: COMMIT redress evidence, without footnote 4', () => {
    const [c] = get('commit', 89);
    expect(c).toMatchObject({ theme_id: 'redress', part: 'achievement' });
    expect(c.quote).toContain('provide compensation to victims');
    expect(c.quote).not.toContain('SPA II');
  });

  it('para 3 (introduction) and the activities and framework parts make no evidence', () => {
    const parts = new Map(report.paragraphs.map((p) => [p.para_no, p.part]));
    expect(ev.filter((e) => e.para_no === 3)).toEqual([]);
    for (const e of ev) expect(['description', 'achievements', 'challenges', 'recommendations']).toContain(parts.get(e.para_no));
    expect(ev.some((e) => e.para_no >= 1 && e.para_no <= 16)).toBe(false);
  });

  it('footnote 1 (EU, COMMIT, Ouagadougou Action Plan) gives mentions but no evidence', () => {
    const fn1 = mentions.filter((m) => m.in_footnote && m.note_no === 1);
    expect(fn1.length).toBeGreaterThanOrEqual(3);
    expect(get('commit', 48)).toEqual([]);
    expect(get('au', 48)).toEqual([]);
    // the EU evidence of para 48 quotes the body only
    for (const e of get('eu', 48)) expect(e.quote).not.toContain('European Neighbourhood Policy');
  });

  it('description paragraphs take themes from keywords, each with the keyword that matched', () => {
    const asean23 = get('asean', 23);
    expect(asean23.length).toBeGreaterThan(0);
    for (const e of ev.filter((x) => x.part === 'description')) {
      expect(e.theme_source).toMatch(/^keyword:/);
      const kw = e.theme_source.slice('keyword:'.length);
      expect(themes.find((t) => t.theme_id === e.theme_id)!.keywords).toContain(kw);
      expect(e.quote).toMatch(new RegExp(kw, 'i'));
    }
    const data23 = asean23.find((e) => e.theme_id === 'data_collection');
    expect(data23?.quote).toContain('exchange of information');
  });

  it('achievement and challenge rows carry the theme of their heading', () => {
    for (const e of ev.filter((x) => x.part === 'achievement' || x.part === 'challenge')) {
      expect(e.theme_source).toBe('heading');
      expect(themes.find((t) => t.theme_id === e.theme_id)!.headings).toContain(para(e.para_no).heading);
    }
  });

  it('quotes whole sentences of the paragraph, in order', () => {
    for (const e of ev) {
      const text = para(e.para_no).text;
      let from = 0;
      // every sentence of the quote is in the paragraph, after the previous one
      for (const piece of e.quote.split(/(?<=[.!?”")])\s+(?=[A-Z“"(0-9])/)) {
        const at = text.indexOf(piece, from);
        expect(at, `${e.mechanism_id} ${e.para_no}: ${piece}`).toBeGreaterThanOrEqual(0);
        from = at + piece.length;
      }
    }
  });

  it('has a unique key and a known mechanism and theme on every row', () => {
    const keys = ev.map((e) => [e.doc_id, e.mechanism_id, e.theme_id, e.para_no].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    const mechs = new Set(reg.mechanisms.map((m) => m.mechanism_id));
    const themeIds = new Set(reg.themes.map((t) => t.theme_id));
    for (const e of ev) {
      expect(mechs.has(e.mechanism_id)).toBe(true);
      expect(themeIds.has(e.theme_id)).toBe(true);
    }
  });

  it('counts', () => {
    const byPart: Record<string, number> = {};
    for (const e of ev) byPart[e.part] = (byPart[e.part] ?? 0) + 1;
    console.log(`evidence: ${ev.length} rows`, byPart);
    expect(byPart.achievement).toBeGreaterThan(50);
    expect(byPart.description).toBeGreaterThan(20);
    expect(byPart.challenge).toBeGreaterThan(0);
  });
});
