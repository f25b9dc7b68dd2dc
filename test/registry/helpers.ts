/**
 * Test helpers for the registry tests: the report through the project's parser, and a small
 * independent surface matcher with the documented resolution rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeReport, parseReport } from '../../pipelines/ingest/parse-report/index.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SEED = path.join(ROOT, 'seeds', 'A_HRC_14_32_en.txt');
export const REGISTRY_DIR = path.join(ROOT, 'data', 'registry');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'registry');

export interface Para { para_no: number; text: string }
export interface Footnote { note_no: number; para_no: number | null; text: string }

export function readSeed(): string {
  return readFileSync(SEED, 'utf8');
}

/** Paragraphs and footnotes of A/HRC/14/32 as the pipeline parses them. */
export function loadReport(): { paragraphs: Para[]; footnotes: Footnote[] } {
  const r = parseReport(decodeReport(readFileSync(SEED), SEED), { file: SEED, docId: 'a-hrc-14-32' });
  return {
    paragraphs: r.paragraphs.map((p) => ({ para_no: p.para_no, text: p.text })),
    footnotes: r.footnotes.map((f) => ({ note_no: f.note_no, para_no: f.para_no, text: f.text })),
  };
}

/** Paragraph text plus the text of its footnotes. */
export function paraWithNotes(p: Para, footnotes: readonly Footnote[]): string {
  return [p.text, ...footnotes.filter((f) => f.para_no === p.para_no).map((f) => f.text)].join('\n');
}

export interface Mention { surface: string; owner: string; index: number }

const WORD = /[A-Za-z0-9_]/;

/**
 * Case-sensitive, longest-match-first matching on word boundaries: longer surfaces are
 * matched first and mask the text they cover, so "AU.COMMIT Campaign" is not also a COMMIT
 * mention and "Africa-EU Ministerial Conference" is not an EU mention. A boundary is required
 * only where the surface itself starts or ends with a word character.
 */
export function findMentions(text: string, surfaces: ReadonlyMap<string, string>): Mention[] {
  const masked = new Uint8Array(text.length);
  const out: Mention[] = [];
  const sorted = [...surfaces.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  for (const s of sorted) {
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
      const before = i > 0 ? text[i - 1] : ' ';
      const after = i + s.length < text.length ? text[i + s.length] : ' ';
      if (WORD.test(s[0]) && WORD.test(before)) continue;
      if (WORD.test(s[s.length - 1]) && WORD.test(after)) continue;
      if (masked.subarray(i, i + s.length).some((b) => b === 1)) continue; // inside a longer match
      out.push({ surface: s, owner: surfaces.get(s)!, index: i });
      masked.fill(1, i, i + s.length);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Capture an AtlasError (or fail the test). */
export function errorOf(fn: () => unknown): Error & { where?: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    return e as Error & { where?: Record<string, unknown> };
  }
  throw new Error('expected an error, got none');
}
