/**
 * Structure rules for reports that are not shaped like A/HRC/14/32: an
 * unnumbered introduction, section I after H, sub-items ((a), 115.1, a run
 * restarting at 1, "Rec. 18", bullets, inline (a) (b)), numbers printed as a
 * group, numbered captions over tables, resolutions and annexes as blocks,
 * and the rapporteur-thematic profile applied only where it fits.
 */
import { describe, expect, it } from 'vitest';
import { detectProfile, parseReport, parseSourceLines, type SourceLine } from '../../../pipelines/ingest/parse-report/index.ts';
import { recommendingStates } from '../../../pipelines/ingest/parse-report/recommending-states.ts';
import { inlineItems } from '../../../pipelines/ingest/parse-report/inline-items.ts';
import { expectAtlasError, parseSeed } from './helpers.ts';

const parse = (text: string) => parseReport(text, { file: 'r.txt', docId: 'd' });
const blocks = (...texts: string[]) => texts.join('\n\n');

describe('headings of other reports', () => {
  it('an unnumbered "Introduction" before paragraph 1 is a chapter without number; "2010." wrapped at a line start is text', () => {
    const r = parse(blocks('Report of the Working Group', 'Introduction', '1. The Working Group held its session from 8 to 19 February\n'
      + '2010. The review was held at the 14th meeting.', 'I. Summary of the proceedings', '2. The delegation spoke.'));
    expect(r.headings.map((h) => [h.heading_id, h.level, h.number, h.first_para, h.last_para])).toEqual([
      ['Introduction', 1, null, 1, 1], ['I', 1, 'I', 2, 2],
    ]);
    expect(r.paragraphs.map((p) => [p.para_no, p.chapter, p.part])).toEqual([[1, null, 'introduction'], [2, 'I', null]]);
    expect(r.paragraphs[0].text).toBe('The Working Group held its session from 8 to 19 February 2010. The review was held at the 14th meeting.');
  });

  it('"I." right after section "H." is section I; the next chapter after I is II', () => {
    const r = parse(blocks('III. Implementation', 'H. Right to education', '1. Text one.', 'I. Persons with disabilities', '2. Text two.',
      'IV. Achievements', '3. Text three.'));
    expect(r.headings.map((h) => [h.heading_id, h.level])).toEqual([['III', 1], ['III.H', 2], ['III.I', 2], ['IV', 1]]);
    expect(r.paragraphs.map((p) => [p.para_no, p.chapter, p.section])).toEqual([[1, 'III', 'H'], [2, 'III', 'I'], [3, 'IV', null]]);
  });

  it('a chapter number printed without its period ("III Implementation")', () => {
    const r = parse(blocks('I. Methodology', '1. Text.', 'III Implementation of recommendations', '2. More text.'));
    expect(r.paragraphs.map((p) => p.chapter)).toEqual(['I', 'III']);
  });

  it('a numbered list before the first chapter (abbreviations) is front matter, kept as blocks', () => {
    const r = parse(blocks('LIST OF ABBREVIATIONS', '1. CEPOL European Police College 2. CoE Council of Europe', 'I. METHODOLOGY', '1. The Republic of Slovenia launched the review.'));
    expect(r.paragraphs.map((p) => [p.para_no, p.chapter, p.text.slice(0, 12)])).toEqual([[1, 'I', 'The Republic']]);
    expect(r.blocks.map((b) => [b.kind, b.number])).toEqual([['front', '1']]);
  });
});

describe('sub-items', () => {
  it('(a), (b) after a paragraph ending with a colon are its items; a cluster heading elsewhere stays a heading', () => {
    const r = parse(blocks('I. Introduction', '1. The following documents were issued:', '(a) A national report;', '(b) A compilation.',
      '2. Next paragraph.', '(a) With regard to frameworks, these should include:', '3. A commitment.'));
    expect(r.items.map((i) => [i.para_no, i.item_no, i.label, i.text])).toEqual([[1, 'a', '(a)', 'A national report;'], [1, 'b', '(b)', 'A compilation.']]);
    expect(r.paragraphs[0].text).toBe('The following documents were issued: (a) A national report; (b) A compilation.');
    expect(r.headings.map((h) => h.heading_id)).toEqual(['I', 'I/(a)']);
  });

  it('115.1 … under paragraph 115, with the recommending States', () => {
    const lines = ['II. Conclusions and/or recommendations', '1. The recommendations below will be examined:',
      '1.1 Ratify the Convention (Senegal, Venezuela (Bolivarian Republic of), Peru);', '1.2 Consider ratifying it (Brazil); (Canada)'];
    const r = parseReport(blocks(...lines), { file: 'r.txt', docId: 'd', stateNames: new Set(['senegal', 'peru', 'brazil', 'canada']) });
    expect(r.items.map((i) => [i.item_no, i.states])).toEqual([['1.1', ['Senegal', 'Venezuela (Bolivarian Republic of)', 'Peru']], ['1.2', ['Brazil', 'Canada']]]);
  });

  it('a run numbered 1, 2, 3 under a paragraph is its items, and the paragraph sequence resumes after it', () => {
    const paras = Array.from({ length: 110 }, (_, i) => `${i + 1}. Paragraph ${i + 1}.`);
    const r = parse(blocks('I. Proceedings', ...paras, 'II. Conclusions and recommendations', '111. The recommendations formulated were:',
      '1. To examine the possibility of joining', 'the Convention (Algeria);', '2. To ratify the Protocol (Spain);', '112. All conclusions reflect the position of the States.'));
    expect(r.paragraphs.slice(-3).map((p) => p.para_no)).toEqual([110, 111, 112]);
    expect(r.items.map((i) => [i.item_no, i.text])).toEqual([['1', 'To examine the possibility of joining the Convention (Algeria);'], ['2', 'To ratify the Protocol (Spain);']]);
  });

  it('"Rec. 18" replies and bullets are items; (a) (b) run into the text are items too', () => {
    const r = parse(blocks('I. Accepted', '1. The Government accepts these:', 'Rec. 18 We consider this implemented.', 'Recs. 6–13 See above.',
      '2. The measures include:', '• Government Action Programme;', '• The Vocational Rehabilitation Act.',
      '3. CRC recommended that Slovenia (a) end forced marriages; (b) investigate such cases; and (c) raise awareness, under paragraph 15 (a) of the annex.'));
    expect(r.items.map((i) => [i.para_no, i.item_no, i.label])).toEqual([
      [1, '18', 'Rec. 18'], [1, '6–13', 'Recs. 6–13'], [2, '•1', '•'], [2, '•2', '•'], [3, 'a', '(a)'], [3, 'b', '(b)'], [3, 'c', '(c)'],
    ]);
    expect(r.items.find((i) => i.para_no === 3 && i.item_no === 'b')!.text).toBe('investigate such cases;');
  });

  it('numbers printed as a group answer several recommendations, in any order', () => {
    const r = parse(blocks('I. Views', '1. Accepted.', '2., 3., 5. Accepted together.', '4. Accepted.', '6. Noted.'));
    expect(r.paragraphs.map((p) => p.para_no)).toEqual([1, 2, 4, 6]);
  });
});

describe('blocks', () => {
  const src = (rows: [string, SourceLine['role']?][]): SourceLine[] => rows.flatMap(([text, role], i) => [
    ...(i ? [{ text: '', page: 1, line: i * 2, endPage: 1, endLine: i * 2 }] : []),
    { text, page: 1, line: i * 2 + 1, endPage: 1, endLine: i * 2 + 1, ...(role ? { role } : {}) },
  ]);

  it('a numbered caption over a table is a heading, not paragraph 1; the table is a block', () => {
    const r = parseSourceLines(src([['I. Background and framework'], ['1. International human rights treaties²'], ['ICERD\t1992\tICRMW', 'table'],
      ['1. In 2010, CERD encouraged Slovenia to ratify ICRMW.⁹'], ['² Abbreviations used.', 'footnote'], ['⁹ CERD/C/SVN/CO/6-7, para. 16.', 'footnote']]),
    { file: 'c.pdf', docId: 'c' });
    expect(r.headings.map((h) => [h.heading_id, h.level, h.label])).toEqual([['I', 1, 'Background and framework'], ['I.1', 3, 'International human rights treaties']]);
    expect(r.paragraphs.map((p) => [p.para_no, p.page_start, p.line_start])).toEqual([[1, 1, 7]]);
    expect(r.blocks.map((b) => [b.kind, b.text, b.heading_id])).toEqual([['table', 'ICERD\t1992\tICRMW', 'I.1']]);
    expect(r.footnotes.map((f) => [f.note_no, f.para_no, f.page])).toEqual([[2, null, 1], [9, 1, 1]]);
  });

  it('resolutions printed in a report and annexes keep their own numbering as blocks', () => {
    const r = parse(blocks('Part One: Resolutions', 'I. Resolutions', '14/2 Trafficking in persons', 'The Human Rights Council,',
      '1. Takes note of the report (A/HRC/14/32);', '2. Calls upon Governments, inter alia:', '(a) To promote instruments;', '(b) To share practices;',
      'Part Two Summary of proceedings', 'I. Organizational matters', '1. The Council held its session.', '2. It adopted resolutions.',
      'Annex II', '1. Budget implications.'));
    expect(r.paragraphs.map((p) => [p.para_no, p.chapter])).toEqual([[1, 'I'], [2, 'I']]);
    expect(r.blocks.map((b) => [b.kind, b.heading_id, b.number, b.text])).toEqual([
      ['resolution', 'I.14/2', null, 'The Human Rights Council,'],
      ['resolution', 'I.14/2', '1', 'Takes note of the report (A/HRC/14/32);'],
      ['resolution', 'I.14/2', '2', 'Calls upon Governments, inter alia: (a) To promote instruments; (b) To share practices;'],
      ['annex', 'Annex II', '1', 'Budget implications.'],
    ]);
  });
});

describe('the rapporteur-thematic profile', () => {
  it('is detected on the seed and not on a report without achievements and challenges', () => {
    expect(detectProfile(parseSeed().paragraphs)).toBe('rapporteur-thematic');
    expect(detectProfile(parse(blocks('I. Introduction', '1. Text.', 'II. Recommendations', '2. More.')).paragraphs)).toBeNull();
  });

  it('when asked for, refuses a paragraph in no part', () => {
    expectAtlasError(() => parseReport(blocks('I. Other matters', '1. Text.'), { file: 'p.txt', docId: 'd', profile: 'rapporteur-thematic' }),
      'p.txt', 3, /cannot tell which part/);
  });
});

describe('helpers', () => {
  it('recommendingStates reads brackets of State names, and only those', () => {
    const known = new Set(['spain', 'argentina', 'iran (islamic republic of)', 'turkey']);
    expect(recommendingStates('To ratify (Spain)/consider ratifying (Argentina) the Convention (Spain, Argentina);', known)).toEqual(['Spain', 'Argentina']);
    expect(recommendingStates('Ratify the ILO Convention (Social Security), 1962 (No. 118) (Argentina);', known)).toEqual(['Argentina']);
    expect(recommendingStates('Ratify ICRMW (Iran (Islamic Republic of));', known)).toEqual(['Iran (Islamic Republic of)']);
    expect(recommendingStates('Continue its efforts.', known)).toBeNull();
    expect(recommendingStates('Ratify it (Turkey);')).toEqual(['Turkey']);
  });

  it('inlineItems needs (a) then (b); a letter after a number refers elsewhere', () => {
    expect(inlineItems('in accordance with paragraph 15 (a) and (b) of the annex')).toEqual([]);
    expect(inlineItems('Slovenia should (a) act; (b) report.').map((i) => i.text)).toEqual(['act;', 'report.']);
  });
});
