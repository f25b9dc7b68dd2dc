/** Paths from manifests and the registry stay inside their folder. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputPath, pathProblem, isInside } from '../../pipelines/core/input-path.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-path-'));
const seeds = join(root, 'seeds');
mkdirSync(join(seeds, 'sub'), { recursive: true });
writeFileSync(join(seeds, 'sub', 'a.txt'), 'a');
writeFileSync(join(root, 'secret.txt'), 's');
symlinkSync(join(root, 'secret.txt'), join(seeds, 'out.txt'));
symlinkSync('sub/a.txt', join(seeds, 'in.txt'));

describe('inputPath', () => {
  it('accepts plain relative paths, links inside the folder and files not there yet', () => {
    expect(inputPath(seeds, 'sub/a.txt', {})).toBe(join(seeds, 'sub/a.txt'));
    expect(pathProblem(seeds, 'in.txt')).toBeNull();
    expect(pathProblem(seeds, 'missing.txt')).toBeNull();
    expect(pathProblem(seeds, 'a..b.txt')).toBeNull();
  });

  it.each([
    ['../secret.txt', 'goes up a folder (..)'],
    ['sub/../../secret.txt', 'goes up a folder (..)'],
    ['sub\\..\\..\\secret.txt', 'goes up a folder (..)'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/Windows/win.ini', 'is an absolute path'],
    ['~/secret.txt', 'is an absolute path'],
    ['out.txt', `is a symbolic link that leads to ${join(root, 'secret.txt')}`],
  ])('refuses %s', (rel, problem) => {
    expect(() => inputPath(seeds, rel, { file: 'seeds/manifest.yaml', line: 4, record: 'document a', field: 'file' }))
      .toThrow(`seeds/manifest.yaml:4, record document a, field file: "${rel}" ${problem}, outside ${seeds}`);
  });

  it('isInside compares whole path segments', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/..c')).toBe(true);
  });
});
