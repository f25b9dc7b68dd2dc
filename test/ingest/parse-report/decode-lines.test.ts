/**
 * decodeReportLines reads a clean file line by line (ASCII lines as Latin-1,
 * the others decoded and normalised alone); whatever the bytes, it must give
 * the lines of decodeReport's text, or fail with the same message and line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../pipelines/core/errors.ts';
import { decodeReport, decodeReportLines } from '../../../pipelines/ingest/parse-report/index.ts';
import { MAX_LINE_BYTES } from '../../../pipelines/ingest/parse-report/decode.ts';
import { readBytes, SEED_FILE } from './helpers.ts';

/** The lines, or the error's problem and line. */
function outcome(f: () => string[]): unknown {
  try {
    return { lines: f() };
  } catch (e) {
    if (!(e instanceof AtlasError)) throw e;
    return { problem: e.problem, line: e.where.line };
  }
}
const same = (bytes: Uint8Array): void => { expect(outcome(() => decodeReportLines(bytes, 'x.txt'))).toEqual(outcome(() => decodeReport(bytes, 'x.txt').split('\n'))); };
const enc = (s: string) => [...new TextEncoder().encode(s)];

describe('decodeReportLines gives the lines of decodeReport', () => {
  it('on the seed, whose lines are mostly ASCII', () => {
    const bytes = readBytes(SEED_FILE);
    same(bytes);
    expect(decodeReportLines(bytes, SEED_FILE)).toHaveLength(451);
  });

  it('on lines that need normalising: NFD, non-breaking spaces, C1 controls, byte-order marks', () => {
    for (const s of ['Comu\u0301n\nplain', '\uFEFF\uFEFFa\nb', 'a\u00A0b\u202Fc\u2007d\ne', 'x\u0085y\n\uFEFFz', '\n \n\u00A0', 'only ascii\n\n']) same(new Uint8Array(enc(s)));
  });

  it('on a control byte before, on or after a line with other bytes (the text is then decoded whole)', () => {
    for (const s of ['a\u000b\né', 'é\u000bb\nc', 'é\nb\r\n', 'é b\u0000']) same(new Uint8Array(enc(s)));
  });

  it('on arbitrary bytes and text pieces (CR, NUL, controls, BOMs, NFD, non-breaking spaces, C1, invalid UTF-8)', () => {
    const piece = fc.oneof(
      fc.constantFrom(enc('a'), enc('word '), enc('\n'), enc('\r'), enc('\r\n'), enc('\t'), [0], [0x0b], [0x0c], [0x7f], enc('\uFEFF'), [0xef, 0xbb, 0xbf],
        enc('e\u0301'), enc('\u0301'), enc('\u00A0'), enc('\u202F'), enc('\u2007'), enc('\u0085'), enc('\u009F'), [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xff, 0xfe],
        enc('Comu\u0301n'), enc('“q”'), enc('¹²'), enc('é'), [0xf0, 0x9f, 0x98, 0x80], [0xe2, 0x80]),
      fc.uint8Array({ maxLength: 6 }).map((a) => [...a]),
      fc.string({ unit: 'grapheme', maxLength: 6 }).map(enc),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => { same(new Uint8Array(pieces.flat())); }), { numRuns: 3000 });
  });

  it('on clean text, read line by line (letters, marks, spaces and line ends only)', () => {
    const piece = fc.oneof(
      fc.constantFrom('a', 'word ', '\n', '\t', 'e\u0301', '\u0301', '\u00A0', '\u202F', '\u2007', '\u0085', '\uFEFF', 'Comu\u0301n', '“q”', '¹²', 'é', '\u{1F600}', '\u0958'),
      fc.string({ unit: 'grapheme', maxLength: 4 }).map((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.boolean(), (pieces, bom) => {
      same(new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...enc(pieces.join(''))]));
    }), { numRuns: 3000 });
  });

  it('at the line-length limit', () => {
    const long = (n: number) => new Array(n).fill(0x61);
    for (const c of [long(MAX_LINE_BYTES), long(MAX_LINE_BYTES + 1), [...long(MAX_LINE_BYTES), 0x0a, 0xc3, 0xa9], [0x0a, ...long(MAX_LINE_BYTES + 1)]]) {
      same(new Uint8Array(c));
    }
  });
});
