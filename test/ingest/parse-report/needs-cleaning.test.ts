/**
 * needsCleaning lets the parser skip the clean-up of plain paragraphs: when it
 * is false for every piece, the clean-up must leave the joined pieces as they
 * are, and the pieces carry no footnote marker.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, findMarkers, joinPieces, needsCleaning, stripMarkup } from '../../../pipelines/ingest/parse-report/text.ts';
import { seedText } from './helpers.ts';

const cleanUp = (pieces: string[]) => collapseWhitespace(stripMarkup(joinPieces(pieces, () => new Set(['anti-trafficking']))));

describe('needsCleaning', () => {
  it('is true for markers, markup and white space other than single spaces between words', () => {
    for (const s of ['a¹', '**bold**', 'a <i>b</i>', 'a  b', 'a\tb', ' a', 'a ', 'a\u00a0b', 'a\u2009b']) expect(needsCleaning(s), s).toBe(true);
    for (const s of ['Plain words, as printed.', 'traf-', 'a (b) c – d “e”']) expect(needsCleaning(s), s).toBe(false);
  });

  it('when false for every piece, the clean-up changes nothing and finds no marker (arbitrary pieces)', () => {
    const piece = fc.array(fc.oneof(
      fc.constantFrom('a', 'word', ' ', '  ', '-', 'traf-', 'ficking', 'anti-', '*', '**', '<i>', '¹', '\t', '\u00a0', '“', '.', '(a)'),
      fc.string({ maxLength: 4 }),
    ), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (pieces) => {
      if (pieces.some(needsCleaning)) return;
      expect(cleanUp(pieces)).toBe(joinPieces(pieces, () => new Set(['anti-trafficking'])));
      for (const p of pieces) expect(findMarkers(p)).toEqual([]);
    }), { numRuns: 3000 });
  });

  it('when false for the seed\'s lines, the same holds for them', () => {
    let plainLines = 0;
    for (const line of seedText().split('\n')) {
      const t = line.trim();
      if (t === '' || needsCleaning(t)) continue;
      plainLines++;
      expect(cleanUp([t])).toBe(t);
    }
    expect(plainLines).toBeGreaterThan(100);
  });
});

describe('needsCleaning, as one character class', () => {
  it('agrees with its definition by \\s on arbitrary text', () => {
    const definition = (s: string) => /[⁰¹²³⁴⁵⁶⁷⁸⁹*<]|\s\s|[^\S ]|^ | $/.test(s);
    const ws = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e'];
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...ws, 'a', '¹', '*', '<'), fc.string({ maxLength: 3 })), { maxLength: 10 }), (xs) => {
      const s = xs.join('');
      expect(needsCleaning(s)).toBe(definition(s));
    }), { numRuns: 3000 });
  });
});
