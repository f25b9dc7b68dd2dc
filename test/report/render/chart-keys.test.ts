import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RENDER_KEYS_FILE, chartKey, readPreviousChart, readRenderKeys, renderKeysJson,
} from '../../../pipelines/report/render/chart-keys.ts';

describe('chart keys', () => {
  it('change with the spec text and with the renderer fingerprint', () => {
    const k = chartKey('{"a":1}\n', 'r1');
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(chartKey('{"a":1}\n', 'r1')).toBe(k);
    expect(chartKey('{"a":2}\n', 'r1')).not.toBe(k);
    expect(chartKey('{"a":1}\n', 'r2')).not.toBe(k);
  });

  it('round-trip through the keys file, names sorted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-keys-'));
    mkdirSync(join(dir, 'charts'));
    const text = renderKeysJson({ b: '2', a: '1' });
    expect(text).toBe('{\n  "a": "1",\n  "b": "2"\n}\n');
    writeFileSync(join(dir, RENDER_KEYS_FILE), text);
    expect(readRenderKeys(dir)).toEqual({ a: '1', b: '2' });
  });

  it('read as none when there is no previous build, no file or a damaged one (so every chart is rendered)', () => {
    expect(readRenderKeys(undefined)).toEqual({});
    const dir = mkdtempSync(join(tmpdir(), 'chart-keys-'));
    expect(readRenderKeys(dir)).toEqual({});
    mkdirSync(join(dir, 'charts'));
    writeFileSync(join(dir, RENDER_KEYS_FILE), '{ not json');
    expect(readRenderKeys(dir)).toEqual({});
  });

  it('reuse a previous chart only when all its files are there, with its size from the SVG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-keys-'));
    mkdirSync(join(dir, 'charts'));
    writeFileSync(join(dir, 'charts/x.svg'), '<svg class="marks" width="224" height="124" viewBox="0 0 224 124"></svg>\n');
    writeFileSync(join(dir, 'charts/x.png'), new Uint8Array([1, 2, 3]));
    expect(readPreviousChart(dir, 'x')).toBeNull();
    writeFileSync(join(dir, 'charts/x.html'), '<!doctype html>');
    const r = readPreviousChart(dir, 'x')!;
    expect([r.width, r.height]).toEqual([224, 124]);
    expect([...r.png]).toEqual([1, 2, 3]);
  });
});
