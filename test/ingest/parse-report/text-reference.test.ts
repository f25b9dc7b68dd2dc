/**
 * The text helpers written as charCodeAt scans give what their one-line
 * regex definitions give, on arbitrary text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../../pipelines/ingest/parse-report/text.ts';
import { seedText } from './helpers.ts';

/** Every run of white space → one space, then trimmed. */
const reference = (s: string) => s.replace(/\s\s+|[^\S ]/g, ' ').trim();

const SPACES = [' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e'];

describe('collapseWhitespace matches its definition', () => {
  it('on every line and paragraph of the seed', () => {
    const text = seedText();
    for (const line of text.split('\n')) expect(collapseWhitespace(line)).toBe(reference(line));
    expect(collapseWhitespace(text)).toBe(reference(text));
  });

  it('on arbitrary text mixing every kind of white space', () => {
    const piece = fc.oneof(fc.constantFrom(...SPACES, 'a', 'word', '¹', '**', '“'), fc.string({ maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const s = pieces.join('');
      expect(collapseWhitespace(s)).toBe(reference(s));
    }), { numRuns: 2000 });
  });
});
