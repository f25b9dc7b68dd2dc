/**
 * The README's "Reading the tables from Python and R" commands, on the seed build. What Node
 * can check always runs: every file they open exists, every SQL query runs on the built
 * database and returns rows, every column they name is in the file they read. The Python and R
 * code itself runs where an interpreter with the packages exists, and is skipped with the reason
 * printed where not (nothing is installed here).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, query, type Db } from '../../pipelines/core/db.ts';
import { builtOut } from '../helpers/built.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = /<!-- readers:start[^>]*-->([\s\S]*?)<!-- readers:end -->/.exec(README)?.[1] ?? '';
const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section)?.[1] ?? '';
const BLOCKS = { python: block('python'), r: block('r') };

let db: Db;
let workDir: string;
beforeAll(async () => {
  db = await openDb(join(builtOut(), 'atlas.duckdb'), { readOnly: true });
  // the commands use paths relative to the project folder: output/… is the seed build here
  workDir = mkdtempSync(join(tmpdir(), 'atlas-readers-'));
  symlinkSync(builtOut(), join(workDir, 'output'));
});
afterAll(() => db?.close());

const filesIn = (code: string) => [...code.matchAll(/"(output\/[^"]+)"/g)].map((m) => m[1]);
const sqlIn = (code: string) => [...code.matchAll(/"(SELECT [^"]+)"/g)].map((m) => m[1]);
/** Quoted snake_case words that are not paths or SQL: the column names the code picks. */
const namesIn = (code: string) => [...code.matchAll(/"([a-z][a-z0-9_]*)"/g)].map((m) => m[1]);

async function columnsOf(files: string[]): Promise<Set<string>> {
  const cols = new Set<string>();
  for (const f of files.filter((x) => x.endsWith('.parquet'))) {
    const path = join(builtOut(), f.slice('output/'.length)).replaceAll("'", "''");
    for (const c of await query<{ column_name: string }>(db, `DESCRIBE SELECT * FROM '${path}'`)) cols.add(c.column_name);
  }
  return cols;
}

/** The first interpreter that runs `check`, or the reason none does. */
function findTool(candidates: string[], args: (c: string) => string[]): { cmd?: string; reason: string } {
  const why: string[] = [];
  for (const c of candidates) {
    const r = spawnSync(c, args(c), { encoding: 'utf8' });
    if (r.status === 0) return { cmd: c, reason: '' };
    why.push(`${c}: ${r.error ? 'not found' : (r.stderr.trim().split('\n').at(-1) ?? `exit ${r.status}`)}`);
  }
  return { reason: why.join('; ') };
}

describe.each(Object.entries(BLOCKS))('README %s block', (lang, code) => {
  it('is in the README', () => {
    expect(code.length, `no \`\`\`${lang} block between the readers markers`).toBeGreaterThan(100);
  });

  it('opens files the build writes, runs SQL that returns rows, names columns the files have', async () => {
    const files = filesIn(code);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(existsSync(join(builtOut(), f.slice('output/'.length))), f).toBe(true);
    const queries = sqlIn(code);
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) expect((await query(db, q)).length, q).toBeGreaterThan(0);
    const cols = await columnsOf(files);
    for (const n of namesIn(code)) expect(cols.has(n), `column ${n}`).toBe(true);
  });

  it.runIf(lang === 'python')('is valid Python (parsed by python3, which is there even without the packages)', (ctx) => {
    const py = findTool(['/usr/bin/python3', 'python3'], () => ['-c', 'pass']);
    if (!py.cmd) { ctx.skip(`no python3 (${py.reason})`); return; }
    const r = spawnSync(py.cmd, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('runs where the interpreter and its packages are installed', (ctx) => {
    const tool = lang === 'python'
      ? findTool(['/usr/bin/python3', 'python3'], () => ['-c', 'import pandas, pyarrow, duckdb'])
      : findTool(['Rscript'], () => ['-e', 'library(arrow); library(duckdb)']);
    if (!tool.cmd) {
      const reason = `README ${lang} commands not run: ${lang === 'python' ? 'no python3 with pandas, pyarrow and duckdb' : 'no Rscript with arrow and duckdb'} (${tool.reason})`;
      console.log(reason);
      ctx.skip(reason);
      return;
    }
    const script = join(workDir, lang === 'python' ? 'readers.py' : 'readers.R');
    writeFileSync(script, code);
    const r = spawnSync(tool.cmd, [script], { cwd: workDir, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/mechanism_name|theme_label/);
  });
});
