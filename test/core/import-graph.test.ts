/**
 * The import graph is read from the imports themselves: what a module loads at run time
 * (static, dynamic and asset imports), not what it only names as a type or in a comment.
 * And pipelines/ has no import cycle.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { importsOf, importGraph, importCycles, closureOf } from '../../pipelines/core/import-graph.ts';
import { REPO_ROOT } from '../../pipelines/core/fingerprint.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-imports-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFilesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('importsOf', () => {
  it('counts static, re-exported, side-effect, dynamic and asset imports of project files, in source order', () => {
    const dir = project({
      'a.ts': [
        "import { b } from './b.ts';",
        "export { c } from './c.ts';",
        "import './d.ts';",
        "import {\n  e1,\n  e2 as e3,\n} from './e.ts';",
        "import * as vega from 'vega';",
        'const f = async () => (await import(\'./f.ts\')).f;',
        "const asset = new URL('./client.js', import.meta.url);",
      ].join('\n'),
      'b.ts': '', 'c.ts': '', 'd.ts': '', 'e.ts': '', 'f.ts': '', 'client.js': '',
    });
    const edges = importsOf(join(dir, 'a.ts'));
    expect(edges.map((e) => [relative(dir, e.file), e.dynamic])).toEqual([
      ['b.ts', false], ['c.ts', false], ['d.ts', false], ['e.ts', false], ['f.ts', true], ['client.js', false],
    ]);
  });

  it('leaves out type-only imports and imports written in comments, not those after a string holding comment marks', () => {
    const dir = project({
      'a.ts': [
        "import type { T } from './types.ts';",
        "import { type U, type V } from './more-types.ts';",
        "export type { W } from './w.ts';",
        "import { type X, y } from './mixed.ts';",
        "/** Example: import { z } from './z.ts'; */",
        "// import { q } from './q.ts';",
        "const glob = 'pipelines/sql/*.sql', url = 'https://example.org/x';",
        "import { after } from './after-strings.ts';",
        "/* closes here */",
      ].join('\n'),
      'types.ts': '', 'more-types.ts': '', 'w.ts': '', 'mixed.ts': '', 'z.ts': '', 'q.ts': '', 'after-strings.ts': '',
    });
    // a '/*' or '//' inside a string starts no comment, so the import after it still counts
    expect(importsOf(join(dir, 'a.ts')).map((e) => relative(dir, e.file))).toEqual(['mixed.ts', 'after-strings.ts']);
  });
});

describe('importCycles', () => {
  it('finds a cycle, including one closed by a dynamic import', () => {
    const dir = project({
      'runner.ts': "import { x } from './types.ts';\nexport const run = () => import('./execute.ts');",
      'execute.ts': "import { run } from './runner.ts';",
      'types.ts': '',
      'self.ts': "import './self.ts';",
    });
    const graph = importGraph([join(dir, 'runner.ts'), join(dir, 'self.ts')]);
    expect(importCycles(graph).map((c) => c.map((f) => relative(dir, f)))).toEqual([['execute.ts', 'runner.ts'], ['self.ts']]);
    expect(closureOf(join(dir, 'execute.ts'), graph).map((f) => relative(dir, f))).toEqual(['execute.ts', 'runner.ts', 'types.ts']);
  });

  it('finds no import cycle under pipelines/', () => {
    const graph = importGraph(tsFilesUnder(join(REPO_ROOT, 'pipelines')));
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph).map((c) => c.map((f) => relative(REPO_ROOT, f)))).toEqual([]);
  });
});
