import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE_ENTRIES, ensureBundle, sourceKey, toolchainVersion } from '../../pipelines/core/bundle.ts';
import { ROOT } from '../helpers/cli.ts';

describe('the bundle the build runs from', () => {
  it('is named by the sources: a change to any file under pipelines/ or to esbuild\'s version gives another', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bundle-key-'));
    try {
      cpSync(join(ROOT, 'pipelines', 'sql'), join(dir, 'sql'), { recursive: true });
      const before = sourceKey(dir, '0.28.2');
      expect(sourceKey(dir, '0.28.2')).toBe(before);
      expect(sourceKey(dir, '0.28.3')).not.toBe(before);
      const file = join(dir, 'sql', 'macros.sql');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
      expect(sourceKey(dir, '0.28.2')).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is named by the lockfile too, which holds the versions of the packages bundled in', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-bundle-lock-'));
    try {
      cpSync(join(ROOT, 'node_modules', 'esbuild', 'package.json'), join(root, 'node_modules', 'esbuild', 'package.json'), { recursive: true });
      writeFileSync(join(root, 'package-lock.json'), '{"packages":{"node_modules/vega":{"version":"6.4.0"}}}');
      const before = toolchainVersion(root);
      expect(toolchainVersion(root)).toBe(before);
      writeFileSync(join(root, 'package-lock.json'), '{"packages":{"node_modules/vega":{"version":"6.4.1"}}}');
      expect(toolchainVersion(root)).not.toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps each module\'s import.meta.url, the URL of its source file, and exports what the threads load', async () => {
    const dir = await ensureBundle();
    const code = readdirSync(dir).filter((f) => f.endsWith('.mjs')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    // no import.meta.url is left: not a project module's own, nor one of a package bundled in
    expect(code).not.toContain('import.meta.url');
    // the packages bundled in are in it; the others are imported from node_modules
    expect(code).not.toMatch(/(?:from |import\()["'](?:vega|vega-lite|apache-arrow)["']/);
    expect(code).toMatch(/from ["']@duckdb\/node-api["']/);
    // the SQL models are found beside the source of core/sql-models.ts, not beside the bundle
    expect(code).toContain(JSON.stringify(pathToFileURL(join(ROOT, 'pipelines', 'core', 'sql-models.ts')).href));
    for (const name of Object.keys(BUNDLE_ENTRIES)) expect(readdirSync(dir)).toContain(`${name}.mjs`);
    const pdf = await import(pathToFileURL(join(dir, 'read-pdf-task.mjs')).href) as Record<string, unknown>;
    expect(typeof pdf.readPdfTask).toBe('function');
  });
});
