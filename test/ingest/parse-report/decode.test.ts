/** decodeReport: bytes → normalised text, line count preserved. */
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../../pipelines/ingest/parse-report/index.ts';
import { firstInvalidUtf8, lineOfOffset } from '../../../pipelines/ingest/parse-report/decode.ts';
import { expectAtlasError, expectFixtureError, FIXTURES, parseFixture, readBytes, SEED_FILE } from './helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const lineCount = (s: string) => s.split('\n').length;

describe('decodeReport: normalisation', () => {
  it('keeps the seed as it is (451 lines)', () => {
    const text = decodeReport(readBytes(SEED_FILE), SEED_FILE);
    expect(lineCount(text)).toBe(451);
    expect(text).toBe(new TextDecoder().decode(readBytes(SEED_FILE)));
  });

  it('strips a byte-order mark', () => {
    expect(decodeReport(enc('\uFEFFabc\n'), 'f')).toBe('abc\n');
  });

  it('turns CRLF and lone CR into LF without changing the line count', () => {
    expect(decodeReport(enc('a\r\nb\rc\n\r\nd'), 'f')).toBe('a\nb\nc\n\nd');
  });

  it('normalises to NFC', () => {
    const out = decodeReport(enc('Mercado Comu\u0301n'), 'f');
    expect(out).toBe('Mercado Común');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('turns non-breaking spaces (U+00A0, U+202F) into plain spaces', () => {
    expect(decodeReport(enc('7\u202F000\u00A0victims'), 'f')).toBe('7 000 victims');
  });

  it('keeps tabs and replaces a stray control character by a space', () => {
    expect(decodeReport(enc(`a\tb${'x'.repeat(200)}\u000Bc\n`), 'f')).toBe(`a\tb${'x'.repeat(200)} c\n`);
  });
});

describe('valid but unusual files parse like the plain one', () => {
  const plain = parseFixture('minimal.txt');
  for (const name of ['minimal-crlf.txt', 'minimal-cr.txt', 'minimal-bom.txt', 'minimal-nfd.txt', 'minimal-nbsp.txt']) {
    it(name, () => {
      const r = parseFixture(name);
      expect(r.paragraphs).toEqual(plain.paragraphs);
      expect(r.headings).toEqual(plain.headings);
    });
  }

  it('the plain one itself', () => {
    expect(plain.paragraphs.map((p) => [p.para_no, p.line_start, p.text])).toEqual([
      [1, 3, 'The Mercado Común del Sur (MERCOSUR) adopted a declaration on 7 000 victims.'],
      [2, 5, 'A second paragraph with a “quote”, a dash – and an apostrophe’s place, as printed.'],
    ]);
  });
});

describe('decodeReport: bad bytes', () => {
  it('empty file', () => {
    expectFixtureError('empty.txt', 1, /empty/);
  });

  it('whitespace-only file', () => {
    expectFixtureError('whitespace-only.txt', 1, /only whitespace/);
  });

  it('invalid UTF-8, with the line of the bad byte', () => {
    const err = expectFixtureError('invalid-utf8.txt', 3, /invalid UTF-8: byte 0xFA at byte offset 35/);
    expect(err.where.hint).toMatch(/UTF-8/);
  });

  it('invalid UTF-8 after CRLF and CR line ends is located on the right line', () => {
    const bytes = new Uint8Array([...enc('a\r\nb\rc\n'), 0xc3, 0x28]);
    expectAtlasError(() => decodeReport(bytes, 'x.txt'), 'x.txt', 4, /invalid UTF-8: byte 0xC3/);
  });

  it('binary data (NUL bytes)', () => {
    expectFixtureError('binary.bin', 3, /binary data: NUL byte/);
  });

  it('binary data (a high share of control characters)', () => {
    expectFixtureError('control-chars.txt', 1, /binary data: 30 control characters/);
  });

  it('UTF-16', () => {
    expectFixtureError('utf16.txt', 1, /UTF-16/);
  });

  it(`fixtures are read from ${FIXTURES}`, () => {
    expect(readBytes(`${FIXTURES}/empty.txt`).length).toBe(0);
  });
});

describe('UTF-8 validator (used to locate the bad byte)', () => {
  it('agrees with TextDecoder on valid and invalid sequences', () => {
    const cases: number[][] = [
      [0x41], [0xc3, 0xba], [0xe2, 0x80, 0x93], [0xf0, 0x9f, 0x98, 0x80], // valid
      [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x80], [0x80], [0xff], [0xf0, 0x80, 0x80, 0x80],
    ];
    for (const c of cases) {
      const bytes = new Uint8Array(c);
      let valid = true;
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { valid = false; }
      expect(firstInvalidUtf8(bytes) === -1, c.map((b) => b.toString(16)).join(' ')).toBe(valid);
    }
  });

  it('counts LF, CRLF and CR as line ends', () => {
    expect(lineOfOffset(enc('a\nb\r\nc\rd'), 7)).toBe(4);
  });
});
