/** The one YAML reader: limits and errors with the file, the line and what to do. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml, readYamlFile, lineOf } from '../../pipelines/core/yaml.ts';
import { LIMITS } from '../../pipelines/core/limits.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-yaml-'));
const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]'].join('\n');

describe('parseYaml', () => {
  it('returns the data and the line of any path', () => {
    const y = parseYaml('documents:\n  - doc_id: a\n    file: a.txt\n', { file: 'm.yaml' });
    expect(y.data).toEqual({ documents: [{ doc_id: 'a', file: 'a.txt' }] });
    expect(lineOf(y, ['documents', 0, 'file'])).toBe(3);
    expect(lineOf(y, ['documents', 0, 'missing'])).toBe(2); // the deepest existing ancestor
  });

  it('allows a few aliases', () => {
    expect(parseYaml('a: &a [1, 2]\nb: *a\n', { file: 'm.yaml' }).data).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('refuses an alias bomb, naming the file, the line of the first alias, the limit and what to do', () => {
    expect(() => parseYaml(bomb, { file: 'm.yaml', stage: 's' })).toThrow(
      new RegExp(`^\\[s\\] m\\.yaml:2: YAML alias limit hit: .*limit of ${LIMITS.maxYamlAliases}.*\\n  what to do: write the values out`));
  });

  it('refuses an alias to an anchor defined later, and a syntax error, with the line', () => {
    expect(() => parseYaml('a: 1\nb: *later\nc: &later 2\n', { file: 'm.yaml' })).toThrow(/^m\.yaml:2: YAML error: Unresolved alias/);
    expect(() => parseYaml('a: 1\nb: [1\nc: 2\n', { file: 'm.yaml' })).toThrow(/^m\.yaml:\d: YAML syntax error: .*end with a \]/);
    expect(() => parseYaml('a: 1\na: 2\n', { file: 'm.yaml' })).toThrow(/^m\.yaml:2: YAML syntax error: Map keys must be unique/);
  });

  it('refuses text over the size limit', () => {
    expect(() => parseYaml(`# ${'x'.repeat(LIMITS.maxYamlBytes)}\n`, { file: 'm.yaml' })).toThrow(/^m\.yaml: YAML file is .* over the limit of 8,388,608 bytes/);
  });
});

describe('readYamlFile', () => {
  it('refuses a file over the size limit before reading it', () => {
    const f = join(dir, 'big.yaml');
    writeFileSync(f, `# ${'x'.repeat(LIMITS.maxYamlBytes)}\n`);
    expect(() => readYamlFile(f, { file: 'shown/big.yaml' })).toThrow(/^shown\/big\.yaml: YAML file is 8,388,611 bytes \(8\.0 MiB\), over the limit/);
  });

  it('names a file it cannot read', () => {
    expect(() => readYamlFile(join(dir, 'none.yaml'))).toThrow(/none\.yaml: cannot read the YAML file \(ENOENT/);
  });
});
