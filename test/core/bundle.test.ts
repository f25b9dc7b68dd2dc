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
    const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).map((f) => readFileSync(join(dir, f), 'utf8'));
    // each file opens with the banner giving CommonJS packages bundled in a require (resolved from the bundle's folder) ...
    for (const f of files) expect(f.split('\n')[0]).toMatch(/^import \{ createRequire as __atlasCreateRequire \} from 'node:module'; const require = __atlasCreateRequire\(import\.meta\.url\);$/);
    const code = files.map((f) => f.split('\n').slice(1).join('\n')).join('\n');
    // ... and after it no import.meta.url is left: not a project module's own, nor one of a package bundled in
    expect(code).not.toContain('import.meta.url');
    // the packages bundled in are in it; the others (native code, WebAssembly) are imported from node_modules
    expect(code).not.toMatch(/(?:from |import\(|require\()["'](?:vega|vega-lite|apache-arrow|@duckdb\/node-api|yaml|zod|docx|commander)["']/);
    expect(code).toMatch(/(?:from |import\(|require\()["']@duckdb\/node-bindings["']/);
    expect(code).toMatch(/(?:from |import\(|require\()["']@resvg\/resvg-js["']/);
    // the SQL models are found beside the source of core/sql-models.ts, not beside the bundle
    expect(code).toContain(JSON.stringify(pathToFileURL(join(ROOT, 'pipelines', 'core', 'sql-models.ts')).href));
    for (const name of Object.keys(BUNDLE_ENTRIES)) expect(readdirSync(dir)).toContain(`${name}.mjs`);
    const pdf = await import(pathToFileURL(join(dir, 'read-pdf-task.mjs')).href) as Record<string, unknown>;
    expect(typeof pdf.readPdfTask).toBe('function');
  });
});
