/** The building blocks: text helpers, TOC lines, line classes, parts, row types. */
import { describe, expect, it } from 'vitest';
import { footnotes, headings, paragraphs, toc } from '../../../pipelines/catalog/report.ts';
import { classifyLine } from '../../../pipelines/ingest/parse-report/classify-lines.ts';
import { parseTocLine } from '../../../pipelines/ingest/parse-report/parse-toc.ts';
import { derivePart } from '../../../pipelines/ingest/parse-report/parts.ts';
import {
  endsSentence, findMarkers, isMostlyBold, joinPieces, looksLikeHeading, plain,
} from '../../../pipelines/ingest/parse-report/text.ts';

describe('text helpers', () => {
  it('plain() removes markup and markers, collapses whitespace, keeps punctuation', () => {
    expect(plain('  **Bold**\t*it*  <i>x</i> “q” – ok.⁵ ')).toBe('Bold it x “q” – ok.');
    expect(plain('a * b')).toBe('a * b');
  });

  it('findMarkers reads single and multi-digit superscripts', () => {
    expect(findMarkers('a.¹ b² c¹⁰').map((m) => m.note)).toEqual([1, 2, 10]);
  });

  it('endsSentence looks through closing quotes, bold and markers', () => {
    for (const s of ['Done.', 'Done.**', 'said.”', 'include:', 'victims.⁴', 'why?']) expect(endsSentence(s), s).toBe(true);
    for (const s of ['Violence against Women,', 'the CoE', 'from a', '2007–2010']) expect(endsSentence(s), s).toBe(false);
  });

  it('looksLikeHeading: short, capitalised, no final punctuation, no sentence break', () => {
    for (const s of ['Redress', 'Collection of data', 'Incorporating a human rights-based approach in the institutional and normative framework'])
      expect(looksLikeHeading(s), s).toBe(true);
    for (const s of ['held in Rome. Thereafter, she attended', 'Based on her analysis, she recommends.', 'level, in order to', 'x'.repeat(300)])
      expect(looksLikeHeading(s), s).toBe(false);
  });

  it('joinPieces joins with one space and mends words broken by a hyphen at a line end', () => {
    const compounds = () => new Set(['anti-trafficking']);
    expect(joinPieces(['fight traf-', 'ficking is'], compounds)).toBe('fight trafficking is');
    expect(joinPieces(['regional anti-', 'trafficking work'], compounds)).toBe('regional anti-trafficking work');
    expect(joinPieces(['gender-', 'and child-sensitive'], compounds)).toBe('gender- and child-sensitive');
    expect(joinPieces(['Women,', 'held in Rome.'], compounds)).toBe('Women, held in Rome.');
    expect(joinPieces(['the G-', 'Eight'], compounds)).toBe('the G- Eight');
  });

  it('isMostlyBold', () => {
    expect(isMostlyBold('**All of it.**')).toBe(true);
    expect(isMostlyBold('**Lead** and the rest of a long sentence.')).toBe(false);
    expect(isMostlyBold('**Unclosed bold to the end')).toBe(true);
  });
});

describe('parseTocLine', () => {
  it('tab-separated with dot leaders and an en-dash range', () => {
    expect(parseTocLine('I. Introduction.....\t1–4\t3')).toEqual({ label: 'Introduction', number: 'I', numberKind: 'roman', first: 1, last: 4, page: 3 });
  });
  it('dot leaders without tabs, <i> tags, hyphen range', () => {
    expect(parseTocLine('B. <i>Description</i> of mechanisms ....... 17-33 5')).toEqual({ label: 'Description of mechanisms', number: 'B', numberKind: 'letter', first: 17, last: 33, page: 5 });
  });
  it('single paragraph and unnumbered entry', () => {
    expect(parseTocLine('Annex\t138\t22')).toEqual({ label: 'Annex', number: null, numberKind: null, first: 138, last: 138, page: 22 });
  });
  it('rejects the header row and ordinary text', () => {
    expect(parseTocLine('<i>Chapter</i>\t<i>Paragraphs</i>\t<i>Page</i>')).toBeNull();
    expect(parseTocLine('In 2005... it went further 2005 3')).toBeNull();
  });
});

describe('classifyLine', () => {
  it('tells the line kinds apart by shape', () => {
    const kind = (s: string) => classifyLine(s).kind;
    expect(kind('')).toBe('blank');
    expect(kind('-')).toBe('blank');
    expect(kind('A/HRC/14/32')).toBe('artefact');
    expect(kind('GE.10-13282  (E)  120510')).toBe('artefact');
    expect(kind('17')).toBe('artefact');
    expect(kind('¹ Footnote.')).toBe('footnote');
    expect(kind('III. Regional and subregional cooperation')).toBe('chapter');
    expect(kind('C. Main achievements and challenges')).toBe('section');
    expect(kind('1. Africa')).toBe('numbered');
    expect(kind('106 **Whenever possible**')).toBe('numbered');
    expect(kind('12.**Bold right after the number.**')).toBe('numbered');
    expect(kind('1.5 million victims')).toBe('text');
    expect(kind('page 5')).toBe('artefact');
    expect(kind('- (f) **On the right of victims:**')).toBe('cluster');
    expect(kind('(d) With regard to protection:')).toBe('cluster');
    expect(kind('1. Africa.....\t17–19\t5')).toBe('toc');
    expect(kind('4 May 2010')).toBe('numbered');
    expect(kind('held in Rome.')).toBe('text');
    expect(kind('I. This is a sentence. It is not a heading.')).toBe('text');
  });
});

describe('derivePart', () => {
  it('deepest label naming exactly one part wins', () => {
    expect(derivePart(['Main achievements', 'Main achievements and challenges', 'Regional cooperation'])).toBe('achievements');
    expect(derivePart(['Africa', 'Description of main mechanisms', 'Regional cooperation'])).toBe('description');
    expect(derivePart(['Main achievements and challenges', 'Introduction'])).toBe('introduction');
    expect(derivePart(['Main achievements and challenges', 'Regional cooperation'])).toBe('achievements');
    expect(derivePart(['Regional cooperation'])).toBeNull();
  });
});

describe('row types', () => {
  it('rows carry exactly the catalog columns', async () => {
    const { parseSeed } = await import('./helpers.ts');
    const r = parseSeed();
    const cols = (spec: { columns: readonly { name: string }[] }) => spec.columns.map((c) => c.name).sort();
    expect(Object.keys(r.paragraphs[0]).sort()).toEqual(cols(paragraphs));
    expect(Object.keys(r.headings[0]).sort()).toEqual(cols(headings));
    expect(Object.keys(r.footnotes[0]).sort()).toEqual(cols(footnotes));
    expect(Object.keys(r.toc[0]).sort()).toEqual(cols(toc));
  });
});
