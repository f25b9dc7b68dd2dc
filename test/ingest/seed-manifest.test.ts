/** readVerifiedSeed: a listed document's bytes, or an AtlasError naming the file and what is wrong. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtlasError } from '../../pipelines/core/errors.ts';
import { sha256 } from '../../pipelines/core/io.ts';
import { readVerifiedSeed, type SeedDoc } from '../../pipelines/ingest/seed-manifest.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-seeds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = new TextEncoder().encode('1. A paragraph.\n');
const entry = (file: string, hash = sha256(text)): SeedDoc => ({
  doc_id: 'd', file, symbol: 'A/1', title: 't', date: '2010-01-01', body: 'b', language: 'en', sha256: hash,
});

function problem(f: () => unknown): string {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(AtlasError); return (e as AtlasError).problem; }
  throw new Error('expected an AtlasError');
}

describe('readVerifiedSeed', () => {
  it('returns the bytes of a listed file whose hash matches', () => {
    writeFileSync(join(dir, 'ok.txt'), text);
    expect([...readVerifiedSeed(dir, entry('ok.txt'))]).toEqual([...text]);
  });

  it('refuses a missing file, a folder and a changed file', () => {
    expect(problem(() => readVerifiedSeed(dir, entry('gone.txt')))).toBe('document listed in the manifest is missing');
    mkdirSync(join(dir, 'folder.txt'));
    expect(problem(() => readVerifiedSeed(dir, entry('folder.txt')))).toMatch(/names a folder or device/);
    writeFileSync(join(dir, 'changed.txt'), text);
    expect(problem(() => readVerifiedSeed(dir, entry('changed.txt', '0'.repeat(64))))).toMatch(/SHA-256 does not match the manifest/);
  });
});
