/** Bad input: every failure is an AtlasError naming the file, the line, the problem and what to do. */
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../pipelines/core/errors.ts';
import { decodeReport, parseReport } from '../../../pipelines/ingest/parse-report/index.ts';
import { expectAtlasError, expectFixtureError, seedText, SEED_FILE } from './helpers.ts';
import { growth, LINEAR_GROWTH_MAX } from '../../helpers/growth.ts';

describe('parseReport: bad structure', () => {
  it('empty text', () => {
    expectAtlasError(() => parseReport('', { file: 'e.txt', docId: 'd' }), 'e.txt', 1, /empty/);
    expectAtlasError(() => parseReport(' \n\n\t', { file: 'e.txt', docId: 'd' }), 'e.txt', 1, /empty/);
  });

  it('no numbered paragraphs', () => {
    expectFixtureError('no-paragraphs.txt', 8, /no numbered paragraph found/);
  });

  it('a paragraph number repeated', () => {
    expectFixtureError('repeated-number.txt', 7, /paragraph number 2 is repeated \(first at line 5\)/);
  });

  it('a paragraph number skipped', () => {
    expectFixtureError('skipped-number.txt', 7, /paragraph number 4 skips 3: expected 3 after paragraph 2 \(line 5\)/);
  });

  it('a paragraph number out of order', () => {
    expectFixtureError('out-of-order.txt', 9, /paragraph 2 is out of order: it comes after paragraph 3 \(line 7\)/);
  });

  it('a numbered line in the front matter that is not in sequence', () => {
    expectFixtureError('front-matter-number.txt', 5, /numbered paragraph 7 but comes before the body/);
  });

  it('a footnote marker with no footnote (line of the marker)', () => {
    expectFixtureError('marker-without-footnote.txt', 5, /footnote marker ³ \(3\) in paragraph 2 has no footnote/);
  });

  it('a footnote with no marker (line of the footnote)', () => {
    expectFixtureError('footnote-without-marker.txt', 7, /footnote ² \(2\) has no marker/);
  });

  it('a truncated file: names the TOC line and the last paragraph found', () => {
    expectFixtureError('truncated.txt', 4, /promises paragraphs up to 5 .* but the body stops at paragraph 3 \(line 14\)/);
  });

  it('the real seed cut after paragraph 100 is reported as truncated at the TOC line of chapter IV', () => {
    const lines = seedText().split('\n');
    const cut = lines.slice(0, 346).join('\n'); // paragraph 100 is on line 346
    expectAtlasError(() => parseReport(cut, { file: SEED_FILE, docId: 'd' }), SEED_FILE, 50,
      /promises paragraphs up to 137 .* stops at paragraph 100 \(line 346\)/);
  });

  it('paragraph 5 deleted from the seed is reported as skipped at the line of paragraph 6', () => {
    const lines = seedText().split('\n');
    lines[63] = ''; // line 64: "5. With regard to the activities …"
    expectAtlasError(() => parseReport(lines.join('\n'), { file: SEED_FILE, docId: 'd' }), SEED_FILE, 66, /paragraph number 6 skips 5/);
  });

  // the rapporteur-thematic profile (A/HRC/14/32's shape) asks for chapters and parts; other reports need neither
  const thematic = { profile: 'rapporteur-thematic' } as const;

  it('a paragraph under no chapter heading (thematic profile)', () => {
    expectAtlasError(() => parseReport('1. Text without a heading.\n', { file: 'n.txt', docId: 'd', ...thematic }), 'n.txt', 1, /not under a chapter heading/);
    expect(parseReport('1. Text without a heading.\n', { file: 'n.txt', docId: 'd' }).paragraphs[0].chapter).toBeNull();
  });

  it('a paragraph whose headings name no part of the report (thematic profile)', () => {
    expectAtlasError(() => parseReport('I. Something else\n\n1. Text.\n', { file: 'p.txt', docId: 'd', ...thematic }), 'p.txt', 3, /cannot tell which part/);
    expect(parseReport('I. Something else\n\n1. Text.\n', { file: 'p.txt', docId: 'd' }).paragraphs[0].part).toBeNull();
  });

  it('a footnote printed twice', () => {
    const text = 'I. Introduction\n\n1. Text.¹\n\n¹ Note.\n\n¹ Note again.\n';
    expectAtlasError(() => parseReport(text, { file: 'f.txt', docId: 'd' }), 'f.txt', 7, /printed twice/);
  });

  it('a footnote marker used twice', () => {
    const text = 'I. Introduction\n\n1. Text.¹\n\n2. More.¹\n\n¹ Note.\n';
    expectAtlasError(() => parseReport(text, { file: 'f.txt', docId: 'd' }), 'f.txt', 5, /appears twice/);
  });
});

describe('very long input is bounded', () => {
  const MB10 = 10 * 1024 * 1024;

  it('100 000 repeated headings (unique ids by counter, not by search) stay bounded', () => {
    const text = (n: number) => `I. Introduction\n\n1. Text.\n\n${'Redress\n\n'.repeat(n)}`;
    const r = parseReport(text(100_000), { file: 'h.txt', docId: 'd' });
    expect(new Set(r.headings.map((h) => h.heading_id)).size).toBe(100_001);
    expect(growth((n) => parseReport(text(n), { file: 'h.txt', docId: 'd' }), 100_000, { runs: 2 })).toBeLessThan(LINEAR_GROWTH_MAX);
  });

  it('a 10 MB single line of text fails fast with an AtlasError', () => {
    const bytes = new Uint8Array(MB10).fill(0x61); // "aaaa…"
    // decoding refuses it: a report line is never 10 MB; the text has lost its line breaks
    expectAtlasError(() => decodeReport(bytes, 'big.txt'), 'big.txt', 1, /longer than 200,000 bytes/);
    // and the parser alone, given such text, still ends with its own error, in time linear in its length
    const text = 'a'.repeat(MB10);
    expectAtlasError(() => parseReport(text, { file: 'big.txt', docId: 'd' }), 'big.txt', 1, /no numbered paragraph/);
    const fails = (n: number) => expect(() => parseReport(text.slice(0, n), { file: 'big.txt', docId: 'd' })).toThrow(AtlasError);
    expect(growth(fails, MB10, { runs: 2 })).toBeLessThan(LINEAR_GROWTH_MAX);
  });

  it('a 10 MB single-line paragraph (words, stars, tags, hyphens, markers) parses in bounded time', () => {
    const chunk = 'word **bold** *it* <i>x</i> anti-trafficking traf- ficking ';
    const body = chunk.repeat(Math.ceil(MB10 / chunk.length)).slice(0, MB10);
    const text = (n: number) => `I. Introduction\n\n1. ${body.slice(0, n)}end.`;
    const r = parseReport(text(MB10), { file: 'big.txt', docId: 'd' });
    expect(r.paragraphs).toHaveLength(1);
    expect(r.paragraphs[0].text.length).toBeGreaterThan(MB10 / 2);
    // in time linear in its length (a quadratic step would give 64 at 8 times the size)
    expect(growth((n) => parseReport(text(n), { file: 'big.txt', docId: 'd' }), MB10 / 4, { runs: 2 })).toBeLessThan(LINEAR_GROWTH_MAX);
  });

  it('1 MB of pathological characters on one line (stars, dots, digits, markers, tags) stays bounded', () => {
    for (const unit of ['*', '.', '1', '\t', '-', '<', '¹', 'a-', '¹ ', '¹²³ ⁴⁵ ⁶⁷⁸⁹ ', '(a) ', 'I. ', '\u00a0']) {
      const parse = (bytes: number) => {
        const text = `I. Introduction\n\n1. x ${unit.repeat(Math.floor(bytes / unit.length))}\n`;
        try { parseReport(text, { file: 'p.txt', docId: 'd' }); } catch (e) { expect(e).toBeInstanceOf(AtlasError); }
      };
      // 1 MB parses (or fails cleanly) in time linear in its length
      expect(growth(parse, MB10 / 10, { runs: 2 }), JSON.stringify(unit)).toBeLessThan(LINEAR_GROWTH_MAX);
    }
  });
});
