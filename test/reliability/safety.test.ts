/**
 * Hostile or mistaken input through the real command line: an --out that would
 * replace something the kit did not write, paths that lead out of the seeds
 * folder, YAML alias bombs and oversized files. Each case exits 1 with a message
 * naming the folder or file and what to do, and every file, folder and link
 * that existed before is byte-identical after (nothing added either).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, cpSync, readdirSync, lstatSync, readlinkSync, symlinkSync, truncateSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runBuildCli, ROOT } from '../helpers/cli.ts';
import { builtOut } from '../helpers/built.ts';
import { sha256 } from '../../pipelines/core/io.ts';
import { LIMITS } from '../../pipelines/core/limits.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-safety-'));
const SEED = readFileSync(join(ROOT, 'seeds/A_HRC_14_32_en.txt'));
const SKIP = new Set(['node_modules', '.git']);

/** Every entry under each folder: files with their SHA-256, links with their target, folders by name. */
function snapshot(...folders: string[]): string {
  const lines: string[] = [];
  const walk = (dir: string, base: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (SKIP.has(name)) continue;
      const p = join(dir, name);
      const st = lstatSync(p);
      const rel = `${base}:${relative(base, p)}`;
      if (st.isSymbolicLink()) lines.push(`${rel} -> ${readlinkSync(p)}`);
      else if (st.isDirectory()) { lines.push(`${rel}/`); walk(p, base); }
      else lines.push(`${rel} ${st.size} ${sha256(readFileSync(p))}`);
    }
  };
  for (const f of folders) walk(f, f);
  return lines.join('\n');
}

/**
 * Run the CLI (from the project folder, as a user would) and assert: exit 1,
 * every message part present, a "what to do" line, no stack trace, and the
 * folders byte-identical before and after. Returns stderr for the report.
 */
function expectRefused(args: string[], folders: string[], ...messages: (string | RegExp)[]): string {
  const before = snapshot(...folders);
  const r = runBuildCli(args);
  expect(r.code, r.stderr).toBe(1);
  for (const m of messages) expect(r.stderr).toMatch(m);
  expect(r.stderr).toContain('what to do:');
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(snapshot(...folders)).toBe(before);
  return r.stderr;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('--out that would replace something the kit did not write', () => {
  it('refuses a folder holding a user\'s file', () => {
    const parent = join(work, 'user');
    mkdirSync(join(parent, 'mydocs'), { recursive: true });
    writeFileSync(join(parent, 'mydocs', 'thesis.txt'), 'precious\n');
    expectRefused(['--out', join(parent, 'mydocs')], [parent],
      new RegExp(`--out ${esc(join(parent, 'mydocs'))} is an existing folder this kit did not write: it holds 1 entry`),
      /give --out a folder of its own: a new path/, /nothing was built and nothing was changed/);
  });

  // the project's own folders, named as a user would from a fresh clone; the build refuses before reading anything
  const parentEntries = () => readdirSync(ROOT).filter((n) => n.startsWith('.')).sort().join(' ');
  for (const [flag, folder, what] of [['seeds', 'seeds', 'the seeds folder \\(--seeds\\)'], ['data', 'data', 'the data folder \\(--data\\)']] as const) {
    it(`refuses --out equal to ${folder}/`, () => {
      const dots = parentEntries();
      expectRefused(['--out', folder], [join(ROOT, folder)], new RegExp(`--out ${esc(join(ROOT, folder))} is ${what}`), /give --out a folder of its own/);
      expect(parentEntries(), `no .${flag}-builds beside it`).toBe(dots);
    });
  }

  it('refuses --out equal to the project folder', () => {
    expectRefused(['--out', '.'], [ROOT], new RegExp(`--out ${esc(ROOT.replace(/\/$/, ''))} is the project folder`));
  }, 120_000);

  it('refuses --out inside the seeds folder', () => {
    const dots = parentEntries();
    expectRefused(['--out', 'seeds/output'], [join(ROOT, 'seeds')],
      new RegExp(`--out ${esc(join(ROOT, 'seeds/output'))} is inside the seeds folder \\(--seeds\\), ${esc(join(ROOT, 'seeds'))}`));
    expect(existsSync(join(ROOT, 'seeds/output'))).toBe(false);
    expect(parentEntries()).toBe(dots);
  });

  it('refuses --out that contains the data folder given with --data', () => {
    const parent = join(work, 'contains');
    cpSync(join(ROOT, 'data'), join(parent, 'data'), { recursive: true });
    expectRefused(['--data', join(parent, 'data'), '--out', parent], [parent], new RegExp(`--out ${esc(parent)} contains the data folder \\(--data\\)`));
  });

  it('refuses a link that leads somewhere else than the kit\'s builds', () => {
    const parent = join(work, 'link');
    mkdirSync(join(parent, 'mydocs'), { recursive: true });
    writeFileSync(join(parent, 'mydocs', 'thesis.txt'), 'precious\n');
    symlinkSync('mydocs', join(parent, 'output'));
    expectRefused(['--out', join(parent, 'output')], [parent],
      new RegExp(`--out ${esc(join(parent, 'output'))} is a symbolic link to ${esc(join(parent, 'mydocs'))}, not to a build of this kit`));
  });
});

describe('inputs that lead out of their folder, and limits', () => {
  let out: string;
  beforeAll(() => {
    // a published output to protect: a copy of the shared seed build (a folder marked by the kit)
    out = join(work, 'published', 'output');
    cpSync(builtOut(), out, { recursive: true, dereference: true });
  });

  /** A seeds folder whose manifest lists `file` with the true hash of the seed text. */
  function seedsListing(name: string, file: string): string {
    const dir = join(work, `seeds-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.yaml'), `documents:
  - doc_id: test
    file: ${file}
    symbol: A/HRC/14/32
    title: T
    date: 2010-05-04
    body: HRC
    language: en
    sha256: "${sha256(SEED)}"
`);
    return dir;
  }
  const refusedSeeds = (seeds: string, extra: string[], ...messages: RegExp[]) =>
    expectRefused(['--seeds', seeds, '--out', out], [join(out, '..'), seeds, ...extra], ...messages, /the previous output in .* was left unchanged/);

  it('refuses a manifest entry with ..', () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, 'report.txt'), SEED); // the right bytes: only the path rule stands in the way
    const seeds = seedsListing('dotdot', '../elsewhere/report.txt');
    refusedSeeds(seeds, [elsewhere],
      new RegExp(`${esc(join(seeds, 'manifest.yaml'))}:3, record document test, field file: "\\.\\./elsewhere/report\\.txt" goes up a folder \\(\\.\\.\\), outside ${esc(seeds)}`),
      /what to do: copy the file into .* and give its path relative to that folder/);
  });

  it('refuses an absolute path', () => {
    const abs = join(work, 'elsewhere-abs', 'report.txt');
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, SEED);
    const seeds = seedsListing('absolute', abs);
    refusedSeeds(seeds, [join(abs, '..')], new RegExp(`manifest\\.yaml:3, record document test, field file: "${esc(abs)}" is an absolute path`));
  });

  it('refuses a symbolic link that leads out of the seeds folder', () => {
    const target = join(work, 'elsewhere-link', 'report.txt');
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, SEED);
    const seeds = seedsListing('symlink', 'report.txt');
    symlinkSync(target, join(seeds, 'report.txt'));
    refusedSeeds(seeds, [join(target, '..')], new RegExp(`field file: "report\\.txt" is a symbolic link that leads to ${esc(target)}`));
  });

  it('refuses a raw data manifest entry with .., and a registry file that links out of the data folder', () => {
    const data = join(work, 'data-paths');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const manifest = join(data, 'raw', 'indicators', 'manifest.yaml');
    const original = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, original.replace('file: tip_tiers_orig.csv', 'file: ../../../seeds-copy/tip_tiers_orig.csv'));
    expectRefused(['--data', data, '--out', out], [join(out, '..'), data],
      new RegExp(`\\[load-indicators\\] ${esc(manifest)}:5, record files\\[0\\], field file: "\\.\\./\\.\\./\\.\\./seeds-copy/tip_tiers_orig\\.csv" goes up a folder`));
    writeFileSync(manifest, original);
    mkdirSync(join(work, 'outside'));
    const outside = join(work, 'outside', 'mechanism.yaml');
    writeFileSync(outside, 'id: x\n');
    symlinkSync(outside, join(data, 'registry', 'mechanisms', 'zz.yaml'));
    expectRefused(['--data', data, '--out', out], [join(out, '..'), data, join(work, 'outside')],
      new RegExp(`\\[load-registry\\] .*mechanisms, record zz\\.yaml: "zz\\.yaml" is a symbolic link that leads to ${esc(outside)}`),
      /what to do: replace the link with a copy of the file/);
  });

  it('refuses a YAML alias bomb', () => {
    const seeds = join(work, 'seeds-bomb');
    mkdirSync(seeds, { recursive: true });
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let k = 1; k < 9; k++) {
      const prev = String.fromCharCode(96 + k);
      const name = String.fromCharCode(97 + k);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    writeFileSync(join(seeds, 'manifest.yaml'), `${levels.join('\n')}\ndocuments: *i\n`);
    refusedSeeds(seeds, [], new RegExp(`${esc(join(seeds, 'manifest.yaml'))}:2: YAML alias limit hit: .* past the limit of ${LIMITS.maxYamlAliases}`),
      /what to do: write the values out instead of nesting aliases/);
  });

  it('refuses a YAML alias bomb in the registry', () => {
    const data = join(work, 'data-bomb');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    writeFileSync(join(data, 'registry', 'cues.yaml'), 'x: &x [1,1,1,1,1,1,1,1,1,1]\ny: &y [*x,*x,*x,*x,*x,*x,*x,*x,*x,*x]\nz: &z [*y,*y,*y,*y,*y,*y,*y,*y,*y,*y]\ngender: { m: *z }\n');
    expectRefused(['--data', data, '--out', out], [join(out, '..'), data], /\[load-registry\] .*cues\.yaml:2: YAML alias limit hit/);
  });

  it('refuses a YAML file over the limit', () => {
    const seeds = seedsListing('big-yaml', 'report.txt');
    writeFileSync(join(seeds, 'report.txt'), SEED);
    const manifest = join(seeds, 'manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8') + `# ${'padding '.repeat(127)}\n`.repeat(Math.ceil(LIMITS.maxYamlBytes / 1000)));
    refusedSeeds(seeds, [], new RegExp(`${esc(manifest)}: YAML file is [\\d,]+ bytes \\([\\d.]+ MiB\\), over the limit of ${LIMITS.maxYamlBytes.toLocaleString('en')} bytes`),
      /what to do: check that this is the intended file/);
  });

  it('refuses a document over the limit before reading it', () => {
    const seeds = seedsListing('big-doc', 'report.txt');
    writeFileSync(join(seeds, 'report.txt'), SEED);
    truncateSync(join(seeds, 'report.txt'), LIMITS.maxDocumentBytes + 1); // sparse: no disk used
    refusedSeeds(seeds, [], new RegExp(`${esc(join(seeds, 'report.txt'))}, record document test: document is [\\d,]+ bytes .*, over the limit of ${LIMITS.maxDocumentBytes.toLocaleString('en')} bytes`));
  });
});

describe('a failed first build', () => {
  it('says there was no previous output and leaves nothing behind', () => {
    const parent = join(work, 'first');
    mkdirSync(parent, { recursive: true });
    writeFileSync(join(parent, 'notes.txt'), 'keep me\n');
    const seeds = join(work, 'seeds-first');
    mkdirSync(seeds, { recursive: true });
    writeFileSync(join(seeds, 'report.txt'), SEED);
    writeFileSync(join(seeds, 'manifest.yaml'), `documents:
  - { doc_id: test, file: report.txt, symbol: A/HRC/14/32, title: T, date: 2010-05-04, body: HRC, language: en, sha256: "${'0'.repeat(64)}" }
`);
    // the output folder and two of its parents do not exist yet: all are made for the build, and all must go
    const out = join(parent, 'new', 'deeper', 'output');
    expectRefused(['--seeds', seeds, '--out', out], [parent, seeds], /SHA-256 does not match the manifest/,
      new RegExp(`no output was written: there was no previous output in ${esc(out)}, and the failed build left nothing behind`));
    expect(readdirSync(parent)).toEqual(['notes.txt']);
  });
});
