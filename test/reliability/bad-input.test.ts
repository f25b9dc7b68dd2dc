/**
 * Bad input through the real command line: each case exits non-zero with a
 * message naming the file, the line or record and the problem, and leaves the
 * previous output exactly as it was.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, copyFileSync, cpSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuildCli, ROOT } from '../helpers/cli.ts';
import { sha256 } from '../../pipelines/core/io.ts';
import { builtOut } from '../helpers/built.ts';

let out: string;
let before: string;
const work = mkdtempSync(join(tmpdir(), 'atlas-bad-'));
const FIX = join(ROOT, 'test/fixtures');
const SEED = join(ROOT, 'seeds/A_HRC_14_32_en.txt');

beforeAll(() => {
  // a published output to protect: a copy of the shared seed build
  const root = join(work, 'published');
  mkdirSync(root);
  out = join(root, 'output');
  cpSync(builtOut(), out, { recursive: true, dereference: true });
  before = snapshot();
});

function snapshot(): string {
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name)).sort();
  return files.map((f) => `${f} ${sha256(readFileSync(f))}`).join('\n');
}

/** A seeds folder holding one document (bytes as given) and a manifest with its true hash. */
function seedsWith(name: string, bytes: Buffer | string, hash = sha256(bytes)): string {
  const dir = join(work, `seeds-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.txt'), bytes);
  writeFileSync(join(dir, 'manifest.yaml'), `documents:
  - { doc_id: test, file: report.txt, symbol: A/HRC/14/32, title: T, date: 2010-05-04, body: HRC, language: en, sha256: "${hash}" }
`);
  return dir;
}

/** A data folder like data/ with one registry file replaced or edited. */
function dataWith(name: string, edit: (registry: string) => void): string {
  const dir = join(work, `data-${name}`);
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  edit(join(dir, 'registry'));
  return dir;
}
const useMechanismsFile = (fixture: string) => (reg: string) => {
  rmSync(join(reg, 'mechanisms'), { recursive: true });
  copyFileSync(join(FIX, 'registry', fixture), join(reg, 'mechanisms.yaml'));
};

function expectRefused(args: string[], ...messages: (string | RegExp)[]) {
  const r = runBuildCli([...args, '--out', out]);
  expect(r.code, r.stderr).toBe(1);
  for (const m of messages) expect(r.stderr).toMatch(m);
  expect(r.stderr).toContain('previous output');
  expect(snapshot()).toBe(before);
}

const seed = readFileSync(SEED, 'utf8');
const report = (f: string) => readFileSync(join(FIX, 'report', f));

describe('bad report text', () => {
  const cases: [string, Buffer | string, (string | RegExp)[]][] = [
    ['empty file', report('empty.txt'), [/report\.txt.*empty/i]],
    ['binary garbage', report('binary.bin'), [/report\.txt.*binary/i]],
    ['invalid UTF-8', report('invalid-utf8.txt'), [/report\.txt:\d+.*UTF-8/i]],
    ['no numbered paragraphs', report('no-paragraphs.txt'), [/report\.txt.*no numbered paragraph/i]],
    ['a repeated paragraph number', seed.replace('\n8. On 22 October', '\n7. On 22 October'), [/report\.txt:\d+.*7.*(repeat|twice|again)/i]],
    ['a skipped paragraph number', seed.replace('\n8. On 22 October', '\n9. On 22 October'), [/report\.txt:\d+.*skip/i]],
    ['paragraphs out of order', report('out-of-order.txt'), [/report\.txt:\d+.*order/i]],
    ['text before the first paragraph that looks like one', report('front-matter-number.txt'), [/report\.txt:\d+/]],
    ['a footnote marker with no footnote', seed.replace('\n¹ The fight against trafficking', '\nThe fight against trafficking'), [/report\.txt:\d+.*footnote/i]],
    ['a footnote with no marker', seed.replace('routes and different forms', 'routes and different forms⁹').replace('similar area or travelling route, it may deem it necessary to develop a joint effort in partnership with a third country, region or organization.¹', 'similar area or travelling route, it may deem it necessary to develop a joint effort in partnership with a third country, region or organization.'), [/report\.txt:\d+.*footnote/i]],
    ['a truncated file', seed.slice(0, seed.indexOf('\n120. ')), [/report\.txt:\d+.*(truncat|stops|ends)/i]],
    ['a 10 MB single line', seed.replace('\n1. In her first report', `\n${'x'.repeat(10 * 1024 * 1024)}\n\n1. In her first report`), [/report\.txt:\d+.*longer than/]],
  ];
  for (const [name, bytes, messages] of cases) {
    it(`refuses ${name}`, () => expectRefused(['--seeds', seedsWith(name.replaceAll(' ', '-'), bytes)], ...messages));
  }

  // with no previous output the chart thread starts as the build starts; the warm-up that starts it
  // once threw after that, sizing the missing folder, and the thread kept the failed build's process alive
  it('refuses a seeds folder that does not exist, and exits, with or without a previous output', () => {
    expectRefused(['--seeds', join(work, 'no-such-seeds')], /no-such-seeds.manifest\.yaml: no seeds manifest/);
    const r = runBuildCli(['--seeds', join(work, 'no-such-seeds'), '--out', join(work, 'never-built')], { timeout: 60_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('no output was written');
  }, 150_000);

  it('refuses a document whose hash differs from the manifest', () => {
    expectRefused(['--seeds', seedsWith('wrong-hash', seed, '0'.repeat(64))], /report\.txt.*SHA-256 does not match/);
  });

  // each variant alone is covered by test/ingest/parse-report/decode.test.ts; here all at once, end to end
  it('parses CRLF line endings, a byte-order mark, NFD and non-breaking spaces into the same paragraphs', () => {
    const variant = `\uFEFF${seed.normalize('NFD').replaceAll('Special Rapporteur', 'Special\u00A0Rapporteur').replaceAll('\n', '\r\n')}`;
    for (const [name, text] of [['crlf-bom-nfd-nbsp', variant]]) {
      const o = join(work, `ok-${name}`, 'output');
      const r = runBuildCli(['--seeds', seedsWith(`ok-${name}`, text), '--out', o]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(readFileSync(join(o, 'tables/paragraphs.csv'), 'utf8')).toBe(readFileSync(join(builtOut(), 'tables/paragraphs.csv'), 'utf8').replaceAll('a-hrc-14-32', 'test'));
    }
  }, 120_000);
});

describe('bad registry records', () => {
  const cases: [string, (reg: string) => void, (string | RegExp)[]][] = [
    ['a duplicate id', useMechanismsFile('duplicate-id.mechanisms.yaml'), [/mechanisms\.yaml.*duplicate/i]],
    ['an unknown region', useMechanismsFile('unknown-region.mechanisms.yaml'), [/mechanisms\.yaml.*region/i]],
    ['an invalid ISO code', useMechanismsFile('invalid-iso.mechanisms.yaml'), [/mechanisms\.yaml.*(ISO|iso3)/]],
    ['two mechanisms claiming the same reference', useMechanismsFile('duplicate-reference.mechanisms.yaml'), [/mechanisms\.yaml.*(reference|surface)/i]],
    ['an instrument with an impossible year', useMechanismsFile('impossible-year.mechanisms.yaml'), [/mechanisms\.yaml.*year/i]],
    ['a YAML syntax error', useMechanismsFile('syntax-error.mechanisms.yaml'), [/mechanisms\.yaml:\d+/]],
    ['a citation to a paragraph that does not exist', (reg) => {
      const f = join(reg, 'mechanisms', 'coe.yaml');
      writeFileSync(f, readFileSync(f, 'utf8').replace('paragraphs: [3, 27,', 'paragraphs: [3, 927,'));
    }, [/coe\.yaml:\d+, record coe, field paragraphs.*paragraph must be between 1 and 137/]],
  ];
  for (const [name, edit, messages] of cases) {
    it(`refuses ${name}`, () => expectRefused(['--data', dataWith(name.replaceAll(' ', '-'), edit)], ...messages));
  }
});
