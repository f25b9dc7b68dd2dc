/**
 * PDFs through the real build: a build that meets several bad documents
 * names every one of them, then stops with nothing published (the previous
 * output stays byte for byte); a corpus without A/HRC/14/32 builds; the
 * manifest can give the symbol of a PDF that prints none.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuildCli, ROOT } from '../helpers/cli.ts';
import { builtOut } from '../helpers/built.ts';
import { sha256 } from '../../pipelines/core/io.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-bad-pdf-'));
let out: string;
let before: string;

function snapshot(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name)).sort();
  return files.map((f) => `${f} ${sha256(readFileSync(f))}`).join('\n');
}

beforeAll(() => {
  out = join(work, 'published', 'output');
  mkdirSync(join(work, 'published'));
  cpSync(builtOut(), out, { recursive: true, dereference: true });
  before = snapshot(out);
});

interface Entry { file: string; from: string; symbol: string; language?: string }

/** A seeds folder with the given files and a manifest listing them with their true hashes. */
function seeds(name: string, entries: Entry[]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const lines = entries.map((e, i) => {
    copyFileSync(e.from, join(dir, e.file));
    const hash = sha256(readFileSync(e.from));
    return `  - { doc_id: doc-${i + 1}, file: ${e.file}, symbol: "${e.symbol}", title: T, date: 2010-05-04, body: HRC, language: ${e.language ?? 'en'}, sha256: "${hash}" }`;
  });
  writeFileSync(join(dir, 'manifest.yaml'), `documents:\n${lines.join('\n')}\n`);
  return dir;
}

const BAD = (f: string) => join(ROOT, 'test/fixtures/pdf', f);
const UN = (f: string) => join(ROOT, 'data/un-documents', f);
const SEED = join(ROOT, 'seeds/A_HRC_14_32_en.txt');

describe('bad PDFs in a build', () => {
  it('names every bad document, then stops with nothing published', () => {
    const dir = seeds('several-bad', [
      { file: 'A_HRC_14_32_en.txt', from: SEED, symbol: 'A/HRC/14/32' },
      { file: 'scanned.pdf', from: BAD('scanned.pdf'), symbol: 'X/SCAN/1' },
      { file: 'encrypted.pdf', from: BAD('encrypted.pdf'), symbol: 'X/ENC/1' },
      { file: 'g1504261.pdf', from: UN('g1504261.pdf'), symbol: 'A/HRC/28/15/Add.1' },
      { file: 'truncated.pdf', from: BAD('truncated.pdf'), symbol: 'A/HRC/28/15/Add.1/Cut' },
      { file: 'french.pdf', from: BAD('french.pdf'), symbol: 'A/HRC/14/32/FR' },
    ]);
    const r = runBuildCli(['--seeds', dir, '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/4 of 6 documents cannot be read, so nothing was built/);
    expect(r.stderr).toMatch(/1\. \[read-pdf\] .*scanned\.pdf: the PDF has no text layer/);
    expect(r.stderr).toMatch(/2\. \[read-pdf\] .*encrypted\.pdf: the PDF is encrypted/);
    expect(r.stderr).toMatch(/3\. \[read-pdf\] .*truncated\.pdf: the PDF is truncated/);
    expect(r.stderr).toMatch(/4\. \[ingest-report\] .*french\.pdf: the text is in French, not English/);
    expect(r.stderr.match(/what to do:/g)!.length).toBeGreaterThanOrEqual(5);
    expect(r.stderr).toContain('the previous output');
    expect(snapshot(out)).toBe(before);
  }, 120_000);

  it('refuses a document the manifest lists in another language, and a PDF whose masthead prints another symbol', () => {
    const dir = seeds('listed-french', [
      { file: 'g1504261.pdf', from: UN('g1504261.pdf'), symbol: 'A/HRC/28/15/Add.1', language: 'fr' },
      { file: 'g1012049.pdf', from: UN('g1012049.pdf'), symbol: 'A/HRC/14/99' },
    ]);
    const r = runBuildCli(['--seeds', dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/g1504261\.pdf: the manifest lists the document as French \(fr\); Mechanism Atlas reads English documents only/);
    expect(r.stderr).toMatch(/g1012049\.pdf, record document doc-2: the masthead prints the symbol A\/HRC\/14\/15, but the manifest lists A\/HRC\/14\/99/);
    expect(snapshot(out)).toBe(before);
  }, 120_000);
});

describe('a corpus without A/HRC/14/32', () => {
  it('builds; the manifest gives the symbol of a PDF that prints none; the seed-only stages give empty tables', () => {
    const dir = seeds('no-seed', [
      { file: 'g1012049.pdf', from: UN('g1012049.pdf'), symbol: 'A/HRC/14/15' },
      { file: 'not-un.pdf', from: BAD('not-un.pdf'), symbol: 'X/TEST/1' },
    ]);
    const o = join(work, 'no-seed-out', 'output');
    const r = runBuildCli(['--seeds', dir, '--out', o]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/the registry cites A\/HRC\/14\/32, which is not in this corpus/);
    const csv = (t: string) => readFileSync(join(o, 'tables', `${t}.csv`), 'utf8').trim().split('\n');
    expect(csv('documents').slice(1).map((l) => l.split(',')[1])).toEqual(['A/HRC/14/15', 'X/TEST/1']);
    expect(csv('data_requests')).toHaveLength(1); // the header only
    expect(csv('paragraphs')).toHaveLength(1 + 113 + 1);
    expect(csv('paragraph_items').length).toBeGreaterThan(100);
  }, 120_000);
});
