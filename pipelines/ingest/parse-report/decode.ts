/**
 * Bytes → normalised text, keeping the line count so line numbers still point
 * at the source file: BOM stripped, CRLF and lone CR → LF, Unicode NFC,
 * non-breaking spaces → spaces, stray control characters → spaces. Fails
 * (AtlasError with the line) on empty input, UTF-16, binary data and invalid
 * UTF-8.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { fail } from './fail.ts';

/**
 * A line longer than this is not a report line: the text has lost its line breaks
 * (or is not a report). The seed's longest line is about 2,600 bytes.
 */
export const MAX_LINE_BYTES = 200_000;

/** More than this share of control bytes means the file is not text. */
const MAX_CONTROL_SHARE = 0.01;

function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f;
}

/** 1-based line of a byte offset (LF, CRLF and lone CR each end a line). */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += need + 1;
  }
  return -1;
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** What the byte scan saw, so that normalisation steps with nothing to do are skipped. */
interface ByteScan {
  /** Bytes below 0x20 other than tab and LF, or 0x7F: CR, form feed and stray controls, rewritten after decoding. */
  hasControls: boolean;
  /** Bytes of 0x80 and above: the text may need NFC, and may hold U+00A0, U+202F, U+2007, U+0080–U+009F or U+FEFF. */
  hasNonAscii: boolean;
}

/**
 * Check the bytes in one pass: no line longer than MAX_LINE_BYTES, no NUL,
 * few control bytes; the first problem in byte order is the one reported.
 * Most bytes are printable ASCII and take one comparison; the line length is
 * checked where a line ends (or at a NUL, which ends the scan).
 */
function scanBytes(body: Uint8Array, start: number, file: string): ByteScan {
  const tooLong = (line: number) => fail(file, line, `line ${line} is longer than ${MAX_LINE_BYTES.toLocaleString('en')} bytes`,
    'the text seems to have lost its line breaks; extract it again with one line per paragraph');
  let controls = 0;
  let hasControls = false;
  let hasNonAscii = false;
  let line = 1;
  let lineStart = 0;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const b = body[i];
    if (b >= 0x20 && b !== 0x7f) {
      if (b >= 0x80) hasNonAscii = true;
      continue;
    }
    if (b !== 0x0a && b !== 0x09) hasControls = true;
    if (b === 0x0a || (b === 0x0d && body[i + 1] !== 0x0a)) {
      // the bytes lineStart … i-1 are the line; the first one past the limit is lineStart + MAX_LINE_BYTES
      if (i - 1 - lineStart >= MAX_LINE_BYTES) throw tooLong(line);
      line++;
      lineStart = i + 1;
    } else if (i - lineStart >= MAX_LINE_BYTES) {
      throw tooLong(line);
    } else if (b === 0) {
      throw fail(file, line, `binary data: NUL byte at byte offset ${i + start}`,
        'the file is not plain text; give the parser the UTF-8 text of the report, not a PDF or word-processor file');
    } else if (isControlByte(b)) controls++;
  }
  if (n - 1 - lineStart >= MAX_LINE_BYTES) throw tooLong(line);
  if (controls > n * MAX_CONTROL_SHARE) {
    throw fail(file, 1,
      `binary data: ${controls} control characters in ${n} bytes (more than ${MAX_CONTROL_SHARE * 100}%)`,
      'the file is not plain text; give the parser the UTF-8 text of the report');
  }
  return { hasControls, hasNonAscii };
}

/** Control characters other than tab and LF (a CR, a form feed, a NUL …). */
const CONTROL_CHAR = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/**
 * The common case, checked with native scans only: valid UTF-8 (checked by
 * the caller), no control byte but tab and LF, no line over MAX_LINE_BYTES.
 * Then scanBytes would find nothing, and the decoded text is returned; else
 * null. (Control bytes are ASCII, so they are the same in the text.)
 */
function cleanText(buf: Buffer): string | null {
  const text = buf.toString('utf8');
  if (CONTROL_CHAR.test(text)) return null;
  for (let from = 0; from <= buf.length;) {
    let lf = buf.indexOf(0x0a, from);
    if (lf < 0) lf = buf.length;
    if (lf - from > MAX_LINE_BYTES) return null;
    from = lf + 1;
  }
  return text;
}

/** U+00A0, U+202F, U+2007 in UTF-8. */
const NON_BREAKING_SPACES = [Buffer.from([0xc2, 0xa0]), Buffer.from([0xe2, 0x80, 0xaf]), Buffer.from([0xe2, 0x80, 0x87])];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function hasNonBreakingSpace(buf: Buffer): boolean {
  return NON_BREAKING_SPACES.some((b) => buf.includes(b));
}

/** A C1 control (U+0080–U+009F: 0xC2 then 0x80–0x9F) or a U+FEFF anywhere in valid UTF-8. */
function hasC1OrBom(buf: Buffer): boolean {
  if (buf.includes(BOM)) return true;
  for (let i = buf.indexOf(0xc2); i >= 0; i = buf.indexOf(0xc2, i + 1)) if (buf[i + 1] <= 0x9f) return true;
  return false;
}

export function decodeReport(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw fail(file, 1, 'the file is empty', 'check that the seed file was copied completely');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fail(file, 1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8',
      're-save the file as UTF-8 text');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // node's native UTF-8 check and decoder (simdutf): the same verdict and text as a fatal TextDecoder, faster
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const clean = isUtf8(buf) ? cleanText(buf) : null;
  let text: string;
  let scan: ByteScan;
  if (clean !== null) {
    text = clean;
    scan = { hasControls: false, hasNonAscii: clean.length !== buf.length };
  } else {
    // something to report or to rewrite: the byte scan says what, in byte order
    scan = scanBytes(body, start, file);
    if (!isUtf8(buf)) {
      const off = firstInvalidUtf8(body);
      const at = off < 0 ? 0 : off;
      throw fail(file, lineOfOffset(body, at),
        `invalid UTF-8: byte ${hex(body[at] ?? 0)} at byte offset ${at + start} does not start a valid UTF-8 sequence`,
        're-save the file as UTF-8 (it may be Latin-1/Windows-1252 or cut in the middle of a character)');
    }
    text = buf.toString('utf8');
  }

  // Each step runs only if the scan saw bytes it could change: ASCII is already NFC and holds
  // no non-breaking space; NFC never makes one of the characters replaced after it.
  // Whether the non-ASCII characters replaced below occur at all is asked of the bytes (native
  // searches for their UTF-8 forms), which is faster than a regex over the decoded text.
  const spaces = scan.hasNonAscii && hasNonBreakingSpace(buf);
  const c1OrBom = scan.hasNonAscii && hasC1OrBom(buf);
  if (scan.hasControls) text = text.replace(/\r\n?/g, '\n');
  if (c1OrBom) text = text.replace(/^\uFEFF/, '');
  if (scan.hasNonAscii) text = text.normalize('NFC');
  if (spaces) text = text.replace(/[\u00A0\u202F\u2007]/g, ' ');
  if (scan.hasControls || c1OrBom) text = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g, ' ');
  if (text.trim() === '') {
    throw fail(file, 1, 'the file holds only whitespace', 'check that the seed file was copied completely');
  }
  return text;
}

/** In the Latin-1 reading of the bytes: a control byte but tab and LF (CONTROL_CHAR), or a byte of 0x80 and above. */
const CONTROL_OR_NON_ASCII = /[\u0000-\u0008\u000B-\u001F\u007F-\u00FF]/g;
const C1_OR_BOM = /[\u0080-\u009F\uFEFF]/g;

/** Characters up to a control byte (CONTROL_CHAR) or a line end. */
const UP_TO_CONTROL = /[^\u0000-\u0008\u000A-\u001F\u007F]*/y;

/** Is there a control byte in latin1[from, end), the rest of a line? (Read to the line's end, no further.) */
function hasControlBefore(latin1: string, from: number, end: number): boolean {
  UP_TO_CONTROL.lastIndex = from;
  UP_TO_CONTROL.exec(latin1);
  return UP_TO_CONTROL.lastIndex < end;
}

/** Offset of the first control or non-ASCII byte at or after `from` in the Latin-1 reading, or -1. */
function specialFrom(latin1: string, from: number): number {
  CONTROL_OR_NON_ASCII.lastIndex = from;
  return CONTROL_OR_NON_ASCII.exec(latin1)?.index ?? -1;
}

/**
 * The lines of decodeReport's text (its split at LF), read line by line in
 * the common clean case (valid UTF-8, no control byte but tab and LF, no line
 * over MAX_LINE_BYTES; else decodeReport's text is split). An ASCII line is
 * read as Latin-1, a one-byte string; only a line holding other bytes is
 * decoded as UTF-8 and normalised. Normalisation is line by line: an LF
 * composes with nothing, so NFC of the text is NFC of each line, and the
 * replacements are per character. (Decoding the whole text as UTF-8 made a
 * two-byte string of every line of a text with one curly quote, and splitting
 * it was a second pass.)
 */
export function decodeReportLines(bytes: Uint8Array, file: string): string[] {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const lines = buf.length > 0 && !utf16 && isUtf8(buf) ? cleanLines(buf) : null;
  if (lines === null) return decodeReport(bytes, file).split('\n');
  if (lines.every((l) => l.trim() === '')) {
    throw fail(file, 1, 'the file holds only whitespace', 'check that the seed file was copied completely');
  }
  return lines;
}

/**
 * The lines of valid UTF-8, or null when it is not clean (see
 * decodeReportLines). The bytes are read as Latin-1 (a native copy), where
 * LFs and, in one pass, control and non-ASCII bytes are searched.
 */
function cleanLines(buf: Buffer): string[] | null {
  const latin1 = buf.toString('latin1');
  /** The first control or non-ASCII byte at or after the line's start, or -1. */
  let next = specialFrom(latin1, 0);
  const spaces = next >= 0 && hasNonBreakingSpace(buf);
  const c1OrBom = next >= 0 && hasC1OrBom(buf);
  const out: string[] = [];
  for (let from = 0; ;) {
    const lf = latin1.indexOf('\n', from);
    const end = lf < 0 ? latin1.length : lf;
    if (end - from > MAX_LINE_BYTES) return null;
    if (next >= 0 && next < from) next = specialFrom(latin1, from);
    if (next < 0 || next >= end) out.push(buf.toString('latin1', from, end));
    else {
      // control bytes are ASCII: the Latin-1 reading has them where the text would
      if (latin1.charCodeAt(next) < 0x80 || hasControlBefore(latin1, next, end)) return null;
      // decodeReport's steps, in its order, on this line
      let line = buf.toString('utf8', from, end);
      if (c1OrBom && from === 0) line = line.replace(/^\uFEFF/, '');
      line = line.normalize('NFC');
      if (spaces) line = line.replace(/[\u00A0\u202F\u2007]/g, ' ');
      if (c1OrBom) line = line.replace(C1_OR_BOM, ' ');
      out.push(line);
    }
    if (lf < 0) return out;
    from = lf + 1;
  }
}
