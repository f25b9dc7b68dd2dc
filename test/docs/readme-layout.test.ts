/** The README's layout block names every folder of pipelines/, and every path it names exists. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const block = readme.slice(readme.indexOf('## Layout')).match(/```\n([\s\S]*?)```/)![1]!;
const named = block.split('\n').map((l) => l.split(/\s+/)[0]!).filter(Boolean);

describe('README layout', () => {
  it('names only paths that exist', () => {
    expect(named.filter((p) => !existsSync(p))).toEqual([]);
  });

  it('names every folder of pipelines/', () => {
    const folders = readdirSync('pipelines').filter((n) => statSync(join('pipelines', n)).isDirectory()).map((n) => `pipelines/${n}/`);
    expect(folders.filter((f) => !named.includes(f))).toEqual([]);
  });
});
