/** One small fixture per parsing rule (test/fixtures/report/*.txt). */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../pipelines/ingest/parse-report/index.ts';
import { parseFixture, parseSeed, SEED_FILE, seedText } from './helpers.ts';

const texts = (name: string) => parseFixture(name).paragraphs.map((p) => p.text);

describe('front matter and table of contents', () => {
  it('symbol, date, summary, "* Late submission." and the TOC produce no paragraphs', () => {
    const r = parseFixture('front-matter.txt');
    expect(r.paragraphs.map((p) => [p.para_no, p.line_start])).toEqual([[1, 33], [2, 35], [3, 39]]);
    expect(r.paragraphs.map((p) => p.text).join(' ')).not.toMatch(/Summary|Late submission|decision 8\/12|May 2010|Chapter 1/);
    expect(r.toc.map((t) => [t.number, t.label, t.first_para, t.last_para, t.page, t.matches_body])).toEqual([
      ['I', 'Introduction', 1, 2, 3, true],
      ['II', 'Activities carried out by the Special Rapporteur', 3, 3, 3, true],
    ]);
  });

  it('TOC lines with tabs or dot leaders, <i> tags, en-dash or hyphen ranges and single numbers', () => {
    const r = parseFixture('toc.txt');
    expect(r.toc.map((t) => [t.entry_no, t.number, t.label, t.first_para, t.last_para, t.page])).toEqual([
      [1, 'I', 'Introduction', 1, 2, 3],
      [2, 'II', 'Activities of the Special Rapporteur', 3, 4, 3],
      [3, 'III', 'Regional and subregional cooperation in promoting a human rights-based approach', 5, 6, 4],
      [4, 'A', 'Framework for international cooperation', 5, 5, 4],
      [5, 'B', 'Description of mechanisms that are not in the body', 6, 6, 5],
      [6, 'IV', 'Conclusions and recommendations', 7, 9, 6],
    ]);
  });

  it('compares each printed range with the body; a missing heading gives nulls', () => {
    const r = parseFixture('toc.txt');
    expect(r.toc.map((t) => [t.body_first_para, t.body_last_para, t.matches_body])).toEqual([
      [1, 2, true], [3, 4, true], [5, 6, true],
      [5, 6, false], // printed 5, body has 5–6
      [null, null, false], // B. is not in the body
      [7, 10, false], // printed 7–9, body runs to 10
    ]);
  });
});

describe('subsections versus paragraphs', () => {
  it('"1. Africa" is a subsection when the TOC lists it, even where paragraph 1 is expected', () => {
    const r = parseFixture('subsections.txt');
    expect(r.headings.map((h) => [h.heading_id, h.level, h.label, h.first_para, h.last_para])).toEqual([
      ['I', 1, 'Regional cooperation: description of mechanisms', 1, 3],
      ['I.A', 2, 'Regions', 1, 3],
      ['I.A.1', 3, 'Africa', 1, 2],
      ['I.A.2', 3, 'Asia-Pacific', 3, 3],
    ]);
    expect(r.paragraphs.map((p) => [p.para_no, p.section, p.subsection, p.text.slice(0, 20)])).toEqual([
      [1, 'A', 1, 'African States have '],
      [2, 'A', 1, 'At the subregional l'],
      [3, 'A', 2, 'A number of initiati'],
    ]);
    expect(r.toc.every((t) => t.matches_body)).toBe(true);
  });

  it('without a TOC, line shape decides: a short label followed by its own paragraph 1, or out of sequence', () => {
    const r = parseFixture('subsections-no-toc.txt');
    expect(r.headings.map((h) => [h.heading_id, h.level, h.label])).toEqual([
      ['I', 1, 'Description of mechanisms'], ['I.1', 3, 'Africa'], ['I.2', 3, 'Latin America and the Caribbean'],
    ]);
    expect(r.paragraphs.map((p) => [p.para_no, p.subsection])).toEqual([[1, 1], [2, 1], [3, 2]]);
  });
});

describe('page breaks and continuation', () => {
  it('continues a paragraph after blank lines when no number and no heading intervene', () => {
    const r = parseFixture('page-breaks.txt');
    expect(r.paragraphs.map((p) => [p.para_no, p.line_start, p.line_end])).toEqual([[1, 3, 5], [2, 7, 9], [3, 11, 15], [4, 17, 19]]);
    expect(r.paragraphs[0].text).toBe('From 9 to 10 September 2009, the Special Rapporteur participated in a high-level panel on Violence against Women, held in Rome. Thereafter, she attended a conference in Vienna.');
    expect(r.paragraphs[1].text).toBe('In Central Asia, in 2005, CIS member States adopted the Agreement. Finally, a CIS draft Programme of Action for 2007–2010 was adopted, to support the implementation of the 2005 Agreement.');
    expect(r.paragraphs[3].text).toBe('The right to access effective legal remedies is dealt with in article 15. Victims should have access to information on relevant judicial and administrative proceedings in a language which they can understand.');
  });

  it('a footnote printed in the middle of a paragraph leaves it; the marker after the break is still found', () => {
    const r = parseFixture('page-breaks.txt');
    expect(r.paragraphs[2].text).toBe('This is extremely relevant, since protection and assistance to victims is essential. Only victims and witnesses who feel protected and assisted will be in a position to provide useful information.');
    expect(r.paragraphs[2].footnote_refs).toEqual([1]);
    expect(r.footnotes).toEqual([{ doc_id: 'fixture', note_no: 1, para_no: 3, text: 'Article 16, CoE Convention.', line: 13, page: null }]);
  });
});

describe('thematic headings and intros', () => {
  it('unnumbered headings are level 4 under their subsection; equal labels get distinct ids', () => {
    const r = parseFixture('thematic.txt');
    expect(r.headings.map((h) => [h.heading_id, h.level, h.number, h.first_para, h.last_para])).toEqual([
      ['II', 1, 'II', 1, 5],
      ['II.1', 3, '1', 1, 3],
      ['II.1/Incorporating a human rights-based approach in the normative framework', 4, null, 2, 2],
      ['II.1/Collection of data', 4, null, 3, 3],
      ['II.2', 3, '2', 4, 5],
      ['II.2/Collection of data', 4, null, 5, 5],
      ['III', 1, 'III', 6, 6],
    ]);
  });

  it('paragraphs before the first thematic heading of a subsection have heading null', () => {
    const r = parseFixture('thematic.txt');
    expect(r.paragraphs.map((p) => p.heading)).toEqual([
      null, 'Incorporating a human rights-based approach in the normative framework', 'Collection of data',
      null, 'Collection of data', null,
    ]);
  });

  it('unnumbered text under a heading before its first paragraph is the intro, not a paragraph', () => {
    const r = parseFixture('thematic.txt');
    expect(r.headings.find((h) => h.heading_id === 'III')!.intro)
      .toBe('Based on her analysis, the Special Rapporteur puts forward the recommendations set out in the following paragraphs.');
    expect(r.headings.filter((h) => h.heading_id !== 'III').every((h) => h.intro === null)).toBe(true);
    expect(r.paragraphs.at(-1)!.text).toBe('Whenever possible, regional cooperation mechanisms should be established.');
  });
});

describe('heading ids', () => {
  it('a label repeated under the same parent gets #2, #3 …', () => {
    const text = 'I. Introduction\n\nRedress\n\n1. One.\n\nRedress\n\n2. Two.\n\nRedress\n\n3. Three.\n';
    const r = parseReport(text, { file: 'ids.txt', docId: 'd' });
    expect(r.headings.map((h) => h.heading_id)).toEqual(['I', 'I/Redress', 'I/Redress#2', 'I/Redress#3']);
    expect(r.paragraphs.map((p) => p.heading)).toEqual(['Redress', 'Redress', 'Redress']);
  });
});

describe('headings without blank lines around them', () => {
  it('a thematic heading printed right under a finished paragraph is still a heading', () => {
    const lines = seedText().split('\n');
    lines.splice(294, 1); // the blank line 295 between paragraph 84 and "Redress"
    const r = parseReport(lines.join('\n'), { file: SEED_FILE, docId: 'd' });
    const p84 = r.paragraphs[83];
    expect(p84.text.endsWith('use the services of a victim if they are aware that the person is a victim of trafficking.')).toBe(true);
    expect(p84.line_end).toBe(294);
    expect(r.paragraphs[84].heading).toBe('Redress');
    expect(r.headings.find((h) => h.heading_id === 'III.C.1/Redress')!.line).toBe(295);
  });
});

describe('recommendation clusters', () => {
  const r = () => parseFixture('clusters.txt');

  it('(a)…(e) with or without bullet and bold are level-5 headings; the last has no paragraph', () => {
    expect(r().headings.map((h) => [h.heading_id, h.level, h.number, h.first_para, h.last_para])).toEqual([
      ['IV', 1, 'IV', 1, 7],
      ['IV/(a)', 5, 'a', 3, 3],
      ['IV/(b)', 5, 'b', 4, 4],
      ['IV/(c)', 5, 'c', 5, 5],
      ['IV/(d)', 5, 'd', 6, 7],
      ['IV/(e)', 5, 'e', null, null],
    ]);
    expect(r().headings.at(-1)!.label).toBe('The international community should explore ways to financially support regional mechanisms.');
    expect(r().headings.find((h) => h.number === 'c')!.label).toBe('With regard to protection, regional mechanisms should take the actions set out below:');
  });

  it('paragraph numbers without a period, and paragraphs with no blank line between them', () => {
    expect(r().paragraphs.map((p) => [p.para_no, p.cluster, p.line_start, p.is_bold])).toEqual([
      [1, null, 3, true], [2, null, 5, true], [3, 'a', 9, true], [4, 'b', 13, true], [5, 'c', 17, true],
      [6, 'd', 20, true], [7, 'd', 21, true],
    ]);
    expect(r().paragraphs[6].text).toBe('Victims who act as witnesses are fully supported and protected.');
  });
});

describe('footnotes', () => {
  it('are linked to the paragraph carrying the marker, wherever they are printed; markers become footnote_refs', () => {
    const r = parseFixture('footnotes.txt');
    expect(r.footnotes.map((f) => [f.note_no, f.para_no, f.line])).toEqual([[1, 1, 11], [2, 1, 13], [3, 2, 7], [5, 2, 17], [10, 3, 19]]);
    expect(r.paragraphs.map((p) => p.footnote_refs)).toEqual([[1, 2], [5, 3], [10]]);
    expect(r.paragraphs[1].text).toBe('She posits the process of best interest determination as a central tool. The CoE Convention also contains special measures for children.');
    expect(r.paragraphs[2].text).toBe('A paragraph with a two-digit marker. It ends here.');
    expect(r.footnotes.find((f) => f.note_no === 5)!.text).toBe('For a comprehensive explanation, see the UNHCR Guidelines on Determining the Best Interests of the Child, May 2008.');
  });
});

describe('markup', () => {
  it('removes bold, italic, <i> and other tags; keeps quotes, dashes and a free-standing star; collapses whitespace', () => {
    expect(texts('markup.txt')).toEqual([
      'Bold text and italic text and tagged text and a span.',
      'Quotes “like these”, \'these\' and "these"; dashes – and — and -; a star * alone; tabs and double spaces.',
      'Whenever possible, regional mechanisms should be established.',
    ]);
    expect(parseFixture('markup.txt').paragraphs.map((p) => p.is_bold)).toEqual([false, false, true]);
  });
});

describe('part', () => {
  it('comes from the heading labels (deepest first), not from paragraph numbers', () => {
    const r = parseFixture('parts.txt');
    expect(r.paragraphs.map((p) => [p.para_no, p.part])).toEqual([
      [1, 'recommendations'], [2, 'framework'], [3, 'description'],
      [4, 'achievements'], // "Main achievements and challenges": the first keyword decides
      [5, 'challenges'], [6, 'introduction'],
    ]);
  });
});

describe('text extracted from a PDF', () => {
  const seed = parseSeed();
  const r = parseFixture('pdf-extract.txt');

  it('drops page headers and footers (symbol, page number, job number) and joins hard-wrapped lines', () => {
    expect(r.paragraphs.map((p) => p.para_no)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const p of r.paragraphs) {
      expect(p.text, `paragraph ${p.para_no}`).toBe(seed.paragraphs[p.para_no - 1].text);
      expect(p.text).not.toMatch(/GE\.10|A\/HRC\/14\/32|page 5| 3 | 4 /);
    }
    expect(r.paragraphs.map((p) => [p.line_start, p.line_end])).toEqual([[21, 27], [29, 35], [37, 54], [56, 71], [75, 78], [80, 89]]);
  });

  it('joins words hyphenated at a line end, but keeps the hyphen of a compound printed elsewhere', () => {
    expect(r.paragraphs[0].text).toContain('subregional organizations in the fight');
    expect(r.paragraphs[1].text).toContain('efforts to fight trafficking is better known');
    expect(r.paragraphs[3].text).toContain('describes the main existing regional and subregional anti-trafficking cooperation');
    expect(r.paragraphs[4].text).toContain('the Special Rapporteur makes reference');
  });
});

describe('parseReport without decodeReport', () => {
  it('accepts CRLF text directly', () => {
    const text = 'I. Introduction\r\n\r\n1. First.\r\n\r\n2. Second.\r\n';
    const r = parseReport(text, { file: 'inline.txt', docId: 'd' });
    expect(r.paragraphs.map((p) => [p.para_no, p.text, p.line_start])).toEqual([[1, 'First.', 3], [2, 'Second.', 5]]);
  });
});
