/** Publishing and pruning touch only what the kit wrote. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, existsSync, symlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuild, pruneBuilds } from '../../pipelines/core/io.ts';
import { GENERATOR, BUILD_IN_PROGRESS, hasKitMark } from '../../pipelines/core/build-mark.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'atlas-io-'));
/** A build as execute.ts makes it: files, then the marked manifest, then publish. */
function build(out: string, id: string, text = id): string {
  const b = startBuild(out, id);
  expect(existsSync(join(b.dir, BUILD_IN_PROGRESS))).toBe(true);
  writeFileSync(join(b.dir, 'a.txt'), text);
  writeFileSync(join(b.dir, 'manifest.json'), JSON.stringify({ generator: GENERATOR }));
  b.publish();
  return b.dir;
}

describe('startBuild and pruneBuilds', () => {
  it('publish a link to the new build, without the in-progress mark, and remove the kit\'s older builds', () => {
    const root = tmp();
    const out = join(root, 'output');
    build(out, '1');
    const dir = build(out, '2');
    expect(realpathSync(out)).toBe(dir);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'manifest.json']);
    expect(readdirSync(join(root, '.output-builds'))).toEqual(['2']);
    expect(readdirSync(root).sort()).toEqual(['.output-builds', 'output']);
  });

  it('remove killed builds and empty folders, but keep what carries no mark', () => {
    const root = tmp();
    const out = join(root, 'output');
    build(out, '1');
    const builds = join(root, '.output-builds');
    mkdirSync(join(builds, 'killed', 'tables'), { recursive: true }); // a build killed mid-way: only its in-progress mark
    writeFileSync(join(builds, 'killed', BUILD_IN_PROGRESS), '');
    writeFileSync(join(builds, 'killed', 'tables', 'x.csv'), 'x');
    mkdirSync(join(builds, 'empty'));
    mkdirSync(join(builds, 'user'));
    writeFileSync(join(builds, 'user', 'keep.txt'), 'mine');
    mkdirSync(join(builds, 'old'));
    writeFileSync(join(builds, 'old', 'manifest.json'), '{"built_at":"2025-01-01"}'); // no generator: not provably the kit's
    writeFileSync(join(root, '.output-link-user'), 'a file, not a link');
    symlinkSync('.output-builds/killed', join(root, '.output-link-9'));
    build(out, '2');
    expect(readdirSync(builds).sort()).toEqual(['2', 'old', 'user']);
    expect(readFileSync(join(builds, 'user', 'keep.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(root).sort()).toEqual(['.output-builds', '.output-link-user', 'output']);
  });

  it('replace a marked output that is a plain folder, and prune it', () => {
    const root = tmp();
    const out = join(root, 'output');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generator: GENERATOR }));
    build(out, '1');
    expect(readdirSync(join(root, '.output-builds'))).toEqual(['1']);
    pruneBuilds(out);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('1');
  });

  it('discard removes the build and the folders made for it, nothing else', () => {
    const root = tmp();
    writeFileSync(join(root, 'notes.txt'), 'n');
    const b = startBuild(join(root, 'a', 'b', 'output'), '1');
    writeFileSync(join(b.dir, 'half.csv'), 'x');
    b.discard();
    expect(readdirSync(root)).toEqual(['notes.txt']);
    // with a published output beside it, the builds folder stays
    const out = join(root, 'output');
    build(out, '1');
    const c = startBuild(out, '2');
    c.discard();
    expect(readdirSync(join(root, '.output-builds'))).toEqual(['1']);
  });

  it('hasKitMark knows the kit\'s folders', () => {
    const root = tmp();
    expect(hasKitMark(root)).toBe(false);
    writeFileSync(join(root, 'manifest.json'), JSON.stringify({ generator: { name: GENERATOR.name, format: 7 } }));
    expect(hasKitMark(root)).toBe(true);
    writeFileSync(join(root, 'manifest.json'), 'not json');
    expect(hasKitMark(root)).toBe(false);
  });
});
