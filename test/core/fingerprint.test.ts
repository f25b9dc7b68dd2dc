/** hashPaths: the contents behind the input paths, read as files and folders only. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtlasError } from '../../pipelines/core/errors.ts';
import { hashPaths } from '../../pipelines/core/fingerprint.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hashPaths', () => {
  it('follows a link to a file as that file, and changes with its contents', () => {
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'report.txt'), 'one');
    symlinkSync(join(dir, 'report.txt'), join(dir, 'seeds', 'report.txt'));
    const before = hashPaths([join(dir, 'seeds')]);
    writeFileSync(join(dir, 'report.txt'), 'two');
    expect(hashPaths([join(dir, 'seeds')])).not.toBe(before);
  });

  it('refuses a link to a device instead of reading it for ever, naming the file', () => {
    mkdirSync(join(dir, 'bad'));
    symlinkSync('/dev/zero', join(dir, 'bad', 'endless.txt'));
    expect(() => hashPaths([join(dir, 'bad')])).toThrow(AtlasError);
    expect(() => hashPaths([join(dir, 'bad')])).toThrow(/endless\.txt: not a regular file/);
  });
});
