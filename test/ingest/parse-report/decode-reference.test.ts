/**
 * decodeReport skips the normalisation steps that have nothing to do and
 * checks UTF-8 natively; whatever the bytes, it must return the same text, or
 * fail with the same message and line, as the plain definition: every check
 * byte by byte, a fatal TextDecoder, then every replacement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../pipelines/core/errors.ts';
import { decodeReport } from '../../../pipelines/ingest/parse-report/index.ts';
import { firstInvalidUtf8, lineOfOffset, MAX_LINE_BYTES } from '../../../pipelines/ingest/parse-report/decode.ts';
import { fail } from '../../../pipelines/ingest/parse-report/fail.ts';
import { readBytes, SEED_FILE } from './helpers.ts';

const isControlByte = (b: number) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f;
const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The definition (the implementation before the fast paths). */
function reference(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw fail(file, 1, 'the file is empty', 'check that the seed file was copied completely');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fail(file, 1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8', 're-save the file as UTF-8 text');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  let controls = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (b === 0x0a || (b === 0x0d && body[i + 1] !== 0x0a)) { line++; lineStart = i + 1; }
    else if (i - lineStart >= MAX_LINE_BYTES) {
      throw fail(file, line, `line ${line} is longer than ${MAX_LINE_BYTES.toLocaleString('en')} bytes`, 'x');
    } else if (b === 0) {
      throw fail(file, line, `binary data: NUL byte at byte offset ${i + start}`, 'x');
    } else if (isControlByte(b)) controls++;
  }
  if (controls > body.length * 0.01) throw fail(file, 1, `binary data: ${controls} control characters in ${body.length} bytes (more than 1%)`, 'x');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const off = firstInvalidUtf8(body);
    const at = off < 0 ? 0 : off;
    throw fail(file, lineOfOffset(body, at), `invalid UTF-8: byte ${hex(body[at] ?? 0)} at byte offset ${at + start} does not start a valid UTF-8 sequence`, 'x');
  }
  text = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '').normalize('NFC')
    .replace(/[\u00A0\u202F\u2007]/g, ' ').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g, ' ');
  if (text.trim() === '') throw fail(file, 1, 'the file holds only whitespace', 'x');
  return text;
}

/** The text, or the error's problem and line. */
function outcome(f: (b: Uint8Array, file: string) => string, bytes: Uint8Array): unknown {
  try {
    return { text: f(bytes, 'x.txt') };
  } catch (e) {
    if (!(e instanceof AtlasError)) throw e;
    return { problem: e.problem, line: e.where.line };
  }
}

const enc = (s: string) => [...new TextEncoder().encode(s)];

describe('decodeReport matches its definition', () => {
  it('on the seed', () => {
    const bytes = readBytes(SEED_FILE);
    expect(outcome(decodeReport, bytes)).toEqual(outcome(reference, bytes));
  });

  it('on arbitrary bytes and text pieces (CR, NUL, controls, BOMs, NFD, non-breaking spaces, C1, invalid UTF-8)', () => {
    const piece = fc.oneof(
      fc.constantFrom(enc('a'), enc('\n'), enc('\r'), enc('\r\n'), enc('\t'), [0], [0x0b], [0x0c], [0x7f], enc('\uFEFF'), [0xef, 0xbb, 0xbf],
        enc('e\u0301'), enc('\u00A0'), enc('\u202F'), enc('\u2007'), enc('\u0085'), enc('\u009F'), [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xff, 0xfe],
        enc('Comu\u0301n'), enc('“q”'), enc('¹²'), [0xf0, 0x9f, 0x98, 0x80], [0xe2, 0x80]),
      fc.uint8Array({ maxLength: 6 }).map((a) => [...a]),
      fc.string({ unit: 'grapheme', maxLength: 6 }).map(enc),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      const bytes = new Uint8Array(pieces.flat());
      expect(outcome(decodeReport, bytes)).toEqual(outcome(reference, bytes));
    }), { numRuns: 1000 });
  });

  it('at the line-length limit, alone and with a NUL, a control byte or a line end around it', () => {
    const long = (n: number) => new Array(n).fill(0x61);
    const cases = [
      long(MAX_LINE_BYTES), long(MAX_LINE_BYTES + 1), [...long(MAX_LINE_BYTES), 0x0a], [...long(MAX_LINE_BYTES + 1), 0x0a],
      [...long(MAX_LINE_BYTES - 1), 0x0d, 0x0a], [...long(MAX_LINE_BYTES), 0x0d, 0x0a], [...long(MAX_LINE_BYTES), 0],
      [...long(MAX_LINE_BYTES - 1), 0], [...long(MAX_LINE_BYTES + 5), 0], [...enc('a\n'), ...long(MAX_LINE_BYTES + 1), 0x0b],
      [...long(MAX_LINE_BYTES - 1), 0x0d], [...long(MAX_LINE_BYTES), 0x0d], [0x0a, ...long(MAX_LINE_BYTES + 2)],
    ];
    for (const c of cases) {
      const bytes = new Uint8Array(c);
      expect(outcome(decodeReport, bytes)).toEqual(outcome(reference, bytes));
    }
  });
});
