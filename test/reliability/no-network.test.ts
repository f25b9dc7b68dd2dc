/** The build makes no network request: it succeeds with every network API stubbed to throw. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, BUILD } from '../helpers/cli.ts';

describe('offline build', () => {
  it('succeeds with fetch, http, https, net, tls and dns denied', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-offline-')), 'output');
    const deny = join(ROOT, 'test/fixtures/network/deny.mjs');
    // the stub really is active in the child: a probe that fetches must fail
    const probe = spawnSync(process.execPath, ['--import', deny, '-e', "fetch('http://127.0.0.1:9')"], { encoding: 'utf8' });
    expect(probe.stderr).toContain('network access denied');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', deny, BUILD, '--out', out, '--force'], {
      cwd: ROOT, encoding: 'utf8', timeout: 180_000,
    });
    expect(r.stderr).not.toContain('network access denied');
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'charts/member-map.svg'))).toBe(true);
  });
});
