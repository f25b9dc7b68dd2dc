/** What --out may be: a new path, a link into the kit's builds, or a folder the kit marked. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputFolder } from '../../pipelines/core/output-folder.ts';
import { OutputFolderError } from '../../pipelines/core/errors.ts';
import { GENERATOR } from '../../pipelines/core/build-mark.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-outdir-'));
const project = join(root, 'project');
const inputs = { seeds: join(project, 'seeds'), data: join(project, 'data') };
for (const d of [inputs.seeds, inputs.data]) mkdirSync(d, { recursive: true });
const check = (out: string) => () => checkOutputFolder(out, inputs, project);
const manifest = (dir: string, m: object) => { mkdirSync(dir, { recursive: true }); writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m)); };

describe('checkOutputFolder accepts', () => {
  it('a path that does not exist, inside the project or anywhere else', () => {
    expect(check(join(project, 'output'))).not.toThrow();
    expect(check(join(root, 'a', 'b', 'output'))).not.toThrow();
  });

  it('a folder holding a manifest marked by the kit', () => {
    manifest(join(root, 'marked'), { generator: GENERATOR, files: [] });
    expect(check(join(root, 'marked'))).not.toThrow();
  });

  it('a link into the kit\'s builds folder, even a dangling one', () => {
    mkdirSync(join(root, 'l', '.output-builds', '1'), { recursive: true });
    symlinkSync('.output-builds/1', join(root, 'l', 'output'));
    symlinkSync('.gone-builds/2', join(root, 'l', 'gone'));
    expect(check(join(root, 'l', 'output'))).not.toThrow();
    expect(check(join(root, 'l', 'gone'))).not.toThrow();
  });
});

describe('checkOutputFolder refuses', () => {
  const refuses = (out: string, message: RegExp | string) => {
    expect(check(out)).toThrow(OutputFolderError);
    expect(check(out)).toThrow(message);
  };

  it('a folder with a user\'s files, an empty folder, a file', () => {
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'thesis.txt'), 'precious');
    refuses(join(root, 'docs'), `--out ${join(root, 'docs')} is an existing folder this kit did not write: it holds 1 entry and no manifest.json written by this kit`);
    mkdirSync(join(root, 'empty'));
    refuses(join(root, 'empty'), /it is an empty folder the kit did not make[\s\S]*what to do: remove the empty folder \(rmdir /);
    refuses(join(root, 'docs', 'thesis.txt'), /is a file, not an output folder/);
    refuses(join(root, 'docs', 'thesis.txt', 'out'), /cannot be used \(ENOTDIR/);
  });

  it('a folder whose manifest.json is not the kit\'s (or from before the mark)', () => {
    manifest(join(root, 'old'), { built_at: '2026-01-01', files: [] });
    refuses(join(root, 'old'), /does not carry "generator": "mechanism-atlas"[\s\S]*delete it yourself \(rm -r /);
    manifest(join(root, 'other'), { generator: { name: 'other-kit', format: 1 } });
    refuses(join(root, 'other'), /does not carry "generator"/);
  });

  it('a link anywhere but the kit\'s builds folder', () => {
    symlinkSync(join(root, 'docs'), join(root, 'docs-link'));
    refuses(join(root, 'docs-link'), `--out ${join(root, 'docs-link')} is a symbolic link to ${join(root, 'docs')}, not to a build of this kit in ${join(root, '.docs-link-builds')}`);
  });

  it('the seeds, data or project folder, a folder containing them, a folder inside seeds or data', () => {
    refuses(inputs.seeds, `--out ${inputs.seeds} is the seeds folder (--seeds)`);
    refuses(inputs.data, `--out ${inputs.data} is the data folder (--data)`);
    refuses(project, `--out ${project} is the project folder`);
    refuses(root, `--out ${root} contains the project folder, ${project}`);
    refuses(join(inputs.seeds, 'out'), `is inside the seeds folder (--seeds), ${inputs.seeds}`);
    refuses(join(inputs.data, 'x', 'out'), `is inside the data folder (--data), ${inputs.data}`);
    expect(() => checkOutputFolder(join(root, 'elsewhere'), { seeds: join(root, 'elsewhere', 'seeds'), data: inputs.data }, project))
      .toThrow(`contains the seeds folder (--seeds), ${join(root, 'elsewhere', 'seeds')}`);
  });

  it('the seeds folder reached through a link to its parent', () => {
    symlinkSync(project, join(root, 'project-link'));
    refuses(join(root, 'project-link', 'seeds', 'out'), `is inside the seeds folder (--seeds), ${inputs.seeds}`);
  });
});
