/**
 * The parser's shortcuts give what their definitions give: endsSentence and
 * looksLikeHeading decide most lines from the last character kept without the
 * clean-up, stripMarkup finds runs of `*` without a lookbehind, inlineItems
 * returns at once without an "(a)", joinPieces returns one piece trimmed, and
 * the numbered line keeps its text as the full pattern captured it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../../pipelines/ingest/parse-report/classify-lines.ts';
import { inlineItems } from '../../../pipelines/ingest/parse-report/inline-items.ts';
import { endsSentence, joinPieces, lastKept, looksLikeHeading, plain, stripMarkup } from '../../../pipelines/ingest/parse-report/text.ts';
import { seedText } from './helpers.ts';

/** The definitions, written without the shortcuts. */
function endsSentenceDef(raw: string): boolean {
  return /[.!?:;…]["'”’»)\]]*$/u.test(plain(raw.length > 240 ? raw.slice(-240) : raw));
}
function looksLikeHeadingDef(raw: string): boolean {
  if (raw.length > 400) return false;
  const t = plain(raw);
  if (t.length === 0 || t.length > 200) return false;
  if (!/^[\p{Lu}\d]/u.test(t)) return false;
  if (/[.,;:!?]$/.test(t)) return false;
  if (/[.!?]["”’)]*\s+[\p{Lu}"“]/u.test(t)) return false;
  return t.split(' ').length <= 25;
}

/** Text pieces around the characters the shortcuts look at. */
const text = fc.array(fc.oneof(
  fc.constantFrom('a', 'Word', ' ', '  ', '\t', '\u00a0', '\u2003', '\ufeff', '.', ',', ';', ':', '!', '?', '…', '”', ')', ']', '*', '**', '<i>', '</i>', '<', '>', '¹', '⁵', '7', 'É', '(a) ', '(b) ', '(c) ', '1. ', '\ud800'),
  fc.string({ maxLength: 4 }),
), { maxLength: 16 }).map((xs) => xs.join(''));

describe('shortcuts agree with their definitions', () => {
  it('endsSentence and looksLikeHeading, on arbitrary text', () => {
    fc.assert(fc.property(text, (s) => {
      expect(endsSentence(s)).toBe(endsSentenceDef(s));
      expect(looksLikeHeading(s)).toBe(looksLikeHeadingDef(s));
    }), { numRuns: 5000 });
  });

  it('endsSentence and looksLikeHeading, on the seed\'s lines', () => {
    for (const line of seedText().split('\n')) {
      expect(endsSentence(line), line).toBe(endsSentenceDef(line));
      expect(looksLikeHeading(line), line).toBe(looksLikeHeadingDef(line));
    }
  });

  it('lastKept: a stop, letter or digit it gives is where the plain text ends', () => {
    expect(lastKept('ab.\t\u00a0\u3000 ')).toBe(46);
    expect(lastKept('**Bold heading.** ')).toBe(46);
    expect(lastKept('a *')).toBe(42);
    expect(lastKept('a ** ')).toBe(-1);
    expect(lastKept(' \n')).toBe(-1);
    const told = /^[.,;:!?…A-Za-z0-9]$/;
    fc.assert(fc.property(text, (s) => {
      const c = lastKept(s);
      if (c >= 0 && told.test(String.fromCharCode(c))) expect(plain(s).endsWith(String.fromCharCode(c)), s).toBe(true);
    }), { numRuns: 5000 });
  });

  it('stripMarkup removes the runs of * that the lookbehind pattern removed', () => {
    const definition = (s: string) => s.replace(/<\/?[A-Za-z][^<>\n]{0,200}>/g, '').replace(/\*+(?=\S)|(?<=\S)\*+/g, '');
    for (const s of ['**Bold.**', 'a * b', 'a ** b', '*a', 'a*', '*', '**', ' * ', 'x.<i>**']) expect(stripMarkup(s), s).toBe(definition(s));
    fc.assert(fc.property(text, (s) => {
      expect(stripMarkup(s)).toBe(definition(s));
    }), { numRuns: 5000 });
  });

  it('inlineItems finds no run in a text without "(a)", and a run in one with (a) and (b)', () => {
    expect(inlineItems('States should (a) ratify it; and (b) apply it.').map((i) => i.label)).toEqual(['(a)', '(b)']);
    fc.assert(fc.property(text, (s) => {
      if (!s.includes('(a)')) expect(inlineItems(s)).toEqual([]);
    }), { numRuns: 2000 });
  });

  it('joinPieces of one piece is what the loop over pieces gives', () => {
    fc.assert(fc.property(text, (s) => {
      expect(joinPieces([s], () => new Set())).toBe(joinPieces(['', s], () => new Set()));
    }), { numRuns: 1000 });
  });

  it('a numbered line keeps all its text after the number', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), fc.constantFrom('. ', ' ', '.\t', '.**', '  '), text, (n, sep, rest) => {
      const line = `${n}${sep}${rest}`;
      const k = classifyLine(line);
      const m = /^(\d{1,9})(\.?)(?:\s+|(?=\*\*))(\S[\s\S]*)$/.exec(line.trim());
      if (k.kind === 'numbered' && k.group === undefined) expect(k.rest).toBe(m?.[3]);
    }), { numRuns: 2000 });
  });
});
