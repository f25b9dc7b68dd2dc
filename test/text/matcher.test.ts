import { growth, LINEAR_GROWTH_MAX } from '../helpers/growth.ts';
import { describe, expect, it } from 'vitest';
import { SurfaceMatcher, findAcronyms, isAcronymToken, isRomanNumeral } from '../../pipelines/text/matcher.ts';

const found = (surfaces: string[], text: string) =>
  new SurfaceMatcher(surfaces).findAll(text).map((m) => [surfaces[m.id], text.slice(m.start, m.end)]);

describe('SurfaceMatcher', () => {
  it('matches case-sensitively on word boundaries', () => {
    expect(found(['EU', 'CAN'], 'Europe, Europol, EU, the EU’s plan, CAN and can, EUR, (EU)')).toEqual([
      ['EU', 'EU'], ['EU', 'EU'], ['CAN', 'CAN'], ['EU', 'EU'],
    ]);
    expect(found(['EU'], 'EU')).toEqual([['EU', 'EU']]);
    expect(found(['EU'], 'EU2 2EU xEU EUx')).toEqual([]);
  });

  it('prefers the longest surface and does not overlap', () => {
    const s = ['AU', 'COMMIT', 'AU.COMMIT Campaign', 'AU.COMMIT', 'EU', 'Africa-EU Ministerial Conference'];
    expect(found(s, 'the AU.COMMIT Campaign aims; “AU.COMMIT: Stop”; COMMIT and AU.')).toEqual([
      ['AU.COMMIT Campaign', 'AU.COMMIT Campaign'], ['AU.COMMIT', 'AU.COMMIT'], ['COMMIT', 'COMMIT'], ['AU', 'AU'],
    ]);
    expect(found(s, 'at the Africa-EU Ministerial Conference on Migration')).toEqual([
      ['Africa-EU Ministerial Conference', 'Africa-EU Ministerial Conference'],
    ]);
    // without the compound name, the acronym inside it is found
    expect(found(['EU'], 'at the Africa-EU Ministerial Conference')).toEqual([['EU', 'EU']]);
  });

  it('distinguishes names that share a prefix', () => {
    const s = ['Commonwealth of Independent States', 'Commonwealth Secretariat', 'Economic Commission for Africa',
      'Economic Community of West African States', 'Economic Commission for Europe'];
    const t = 'the Commonwealth of Independent States (CIS), the Commonwealth Secretariat, the Economic Commission for Africa, '
      + 'the Economic Commission for Europe, the Economic Community of West African States, the Commonwealth Games';
    expect(found(s, t).map(([a]) => a)).toEqual([s[0], s[1], s[2], s[4], s[3]]);
  });

  it('needs the boundary after the surface, backtracking to a shorter surface', () => {
    expect(found(['Council of Europe', 'Council of Europe Convention'], 'the Council of Europe Conventions')).toEqual([
      ['Council of Europe', 'Council of Europe'],
    ]);
  });

  it('lets a space match any one whitespace character and an apostrophe match a typographic one', () => {
    expect(found(['Economic Community of West African States', "Lao People's Democratic Republic", 'Bali Process'],
      'the Economic Community of West\nAfrican\u00a0States and Lao People’s Democratic Republic; Bali  Process')).toEqual([
      ['Economic Community of West African States', 'Economic Community of West\nAfrican\u00a0States'],
      ["Lao People's Democratic Republic", 'Lao People’s Democratic Republic'],
    ]);
  });

  it('reports offsets such that the slice equals the printed surface', () => {
    const surfaces = ['CoE', 'CoE Convention', 'OSCE'];
    const t = 'The CoE Convention, the CoE, OSCE and OSCE’s Special Representative.';
    const ms = new SurfaceMatcher(surfaces).findAll(t);
    expect(ms.map((m) => t.slice(m.start, m.end))).toEqual(['CoE Convention', 'CoE', 'OSCE', 'OSCE']);
  });

  it('rejects empty or padded surfaces', () => {
    expect(() => new SurfaceMatcher([''])).toThrow();
    expect(() => new SurfaceMatcher([' EU'])).toThrow();
    expect(() => new SurfaceMatcher(['Bali  Process'])).toThrow();
    expect(() => new SurfaceMatcher(['Bali\nProcess'])).toThrow();
  });

  it('is linear: a long text with many surfaces is scanned in time linear in its length', () => {
    const surfaces = Array.from({ length: 400 }, (_, i) => `Org${i} of the Region ${i}`).concat(['EU', 'OSCE']);
    const para = 'The EU and OSCE work with Org12 of the Region 12 and Europe on many things. ';
    const matcher = new SurfaceMatcher(surfaces);
    expect(matcher.findAll(para.repeat(100_000)).length).toBe(300_000); // 7.5 MB
    // time linear in the text's length, not in text × surfaces
    expect(growth((n) => matcher.findAll(para.repeat(n)), 100_000, { runs: 2 })).toBeLessThan(LINEAR_GROWTH_MAX);
  });
});

describe('acronyms', () => {
  it('recognises acronyms and leaves ordinary words and roman numerals', () => {
    for (const a of ['SOMTC', 'ARTIP', 'UNGIFT', 'CoE', 'NGOs', 'SATs', 'DC', 'CD']) expect(isAcronymToken(a)).toBe(true);
    for (const w of ['Europe', 'McDonald', 'G', 'A', 'the', 'Commonwealth']) expect(isAcronymToken(w)).toBe(false);
    for (const r of ['II', 'III', 'IV', 'XIV', 'XXXII']) expect(isRomanNumeral(r)).toBe(true);
    for (const r of ['CD', 'DC', 'IIII', 'EU', 'VX']) expect(isRomanNumeral(r)).toBe(false);
  });

  it('finds acronyms with offsets, skipping roman numerals and digits', () => {
    const t = 'In its Work Plan (COMMIT SPA II (2008–2010)), the G-8 and SOMTC met; A/HRC/14/32 says CoE.';
    expect(findAcronyms(t).map((a) => [a.acronym, t.slice(a.start, a.end)])).toEqual([
      ['COMMIT', 'COMMIT'], ['SPA', 'SPA'], ['SOMTC', 'SOMTC'], ['HRC', 'HRC'], ['CoE', 'CoE'],
    ]);
  });
});
