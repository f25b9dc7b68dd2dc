/**
 * The real seed, A/HRC/14/32 (451 lines): every paragraph, heading, footnote
 * and table-of-contents entry the analysts rely on, checked row by row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport, type ReportTables } from '../../../pipelines/ingest/parse-report/index.ts';
import { parseSeed, SEED_FILE, seedText } from './helpers.ts';

let r: ReportTables;
let src: string[];
beforeAll(() => {
  r = parseSeed();
  src = seedText().split('\n');
});

const para = (n: number) => {
  const p = r.paragraphs.find((x) => x.para_no === n);
  if (!p) throw new Error(`no paragraph ${n}`);
  return p;
};
const inRange = (n: number, a: number, b: number) => n >= a && n <= b;

/** Source lines of the paragraphs broken across a page (or followed by an unnumbered block). */
const CONTINUED: Record<number, number[]> = {
  6: [66, 68], 20: [106, 108], 31: [134, 136], 43: [170, 172], 48: [184, 186], 62: [228, 230],
  75: [266, 268], 81: [284, 288], 88: [304, 306], 94: [320, 324], 104: [362, 366],
};

/** Independent oracle: the source lines, number and markup taken off by hand, joined by one space. */
function expectedText(lines: number[]): string {
  return lines
    .map((l) => src[l - 1])
    .join(' ')
    .replace(/^\d+\.?\s+/, '')
    .replaceAll('**', '')
    .replace(/\*(\S[^*]*\S)\*/g, '$1')
    .replace(/[¹²³⁴⁵⁶⁷⁸]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

describe('seed: numbered paragraphs', () => {
  it('finds exactly 137 paragraphs, numbered 1–137 in order', () => {
    expect(r.paragraphs.map((p) => p.para_no)).toEqual(Array.from({ length: 137 }, (_, i) => i + 1));
    expect(r.paragraphs.every((p) => p.doc_id === 'A_HRC_14_32')).toBe(true);
  });

  it('every paragraph holds exactly its own full text (oracle from the source lines)', () => {
    for (const p of r.paragraphs) {
      const lines = CONTINUED[p.para_no] ?? [p.line_start];
      expect(p.text, `paragraph ${p.para_no}`).toBe(expectedText(lines));
      expect(p.line_start, `paragraph ${p.para_no} line_start`).toBe(lines[0]);
      expect(p.line_end, `paragraph ${p.para_no} line_end`).toBe(lines[lines.length - 1]);
      expect(src[p.line_start - 1], `paragraph ${p.para_no} starts at its number`).toMatch(new RegExp(`^${p.para_no}\\.? `));
    }
  });

  it('line numbers point at the source: each paragraph starts on the line printed with its number', () => {
    expect(para(1).line_start).toBe(54);
    expect(para(106).line_start).toBe(376);
    expect([135, 136, 137].map((n) => para(n).line_start)).toEqual([447, 448, 449]);
  });

  it('front matter (symbol, summary, late-submission note) and the TOC produce no paragraphs', () => {
    const all = r.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/Late submission|This report is submitted in accordance|Chapter 1 provides|General Assembly\s*$|Paragraphs/);
    expect(para(1).text.startsWith('In her first report to the Human Rights Council')).toBe(true);
    expect(Math.min(...r.paragraphs.map((p) => p.line_start))).toBe(54);
  });

  it('page breaks: paragraphs continue after blank lines, joined by a single space', () => {
    expect(para(6).text).toBe(
      'From 9 to 10 September 2009, the Special Rapporteur participated in a high-level panel at the Group of Eight (G-8) '
      + 'International Conference on Violence against Women, held in Rome. Thereafter, from 14 to 15 September, she attended '
      + 'an International Conference on “Prevention of Modern Slavery” in Vienna, organized by OSCE.');
    expect(para(20).text).toContain('a number of regional and subregional organizations, in particular OAS, MERCOSUR, CAN');
    expect(para(43).text).toContain('the CoE LARA Project designed to support the reform of criminal legislation');
    expect(para(48).text).toContain('from a similar area or travelling route');
    expect(para(62).text).toContain('in the COMMIT Process, government, the United Nations and civil society');
    expect(para(75).text).toContain('at the national level, in order to ensure that all victims');
    expect(para(88).text).toContain('relevant judicial and administrative proceedings in a language');
    expect(para(94).text).toContain('also contains special measures for children.');
  });

  it('paragraph 31 includes the unnumbered "Finally, a CIS draft Programme of Action…" block', () => {
    expect(para(31).text).toBe(
      'In Central Asia, in 2005, CIS member States adopted the Agreement on the Cooperation of the CIS member States in '
      + 'Combating Trafficking in Persons, Human Organs and Tissues, followed by the adoption in 2006 of the Decision on the '
      + 'Programme of Cooperation of the CIS member States in Combating Trafficking in Persons for 2007–2010. Finally, a CIS '
      + 'draft Programme of Action for 2007–2010 was adopted, to support the implementation of the 2005 Agreement and '
      + 'facilitate efficient cooperation at regional level for the prevention and suppression of trafficking in persons '
      + 'and the rehabilitation of victims.');
  });

  it('footnotes printed inside a paragraph (81 ³, 94 ⁴, 104 ⁷) leave its body', () => {
    expect(para(81).text).toContain('Only victims and witnesses who feel protected and assisted will be in a position to provide useful information and testimony.');
    expect(para(81).text).not.toContain('Article 16');
    expect(para(94).text).not.toContain('COMMIT Sub-Regional Plan');
    expect(para(94).text).toContain('also contains special measures for children.');
    expect(para(104).text).toBe(
      'Without information and statistics, it is difficult to determine the extent of trafficking in persons and to develop '
      + 'appropriate policies. Regional organizations, because of their broader perspective, could take a leading role in '
      + 'collecting data in order to gain a clearer understanding of the root causes, factors in countries of destination '
      + 'facilitating trafficking, current trends with regard to victims, traffickers and criminal networks, their modi '
      + 'operandi, travel routes and different forms of exploitation.');
  });

  it('numbers without a period (106–108) and recommendations without blank lines (135–137) are paragraphs', () => {
    expect(para(106).text.startsWith('Whenever possible, regional or subregional')).toBe(true);
    expect(para(107).text.startsWith('Regional mechanisms should develop standards')).toBe(true);
    expect(para(108).text.startsWith('Regional cooperation instruments and plans of action')).toBe(true);
    expect(para(135).text).toBe('Mechanisms are in place that allow victims to safely exercise their right to access legal remedies.');
    expect(para(136).text).toBe('Victims who act as witnesses are fully supported and protected.');
    expect(para(137).text.startsWith('Mechanisms to provide compensation to victims')).toBe(true);
    expect(para(137).text).not.toContain('international community');
  });

  it('text is plain: no markup, no markers, no double or edge spaces; quotes and dashes kept', () => {
    for (const p of r.paragraphs) {
      expect(p.text, `paragraph ${p.para_no}`).not.toMatch(/\*|<\/?[a-z]+>|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\s{2,}|^\s|\s$|\t/);
    }
    expect(para(72).text).toContain('“Human beings – not for sale” (2006–2008)');
    expect(para(113).text).toContain('relevant ministries — including police, justice, social welfare, labour and women’s affairs —');
    expect(para(3).text).toContain('Mercado Común del Sur');
  });

  it('footnote_refs list the markers carried by each paragraph', () => {
    const refs = Object.fromEntries(r.paragraphs.filter((p) => p.footnote_refs.length).map((p) => [p.para_no, p.footnote_refs]));
    expect(refs).toEqual({ 48: [1, 2], 79: [3], 89: [4], 95: [5], 97: [6], 99: [7], 128: [8] });
  });

  it('is_bold: exactly the recommendations 106–137', () => {
    for (const p of r.paragraphs) expect(p.is_bold, `paragraph ${p.para_no}`).toBe(p.para_no >= 106);
  });
});

describe('seed: structural columns of paragraphs', () => {
  it('chapter', () => {
    for (const p of r.paragraphs) {
      const want = p.para_no <= 4 ? 'I' : p.para_no <= 12 ? 'II' : p.para_no <= 105 ? 'III' : 'IV';
      expect(p.chapter, `paragraph ${p.para_no}`).toBe(want);
    }
  });

  it('section', () => {
    for (const p of r.paragraphs) {
      const n = p.para_no;
      const want = inRange(n, 13, 16) ? 'A' : inRange(n, 17, 33) ? 'B' : inRange(n, 34, 105) ? 'C' : null;
      expect(p.section, `paragraph ${n}`).toBe(want);
    }
  });

  it('subsection', () => {
    const ranges: [number, number, number][] = [
      [17, 19, 1], [20, 22, 2], [23, 26, 3], [27, 31, 4], [32, 33, 5], [34, 95, 1], [96, 105, 2],
    ];
    for (const p of r.paragraphs) {
      const hit = ranges.find(([a, b]) => inRange(p.para_no, a, b));
      expect(p.subsection, `paragraph ${p.para_no}`).toBe(hit ? hit[2] : null);
    }
  });

  it('heading: the thematic heading; null outside III.C and for 34 and 96', () => {
    const ranges: [number, number, string][] = [
      [35, 40, 'Incorporating a human rights-based approach in the institutional and normative framework'],
      [41, 45, 'Plans of action and monitoring bodies'], [46, 49, 'Bilateral cooperation'],
      [50, 52, 'Establishment of specialist counter-trafficking units'], [53, 55, 'Assistance in drafting legislation'],
      [56, 58, 'Practical guidelines'], [59, 61, 'Promotion of international cooperation'],
      [62, 62, 'Promotion of cooperation with civil society'], [63, 64, 'Promotion of cooperation with the private sector'],
      [65, 68, 'Training'], [69, 70, 'Collection of data'], [71, 73, 'Prevention'], [74, 77, 'Protection'],
      [78, 79, 'Rehabilitation and recovery'], [80, 84, 'Prosecution and punishment'], [85, 90, 'Redress'],
      [91, 95, 'Gender-sensitive perspectives and child-centred approaches'],
      [97, 97, 'Victim-centred and human rights-based approach'], [98, 100, 'Gender perspective and the situation of men'],
      [101, 101, 'Cooperation with civil society'], [102, 102, 'Cooperation with the private sector'],
      [103, 103, 'The use of new information technologies'], [104, 104, 'Collection of data'], [105, 105, 'Funding'],
    ];
    for (const p of r.paragraphs) {
      const hit = ranges.find(([a, b]) => inRange(p.para_no, a, b));
      expect(p.heading, `paragraph ${p.para_no}`).toBe(hit ? hit[2] : null);
    }
  });

  it('cluster: a–f for 109–137, null before (a) and outside chapter IV', () => {
    const ranges: [number, number, string][] = [[109, 111, 'a'], [112, 123, 'b'], [124, 127, 'c'], [128, 129, 'd'], [130, 134, 'e'], [135, 137, 'f']];
    for (const p of r.paragraphs) {
      const hit = ranges.find(([a, b]) => inRange(p.para_no, a, b));
      expect(p.cluster, `paragraph ${p.para_no}`).toBe(hit ? hit[2] : null);
    }
  });

  it('part', () => {
    const ranges: [number, number, string][] = [
      [1, 4, 'introduction'], [5, 12, 'activities'], [13, 16, 'framework'], [17, 33, 'description'],
      [34, 95, 'achievements'], [96, 105, 'challenges'], [106, 137, 'recommendations'],
    ];
    for (const p of r.paragraphs) {
      expect(p.part, `paragraph ${p.para_no}`).toBe(ranges.find(([a, b]) => inRange(p.para_no, a, b))![2]);
    }
  });
});

describe('seed: headings', () => {
  it('lists every heading of the body in order, with level, number, range and line', () => {
    const rows = r.headings.map((h) => [h.heading_id, h.level, h.number, h.first_para, h.last_para, h.line]);
    expect(rows).toEqual([
      ['I', 1, 'I', 1, 4, 52],
      ['II', 1, 'II', 5, 12, 62],
      ['III', 1, 'III', 13, 105, 82],
      ['III.A', 2, 'A', 13, 16, 84],
      ['III.B', 2, 'B', 17, 33, 94],
      ['III.B.1', 3, '1', 17, 19, 96],
      ['III.B.2', 3, '2', 20, 22, 104],
      ['III.B.3', 3, '3', 23, 26, 114],
      ['III.B.4', 3, '4', 27, 31, 124],
      ['III.B.5', 3, '5', 32, 33, 138],
      ['III.C', 2, 'C', 34, 105, 144],
      ['III.C.1', 3, '1', 34, 95, 146],
      ['III.C.1/Incorporating a human rights-based approach in the institutional and normative framework', 4, null, 35, 40, 150],
      ['III.C.1/Plans of action and monitoring bodies', 4, null, 41, 45, 164],
      ['III.C.1/Bilateral cooperation', 4, null, 46, 49, 178],
      ['III.C.1/Establishment of specialist counter-trafficking units', 4, null, 50, 52, 190],
      ['III.C.1/Assistance in drafting legislation', 4, null, 53, 55, 198],
      ['III.C.1/Practical guidelines', 4, null, 56, 58, 210],
      ['III.C.1/Promotion of international cooperation', 4, null, 59, 61, 218],
      ['III.C.1/Promotion of cooperation with civil society', 4, null, 62, 62, 226],
      ['III.C.1/Promotion of cooperation with the private sector', 4, null, 63, 64, 232],
      ['III.C.1/Training', 4, null, 65, 68, 238],
      ['III.C.1/Collection of data', 4, null, 69, 70, 248],
      ['III.C.1/Prevention', 4, null, 71, 73, 254],
      ['III.C.1/Protection', 4, null, 74, 77, 262],
      ['III.C.1/Rehabilitation and recovery', 4, null, 78, 79, 274],
      ['III.C.1/Prosecution and punishment', 4, null, 80, 84, 280],
      ['III.C.1/Redress', 4, null, 85, 90, 296],
      ['III.C.1/Gender-sensitive perspectives and child-centred approaches', 4, null, 91, 95, 312],
      ['III.C.2', 3, '2', 96, 105, 328],
      ['III.C.2/Victim-centred and human rights-based approach', 4, null, 97, 97, 332],
      ['III.C.2/Gender perspective and the situation of men', 4, null, 98, 100, 336],
      ['III.C.2/Cooperation with civil society', 4, null, 101, 101, 348],
      ['III.C.2/Cooperation with the private sector', 4, null, 102, 102, 352],
      ['III.C.2/The use of new information technologies', 4, null, 103, 103, 356],
      ['III.C.2/Collection of data', 4, null, 104, 104, 360],
      ['III.C.2/Funding', 4, null, 105, 105, 368],
      ['IV', 1, 'IV', 106, 137, 372],
      ['IV/(a)', 5, 'a', 109, 111, 382],
      ['IV/(b)', 5, 'b', 112, 123, 390],
      ['IV/(c)', 5, 'c', 124, 127, 416],
      ['IV/(d)', 5, 'd', 128, 129, 426],
      ['IV/(e)', 5, 'e', 130, 134, 432],
      ['IV/(f)', 5, 'f', 135, 137, 446],
      ['IV/(g)', 5, 'g', null, null, 450],
    ]);
  });

  it('heading ids are unique (the two "Collection of data" sit under III.C.1 and III.C.2)', () => {
    const ids = r.headings.map((h) => h.heading_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.headings.filter((h) => h.label === 'Collection of data').map((h) => h.heading_id))
      .toEqual(['III.C.1/Collection of data', 'III.C.2/Collection of data']);
  });

  it('labels carry no numbering or markup', () => {
    const label = (id: string) => r.headings.find((h) => h.heading_id === id)!.label;
    expect(label('I')).toBe('Introduction');
    expect(label('III')).toBe('Regional and subregional cooperation in promoting a human rights-based approach to combating trafficking in persons');
    expect(label('III.B.1')).toBe('Africa');
    expect(label('IV/(a)')).toBe("With regard to the regional mechanisms' institutional frameworks, these should include:");
    expect(label('IV/(d)')).toBe('With regard to protection, recovery and reintegration, regional mechanisms should take the actions set out in the following paragraphs:');
    expect(label('IV/(f)')).toBe('On the right of victims to redress and compensation, regional mechanisms should ensure that at the national level:');
    for (const h of r.headings) expect(h.label, h.heading_id).not.toMatch(/^\s|\s$|\*|<|^(- )?\(?[a-z0-9IVX]+[.)]\s/);
  });

  it('cluster (g) has no paragraph: its text is the label', () => {
    const g = r.headings.find((h) => h.heading_id === 'IV/(g)')!;
    expect(g.label.startsWith('The international community should explore ways to financially support regional mechanisms')).toBe(true);
    expect(g.label.endsWith('derived from regional mechanisms and cooperation initiatives.')).toBe(true);
    expect([g.first_para, g.last_para]).toEqual([null, null]);
  });

  it('unnumbered text under a heading before its first paragraph is the heading intro', () => {
    const intros = r.headings.filter((h) => h.intro !== null).map((h) => [h.heading_id, h.intro]);
    expect(intros).toEqual([
      ['IV', 'Based on her analysis, the Special Rapporteur puts forward the recommendations set out in the following paragraphs.'],
    ]);
    expect(r.paragraphs.some((p) => p.text.includes('Based on her analysis'))).toBe(false);
  });
});

describe('seed: footnotes', () => {
  it('links each footnote to the paragraph carrying its marker', () => {
    expect(r.footnotes.map((f) => [f.note_no, f.para_no, f.line])).toEqual([
      [1, 48, 204], [2, 48, 206], [3, 79, 286], [4, 89, 322], [5, 95, 340], [6, 97, 342], [7, 99, 364], [8, 128, 444],
    ]);
  });

  it('footnote text is plain and complete', () => {
    const text = (n: number) => r.footnotes.find((f) => f.note_no === n)!.text;
    expect(text(3)).toBe('Article 16, CoE Convention.');
    expect(text(5)).toBe('For a comprehensive explanation of this process, see the UNHCR Guidelines on Determining the Best Interests of the Child, May 2008.');
    expect(text(7)).toBe('In 2002, UNIAP and UNIFEM produced a Briefing Kit, Trafficking in Persons: A Gender and Rights Perspective, which covers a number of gender issues linked to trafficking.');
    expect(text(4)).toContain('http://www.no-trafficking.org/reports_docs/commit/commit_spa2_final.pdf.');
  });
});

describe('seed: table of contents', () => {
  it('parses the 14 entries with label, number, printed range and page', () => {
    expect(r.toc.map((t) => [t.entry_no, t.number, t.label, t.first_para, t.last_para, t.page])).toEqual([
      [1, 'I', 'Introduction', 1, 4, 3],
      [2, 'II', 'Activities carried out by the Special Rapporteur', 5, 12, 3],
      [3, 'III', 'Regional and subregional cooperation in promoting a human rights-based approach to combating trafficking in persons', 13, 105, 4],
      [4, 'A', 'Framework for international cooperation in combating trafficking in persons', 13, 16, 4],
      [5, 'B', 'Description of main regional and subregional cooperation mechanisms', 17, 33, 5],
      [6, '1', 'Africa', 17, 19, 5],
      [7, '2', 'Latin America and the Caribbean', 20, 22, 5],
      [8, '3', 'Asia-Pacific', 23, 26, 6],
      [9, '4', 'Europe and Central Asia', 27, 31, 7],
      [10, '5', 'Middle East and North Africa', 32, 33, 8],
      [11, 'C', 'Main achievements and challenges', 34, 105, 8],
      [12, '1', 'Main achievements', 34, 95, 8],
      [13, '2', 'Main challenges', 96, 105, 18],
      [14, 'IV', 'Conclusions and recommendations', 106, 137, 20],
    ]);
  });

  it('every printed range matches the paragraphs found under the body heading', () => {
    for (const t of r.toc) {
      expect([t.body_first_para, t.body_last_para, t.matches_body], `entry ${t.entry_no}`).toEqual([t.first_para, t.last_para, true]);
    }
  });
});

describe('seed: purity and speed', () => {
  it('parsing is deterministic', () => {
    expect(parseSeed()).toEqual(r);
  });

  it('parses in a few milliseconds', () => {
    const text = seedText();
    for (let i = 0; i < 10; i++) parseReport(text, { file: SEED_FILE, docId: 'x' });
    const n = 50;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) parseReport(text, { file: SEED_FILE, docId: 'x' });
    const ms = (performance.now() - t0) / n;
    console.info(`parse-report: seed parsed in ${ms.toFixed(2)} ms on average`);
    expect(ms).toBeLessThan(50);
  });
});
