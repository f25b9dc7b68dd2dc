/**
 * Property tests (fast-check): on arbitrary input and on mutations of the
 * real seed, decodeReport and parseReport return a result or throw an
 * AtlasError, never any other exception, each in bounded time; and when they
 * return, the result keeps its invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../pipelines/core/errors.ts';
import { decodeReport, parseReport, type ReportTables } from '../../../pipelines/ingest/parse-report/index.ts';
import { lineOfOffset } from '../../../pipelines/ingest/parse-report/decode.ts';
import { seedText, SEED_FILE } from './helpers.ts';

const RUNS = 200;
const MAX_MS = 2000;
const SEED_LINES = seedText().split('\n');

/** Run fn; it must return or throw an AtlasError, within MAX_MS. */
function resultOrAtlasError<T>(fn: () => T): T | AtlasError {
  const t0 = performance.now();
  let out: T | AtlasError;
  try {
    out = fn();
  } catch (e) {
    if (!(e instanceof AtlasError)) throw e;
    expect(e.where.file).toBeTruthy();
    expect(e.where.line).toBeGreaterThanOrEqual(1);
    out = e;
  }
  expect(performance.now() - t0).toBeLessThan(MAX_MS);
  return out;
}

/** Invariants of any successful parse. */
function checkInvariants(r: ReportTables, nLines: number): void {
  expect(r.paragraphs.length).toBeGreaterThan(0);
  r.paragraphs.forEach((p, i) => {
    expect(p.para_no).toBe(i + 1);
    expect(p.text.length).toBeGreaterThan(0);
    expect(p.text).not.toMatch(/[¹²³⁴⁵⁶⁷⁸⁹⁰]|\s{2,}|^\s|\s$/);
    expect(p.line_start).toBeGreaterThanOrEqual(1);
    expect(p.line_end).toBeGreaterThanOrEqual(p.line_start);
    expect(p.line_end).toBeLessThanOrEqual(nLines);
  });
  const ids = r.headings.map((h) => h.heading_id);
  expect(new Set(ids).size).toBe(ids.length);
  const paraNos = new Set(r.paragraphs.map((p) => p.para_no));
  for (const f of r.footnotes) if (f.para_no !== null) expect(paraNos.has(f.para_no)).toBe(true);
}

const parse = (text: string) => parseReport(text, { file: 'prop.txt', docId: 'p' });

/** Report-like lines: numbers, headings, clusters, markers, markup, TOC cells, page artefacts. */
const reportish = fc.array(
  fc.oneof(
    fc.constantFrom(
      '', '', 'I. Introduction', 'II. Activities', 'IV. Conclusions and recommendations', 'A. Framework', 'C. Main challenges',
      '1. Africa', 'Collection of data', '- (a) **With regard to:**', '(b) Not bold:', '-', '¹ A footnote.', '² Another.',
      'A/HRC/14/32', 'GE.10-13282  (E)', '12', 'I. Introduction.....\t1–4\t3', '1. Africa.....\t1–2\t5', '**', '<i>x</i>',
      'held in Rome.', 'traf-', 'ficking continues', 'Based on her analysis, she recommends.',
    ),
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('. ', ' **', '.', ' '), fc.string({ maxLength: 40 }))
      .map(([n, sep, s]) => `${n}${sep}${s}`),
    fc.string({ maxLength: 60 }),
  ),
  { maxLength: 40 },
).map((lines) => lines.join('\n'));

describe('parseReport never throws anything but AtlasError', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (s) => {
      const r = resultOrAtlasError(() => parse(s));
      if (!(r instanceof AtlasError)) checkInvariants(r, s.split(/\r\n|\r|\n/).length);
    }), { numRuns: RUNS });
  });

  it('on report-like strings', () => {
    fc.assert(fc.property(reportish, (s) => {
      const r = resultOrAtlasError(() => parse(s));
      if (!(r instanceof AtlasError)) checkInvariants(r, s.split(/\r\n|\r|\n/).length);
    }), { numRuns: RUNS });
  });
});

/** One edit of the seed's lines. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), col: fc.nat(), s: fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }) }),
  fc.record({ op: fc.constant('insertChars' as const), at: fc.nat(), col: fc.nat(), s: fc.constantFrom('¹', '⁹', '**', '\t', '\n', '\n\n', '. ', '(a) ', '7. ', '-', '\u00a0', '\r') }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(lines: string[], ms: Mutation[]): string[] {
  const out = lines.slice();
  for (const m of ms) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    switch (m.op) {
      case 'delete': out.splice(at, m.n); break;
      case 'duplicate': out.splice(at, 0, ...out.slice(at, at + m.n)); break;
      case 'swap': { const j = m.with % out.length; [out[at], out[j]] = [out[j], out[at]]; break; }
      case 'insert':
      case 'insertChars': { const l = out[at]; const c = m.col % (l.length + 1); out[at] = l.slice(0, c) + m.s + l.slice(c); break; }
    }
  }
  return out;
}

describe('mutations of the real seed', () => {
  it('parseReport returns (with its invariants) or throws AtlasError', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      const text = mutate(SEED_LINES, ms).join('\n');
      const r = resultOrAtlasError(() => parseReport(text, { file: SEED_FILE, docId: 'm' }));
      if (!(r instanceof AtlasError)) checkInvariants(r, text.split(/\r\n|\r|\n/).length);
    }), { numRuns: RUNS });
  });

  it('decodeReport + parseReport on the mutated bytes return or throw AtlasError', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r'), (ms, eol) => {
      const bytes = new TextEncoder().encode(mutate(SEED_LINES, ms).join(eol));
      resultOrAtlasError(() => parseReport(decodeReport(bytes, SEED_FILE), { file: SEED_FILE, docId: 'm' }));
    }), { numRuns: RUNS / 2 });
  });

  it('line endings, BOM and NFD do not change the result', () => {
    const base = parseReport(seedText(), { file: SEED_FILE, docId: 'm' });
    fc.assert(fc.property(fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean(), (eol, bom, nfd) => {
      let text = SEED_LINES.join(eol);
      if (nfd) text = text.normalize('NFD');
      const bytes = new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
      expect(parseReport(decodeReport(bytes, SEED_FILE), { file: SEED_FILE, docId: 'm' })).toEqual(base);
    }), { numRuns: 12 });
  });
});

describe('decodeReport never throws anything but AtlasError', () => {
  it('on arbitrary bytes; when it returns, the text is NFC, LF-only and has the same line count', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const r = resultOrAtlasError(() => decodeReport(bytes, 'bytes.bin'));
      if (typeof r === 'string') {
        expect(r).not.toContain('\r');
        expect(r).toBe(r.normalize('NFC'));
        expect(r.split('\n').length).toBe(lineOfOffset(bytes, bytes.length));
      }
    }), { numRuns: RUNS });
  });

  it('on arbitrary valid UTF-8 text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (s) => {
      const bytes = new TextEncoder().encode(s);
      const r = resultOrAtlasError(() => decodeReport(bytes, 'text.txt'));
      if (typeof r === 'string') expect(r.split('\n').length).toBe(s.split(/\r\n|\r|\n/).length);
    }), { numRuns: RUNS });
  });
});
