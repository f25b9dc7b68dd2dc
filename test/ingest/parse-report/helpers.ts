/** Shared helpers for the parse-report tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { AtlasError } from '../../../pipelines/core/errors.ts';
import { decodeReport, parseReport, type ReportTables } from '../../../pipelines/ingest/parse-report/index.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const SEED_FILE = 'seeds/A_HRC_14_32_en.txt';
export const FIXTURES = 'test/fixtures/report';

export function readBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(ROOT, rel)));
}

export function seedText(): string {
  return decodeReport(readBytes(SEED_FILE), SEED_FILE);
}

export function parseSeed(): ReportTables {
  return parseReport(seedText(), { file: SEED_FILE, docId: 'A_HRC_14_32' });
}

/** Decode and parse a fixture from test/fixtures/report. */
export function parseFixture(name: string): ReportTables {
  const file = `${FIXTURES}/${name}`;
  return parseReport(decodeReport(readBytes(file), file), { file, docId: 'fixture' });
}

/** Run fn, expect an AtlasError naming `file` and `line` whose message matches `problem`. */
export function expectAtlasError(fn: () => unknown, file: string, line: number, problem: RegExp): AtlasError {
  let caught: unknown;
  try { fn(); } catch (e) { caught = e; }
  expect(caught, 'expected an AtlasError to be thrown').toBeInstanceOf(AtlasError);
  const err = caught as AtlasError;
  expect(err.where.file).toBe(file);
  expect(err.where.line).toBe(line);
  expect(err.message).toContain(`${file}:${line}`);
  expect(err.problem).toMatch(problem);
  expect(err.where.hint, 'the error says what to do').toBeTruthy();
  return err;
}

/** Expect fn to fail on a fixture (decode + parse) at `line`. */
export function expectFixtureError(name: string, line: number, problem: RegExp): AtlasError {
  const file = `${FIXTURES}/${name}`;
  return expectAtlasError(() => parseReport(decodeReport(readBytes(file), file), { file, docId: 'fixture' }), file, line, problem);
}
