import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mapStack } from '../../pipelines/core/source-maps.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-maps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = resolve('test/fixtures/source-maps/throws.ts');

describe('mapStack', () => {
  it('gives the frames of a bundled file as the TypeScript source, line and column', async () => {
    // bundled as core/bundle.ts bundles the build: ESM, a linked map, preceded by a banner line
    await build({ entryPoints: [FIXTURE], outfile: join(dir, 'throws.mjs'), bundle: true, format: 'esm', platform: 'node', sourcemap: 'linked', banner: { js: '// banner\n// two lines' }, logLevel: 'silent' });
    const run = spawnSync(process.execPath, [join(dir, 'throws.mjs')], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    const raw = run.stderr.slice(run.stderr.indexOf('Error: failed with 7'));
    expect(raw).toContain(`${join(dir, 'throws.mjs')}:`); // node, without --enable-source-maps, names the bundle
    const mapped = mapStack(raw);
    expect(mapped).toContain(`at fail (${FIXTURE}:4:9)`);
    expect(mapped).toMatch(new RegExp(`${FIXTURE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6:1`));
    expect(mapped).not.toContain('throws.mjs');
  });

  it('leaves frames of files without a map as they are', () => {
    const stack = 'Error: x\n    at f (file:///nowhere/a.mjs:3:5)\n    at node:internal/modules/run_main:1:1';
    expect(mapStack(stack)).toBe(stack);
  });
});
