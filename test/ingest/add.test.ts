/**
 * `tsx pipelines/add.ts` through the real command line: it copies documents
 * into a seeds folder and writes their manifest entries from what they print;
 * the same file twice changes nothing; a different file with a listed symbol
 * is refused; bad files are refused with the file and what to do, leaving the
 * folder as it was.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runAddCli } from '../helpers/add-cli.ts';
import { runBuildCli, ROOT } from '../helpers/cli.ts';
import { sha256 } from '../../pipelines/core/io.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-add-'));
const PDF = (stem: string) => join(ROOT, 'data/un-documents', `${stem}.pdf`);
const SEED = join(ROOT, 'seeds/A_HRC_14_32_en.txt');
const BAD = (name: string) => join(ROOT, 'test/fixtures/pdf', name);

/** Every file of a folder with its hash, to prove nothing changed. */
function snapshot(dir: string): string {
  return existsSync(dir) ? readdirSync(dir).sort().map((f) => `${f} ${sha256(readFileSync(join(dir, f)))}`).join('\n') : '(none)';
}
const manifestOf = (dir: string) => parse(readFileSync(join(dir, 'manifest.yaml'), 'utf8')).documents as Record<string, unknown>[];

describe('add.ts', () => {
  const seeds = join(work, 'seeds');

  it('copies each document and writes its entry from what it prints, saying what it read', () => {
    const r = runAddCli(['--seeds', seeds, PDF('g1012049'), PDF('g1504261'), SEED]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(seeds).sort()).toEqual(['A_HRC_14_32_en.txt', 'g1012049.pdf', 'g1504261.pdf', 'manifest.yaml']);
    expect(readFileSync(join(seeds, 'g1012049.pdf'))).toEqual(readFileSync(PDF('g1012049')));
    expect(manifestOf(seeds)).toEqual([
      {
        doc_id: 'a-hrc-14-15', file: 'g1012049.pdf', symbol: 'A/HRC/14/15',
        title: 'Report of the Working Group on the Universal Periodic Review: Slovenia', date: '2010-03-15',
        body: 'Human Rights Council, fourteenth session, agenda item 6', language: 'en', pages: 22,
        sha256: 'ce221f60b0389b88aee03ad07de5206abe314053c4b2f6a236926ecc04d3062d',
      },
      {
        doc_id: 'a-hrc-28-15-add-1', file: 'g1504261.pdf', symbol: 'A/HRC/28/15/Add.1',
        title: 'Report of the Working Group on the Universal Periodic Review: Slovenia', date: '2015-03-04',
        body: 'Human Rights Council, twenty-eighth session, agenda item 6', language: 'en', pages: 8,
        sha256: 'a67a91fa33738c8e3aa6d1fbfe24289b02d2aecd38294e1734582358aeeebf47',
      },
      {
        doc_id: 'a-hrc-14-32', file: 'A_HRC_14_32_en.txt', symbol: 'A/HRC/14/32',
        title: 'Report submitted by the Special Rapporteur on trafficking in persons, especially women and children, Joy Ngozi Ezeilo',
        date: '2010-05-04', body: 'Human Rights Council, fourteenth session, agenda item 3', language: 'en', profile: 'rapporteur-thematic',
        sha256: '5d18decb2573b2776ef146252e90288b4c86a30e1820a5e6f6bd0fdff85cbf4f',
      },
    ]);
    expect(r.stdout).toContain('added');
    expect(r.stdout).toMatch(/symbol\s+A\/HRC\/14\/15\n/);
    expect(r.stdout).toMatch(/symbol\s+A\/HRC\/14\/32 \(from the file name\)/);
    expect(r.stdout).toMatch(/read\s+113 paragraphs, 7 headings, 0 footnotes, 103 sub-items/);
  }, 120_000);

  it('adding the same file again changes nothing', () => {
    const before = snapshot(seeds);
    const r = runAddCli(['--seeds', seeds, PDF('g1012049')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/unchanged .*g1012049\.pdf: already listed as a-hrc-14-15/);
    expect(snapshot(seeds)).toBe(before);
  }, 60_000);

  it('refuses a different file whose symbol is already listed', () => {
    const other = join(work, 'other');
    mkdirSync(other, { recursive: true });
    const impostor = join(other, 'A_HRC_14_15_en.txt'); // symbol from its name, content of another report
    copyFileSync(join(ROOT, 'test/fixtures/report/minimal.txt'), impostor);
    const before = snapshot(seeds);
    const r = runAddCli(['--seeds', seeds, impostor]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/A_HRC_14_15_en\.txt: the symbol A\/HRC\/14\/15 is already listed \(document a-hrc-14-15, file g1012049\.pdf\) with different content/);
    expect(r.stderr).toMatch(/what to do: .*remove that entry/);
    expect(snapshot(seeds)).toBe(before);
  }, 60_000);

  it('a seeds folder with documents but no manifest: the build and add.ts name the command', () => {
    const bare = join(work, 'bare');
    mkdirSync(bare, { recursive: true });
    copyFileSync(PDF('g1504261'), join(bare, 'g1504261.pdf'));
    const b = runBuildCli(['--seeds', bare, '--out', join(work, 'bare-out')]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/manifest\.yaml: the seeds folder holds 1 document \(g1504261\.pdf\) but no manifest\.yaml/);
    expect(b.stderr).toMatch(/what to do: list them with: tsx pipelines\/add\.ts --seeds .*bare/);
    const a = runAddCli(['--seeds', bare, PDF('g1012049')]);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/holds documents but no manifest\.yaml: g1504261\.pdf/);
    expect(a.stderr).toMatch(/tsx pipelines\/add\.ts --seeds/);
    expect(existsSync(join(bare, 'manifest.yaml'))).toBe(false);
    // adding the files already there (with the new one) writes the manifest
    const ok = runAddCli(['--seeds', bare, join(bare, 'g1504261.pdf'), PDF('g1012049')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(manifestOf(bare).map((d) => d.symbol)).toEqual(['A/HRC/28/15/Add.1', 'A/HRC/14/15']);
  }, 120_000);
});

describe('add.ts refuses bad input, naming the file and what to do, and changes nothing', () => {
  const seeds = join(work, 'bad-seeds');
  const cases: [string, string, RegExp[]][] = [
    ['a scanned PDF with no text layer', 'scanned.pdf', [/scanned\.pdf: the PDF has no text layer/, /what to do: .*OCR/]],
    ['an encrypted PDF', 'encrypted.pdf', [/encrypted\.pdf: the PDF is encrypted/, /what to do: .*unprotected copy/]],
    ['a truncated PDF', 'truncated.pdf', [/truncated\.pdf: the PDF is truncated/, /what to do: download the document again/]],
    ['a PDF that is not a UN document', 'not-un.pdf', [/not-un\.pdf: no UN document symbol found/, /what to do: .*--symbol/]],
    ['a document in another language', 'french.pdf', [/french\.pdf: the text is in French, not English/, /what to do: add the English version/]],
  ];
  for (const [name, file, messages] of cases) {
    it(`refuses ${name}`, () => {
      writeFileSync(join(work, 'marker'), '');
      const before = snapshot(seeds);
      const r = runAddCli(['--seeds', seeds, BAD(file)]);
      expect(r.code, r.stdout).toBe(1);
      for (const m of messages) expect(r.stderr).toMatch(m);
      expect(r.stderr).toContain('nothing was added');
      expect(snapshot(seeds)).toBe(before);
    }, 60_000);
  }

  it('with several bad files, reports each and adds none (not even the good one)', () => {
    const before = snapshot(seeds);
    const r = runAddCli(['--seeds', seeds, PDF('g1504261'), BAD('scanned.pdf'), BAD('french.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 of 3 files cannot be added, so none was/);
    expect(r.stderr).toMatch(/1\. .*scanned\.pdf/);
    expect(r.stderr).toMatch(/2\. .*french\.pdf/);
    expect(snapshot(seeds)).toBe(before);
  }, 60_000);

  it('takes the symbol (and the date) from the command line for a document that prints none', () => {
    const r = runAddCli(['--seeds', seeds, '--symbol', 'X/TEST/1', '--date', '2020-01-31', BAD('not-un.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(manifestOf(seeds).map((d) => [d.doc_id, d.symbol, d.date])).toEqual([['x-test-1', 'X/TEST/1', '2020-01-31']]);
  }, 60_000);
});
