import { describe, expect, it } from 'vitest';
import {
  docSlug, evidenceRole, nonOverlapping, prepareExplorerData, quoteMarks,
} from '../../../pipelines/report/explorer/explorer-data.ts';
import { explorerHtml } from '../../../pipelines/report/explorer/explorer-page.ts';
import * as F from '../../fixtures/explorer/rows.ts';

const tables = () => F.explorerInput();

describe('prepareExplorerData', () => {
  it('sorts paragraphs, places headings before their first paragraph and keeps body mentions only', () => {
    const d = prepareExplorerData(tables());
    expect(d.documents).toEqual([{ doc_id: 'a-hrc-14-32', slug: 'a-hrc-14-32', symbol: 'A/HRC/14/32', title: 'Report of the Special Rapporteur', date: '2010-05-04' }]);
    expect(d.paragraphs.map((p) => p.para_no)).toEqual([68, 87, 88]);
    // Main achievements (from 34) and Training (from 65) both open before 68, the first paragraph there is; Redress (85) before 87.
    expect(d.headings.map((h) => [h.before_para, h.label])).toEqual([[68, 'Main achievements'], [68, 'Training'], [87, 'Redress']]);
    const p88 = d.paragraphs.find((p) => p.para_no === 88)!;
    expect(p88.marks.map(([s, e, m]) => [p88.text.slice(s, e), m])).toEqual([['CoE Convention', 'coe'], ['OSCE', 'osce']]);
    expect(d.themes.map((t) => t.theme_id)).toEqual(['training', 'redress']);
    expect(d.mechanisms.map((m) => m.acronym)).toEqual(['COMMIT', 'CoE', 'OSCE']); // regions in the report's order
    expect(d.regions).toEqual(['Asia-Pacific', 'Europe and Central Asia']);
  });

  it('gives each claim its role and the mention inside its quote', () => {
    const d = prepareExplorerData(tables());
    expect(d.claims.map((c) => [c.para_no, c.mechanism_id, c.theme_id, c.role])).toEqual([
      [68, 'commit', 'training', 'actor'], [88, 'coe', 'redress', 'actor'], [88, 'osce', 'redress', 'passing'],
    ]);
    for (const c of d.claims) {
      expect(c.marks.length).toBe(1);
      const [s, e] = c.marks[0]!;
      expect(c.quote.slice(s, e)).toBe({ commit: 'COMMIT', coe: 'CoE Convention', osce: 'OSCE' }[c.mechanism_id]);
    }
    expect(d.claims[0]!.quote).toContain(F.PAYLOAD); // data stays verbatim; the page escapes it
  });

  it('gives the same object whatever order the rows come in', () => {
    const a = prepareExplorerData(tables());
    const t = tables();
    const b = prepareExplorerData({
      ...t, paragraphs: [...t.paragraphs].reverse(), headings: [...t.headings].reverse(), mentions: [...t.mentions].reverse(),
      evidence: [...t.evidence].reverse(), mechanisms: [...t.mechanisms].reverse(), themes: [...t.themes].reverse(),
    });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('names the record of a mention outside its paragraph, a claim on a missing paragraph and an unknown role', () => {
    const t = tables();
    const bad = { ...t.mentions[0]!, char_end: 10_000 };
    expect(() => prepareExplorerData({ ...t, mentions: [bad] })).toThrow(/record mentions a-hrc-14-32\/88@\d+, field char_start: span \d+–10000 lies outside the paragraph's \d+ characters/);
    const orphan = { ...t.evidence[0]!, para_no: 99 };
    expect(() => prepareExplorerData({ ...t, evidence: [orphan] })).toThrow(/record evidence a-hrc-14-32\/osce\/redress\/99, field para_no: claim on a paragraph that does not exist/);
    expect(() => prepareExplorerData({ ...t, evidence: [{ ...t.evidence[0]!, role: 'bystander' }] })).toThrow(/field role: unknown role "bystander"/);
  });
});

describe('explorer helpers', () => {
  it('docSlug lowercases the symbol and turns / into -', () => {
    expect(docSlug('A/HRC/14/32')).toBe('a-hrc-14-32');
    expect(docSlug('A/HRC/14/32/Add.1')).toBe('a-hrc-14-32-add.1');
  });

  it('evidenceRole takes the role column and refuses an unknown role', () => {
    const [e] = F.evidenceRows();
    expect(evidenceRole({ ...e!, role: 'comparison' })).toBe('comparison');
    expect(() => evidenceRole({ ...e!, role: 'bystander' })).toThrow(/unknown role "bystander"/);
  });

  it('quoteMarks shifts spans into a verbatim quote, else finds the surface in it', () => {
    const text = 'Before. The CoE Convention says so. After CoE.';
    expect(quoteMarks(text, 'The CoE Convention says so.', [[12, 26], [42, 45]])).toEqual([[4, 18]]);
    expect(quoteMarks(text, 'The  CoE Convention says so (reflowed).', [[12, 26]])).toEqual([[5, 19]]);
  });

  it('nonOverlapping keeps the earliest (then longest) of overlapping spans', () => {
    expect(nonOverlapping([[5, 9, 'b'], [0, 4, 'a'], [5, 12, 'c'], [10, 14, 'd'], [14, 15, 'e']])).toEqual([[0, 4, 'a'], [5, 12, 'c'], [14, 15, 'e']]);
  });
});

describe('explorerHtml', () => {
  it('embeds the data so that "</script>" in a quote cannot end the JSON block', () => {
    const data = prepareExplorerData(tables());
    const html = explorerHtml({ data, specs: { matrix: {} as never, heatmap: {} as never }, client: 'void 0;', docSymbol: 'A/HRC/14/32' });
    const block = /<script type="application\/json" id="atlas-data">([^]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(block)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(html.match(/<script/g)!.length).toBe(7); // 4 vendor scripts, 2 JSON blocks, the client
    expect(() => explorerHtml({ data, specs: { matrix: {} as never, heatmap: {} as never }, client: 'x("</script>")', docSymbol: 'X' }))
      .toThrow(/explorer-client\.js: the client script contains "<\/script"/);
  });
});
