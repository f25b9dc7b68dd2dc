/**
 * The runner on a tiny literal pipeline: tables land in DuckDB, Parquet, Arrow
 * and CSV with a manifest; a failing stage or check leaves the previous output.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, lstatSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { runBuild, listFiles } from '../../pipelines/core/runner.ts';
import { fileURLToPath } from 'node:url';
import type { TsStage } from '../../pipelines/core/stage.ts';
import { memoryLogger } from '../../pipelines/core/log.ts';
import { openDb, query } from '../../pipelines/core/db.ts';
import { sha256 } from '../../pipelines/core/io.ts';
import { AtlasError } from '../../pipelines/core/errors.ts';

/** A stage as the runner sees it, rows untyped, so its checks can be given rows defineStage's types refuse. */
function stage(name: string, inputs: string[], outputs: string[], run: TsStage['run'], more: Partial<Pick<TsStage, 'readsOwnInputs' | 'sources'>> = {}): TsStage {
  return { kind: 'ts', name, module: fileURLToPath(import.meta.url), files: [], params: [], inputs, outputs, sources: () => [], run, ...more };
}

const doc = (id: string, n: number) => ({
  doc_id: id, symbol: 'A/HRC/14/32', title: 'T, "quoted"', date: '2010-05-04', body: 'HRC', language: 'en',
  source_file: 'f.txt', sha256: 'x'.repeat(64), n_paragraphs: n,
});
const heading = (id: string, first: number | null) => ({
  doc_id: 'd', heading_id: id, level: 4, label: id, number: null, first_para: first, last_para: first, intro: null, line: 1,
});
const good = [
  stage('make-docs', [], ['documents'], () => ({ documents: [doc('b', 2), doc('a', 1)] })),
  stage('make-headings', ['documents'], ['headings'], (input) => ({
    headings: input.documents.map((d) => heading(String(d.doc_id), d.n_paragraphs as number)).concat([heading('none', null)]),
  })),
];

function tmp() { return mkdtempSync(join(tmpdir(), 'atlas-runner-')); }
const opts = (out: string) => ({ seedsDir: '.', dataDir: '.', outDir: out, log: memoryLogger(), now: () => new Date('2026-01-01T00:00:00Z') });

describe('runBuild', () => {
  it('writes every table in four forms and a manifest with hashes and row counts', async () => {
    const out = join(tmp(), 'output');
    const summary = await runBuild(good, opts(out));
    expect(summary.tables).toEqual({ documents: 2, headings: 3 });
    const files = listFiles(out);
    expect(files).toEqual(['atlas.duckdb', 'manifest.json', 'tables/documents.arrow', 'tables/documents.csv', 'tables/documents.parquet',
      'tables/headings.arrow', 'tables/headings.csv', 'tables/headings.parquet']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    for (const f of manifest.files) expect(f.sha256).toBe(sha256(readFileSync(join(out, f.path))));
    expect(manifest.files.find((f: { path: string }) => f.path === 'tables/headings.csv').rows).toBe(3);

    // CSV starts with a UTF-8 byte-order mark (for Excel), is ordered by key, with a header, quoting where needed
    const csv = readFileSync(join(out, 'tables/documents.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8').split('\n').slice(0, 2)).toEqual([
      'doc_id,symbol,title,date,body,language,source_file,sha256,n_paragraphs,pages,profile',
      `a,A/HRC/14/32,"T, ""quoted""",2010-05-04,HRC,en,f.txt,${'x'.repeat(64)},1,,`,
    ]);
    // Arrow keeps types and nulls
    const arrow = tableFromIPC(readFileSync(join(out, 'tables/headings.arrow')));
    expect(arrow.numRows).toBe(3);
    expect(arrow.schema.fields.map((f) => `${f.name}:${f.type}`)).toContain('first_para:Int32');
    expect(arrow.getChild('first_para')!.toArray().length).toBe(3);
    expect(arrow.getChild('heading_id')!.toJSON()).toEqual(['a', 'b', 'none']);
    expect(arrow.getChild('first_para')!.get(2)).toBeNull();
    // Parquet and the database read back through DuckDB
    const db = await openDb(join(out, 'atlas.duckdb'), { readOnly: true });
    const pq = await query(db, `SELECT doc_id, n_paragraphs FROM '${join(out, 'tables/documents.parquet')}'`);
    expect(pq).toEqual([{ doc_id: 'a', n_paragraphs: 1 }, { doc_id: 'b', n_paragraphs: 2 }]);
    expect(await query(db, 'SELECT count(*)::INTEGER AS n FROM headings')).toEqual([{ n: 3 }]);
    db.close();
  });

  it('a rebuild that keeps a fresh stage copies its exports and lists them with their true hashes', async () => {
    const root = tmp();
    const out = join(root, 'output');
    const label = join(root, 'label.txt');
    writeFileSync(label, 'one');
    const stages = [
      good[0]!,
      stage('make-headings', ['documents'], ['headings'], (input) => ({
        headings: input.documents.map((d) => ({ ...heading(String(d.doc_id), d.n_paragraphs as number), label: readFileSync(label, 'utf8') })),
      }), { sources: () => [label] }),
    ];
    await runBuild(stages, opts(out));
    writeFileSync(label, 'two');
    const summary = await runBuild(stages, opts(out));
    expect(summary.fresh).toEqual(['make-docs']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(listFiles(out).filter((f) => f !== 'manifest.json'));
    for (const f of manifest.files) {
      const data = readFileSync(join(out, f.path));
      expect(f.sha256, f.path).toBe(sha256(data));
      expect(f.bytes, f.path).toBe(data.length);
    }
    expect(readFileSync(join(out, 'tables/headings.csv'), 'utf8')).toContain(',two,');
  });

  it('publishes atomically: output is a link to a complete build and older builds are removed', async () => {
    const root = tmp();
    const out = join(root, 'output');
    await runBuild(good, opts(out));
    const first = readlinkSync(out);
    // forced, so the second build runs every stage and publishes a new folder (unforced, it would be skipped as unchanged)
    const second = await runBuild(good, { ...opts(out), force: true });
    expect(second.fresh).toEqual([]);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readlinkSync(out)).not.toBe(first);
    expect(readdirSync(join(root, '.output-builds'))).toHaveLength(1);
    expect(readdirSync(root).sort()).toEqual(['.output-builds', 'output']);
  });

  it('leaves the previous output intact when a stage fails or a check fails', async () => {
    const out = join(tmp(), 'output');
    await runBuild(good, opts(out));
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    const failing = [good[0], stage('boom', [], ['headings'], () => { throw new AtlasError('bad input', { file: 'x.txt', line: 3 }); })];
    await expect(runBuild(failing, opts(out))).rejects.toThrow('x.txt:3: bad input');
    const dupKey = [stage('dup', [], ['documents'], () => ({ documents: [doc('a', 1), doc('a', 2)] }))];
    await expect(runBuild(dupKey, opts(out))).rejects.toThrow(/key \(doc_id\) is not unique[\s\S]*sample/);
    const nulls = [stage('nulls', [], ['documents'], () => ({ documents: [{ ...doc('a', 1), symbol: null }] }))];
    await expect(runBuild(nulls, opts(out))).rejects.toThrow('column symbol is declared not null');
    const vocab = [stage('vocab', [], ['headings'], () => ({ headings: [{ ...heading('x', 1), level: 9 }] }))];
    await expect(runBuild(vocab, opts(out))).rejects.toThrow('column level has values outside [1,2,3,4,5]');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect(existsSync(join(out, 'tables/documents.csv'))).toBe(true);
    expect(readdirSync(join(out, '..', '.output-builds'))).toHaveLength(1);
  });

  it('does not load the inputs of a stage that reads them from the database itself', async () => {
    const seen: Record<string, unknown>[] = [];
    const own = stage('own', ['documents'], ['files:x'], (input, ctx) => { seen.push(input); return ctx.write('x/ok.txt', 'ok').then(() => ({})); }, { readsOwnInputs: true });
    const loads = stage('loads', ['documents'], ['files:y'], (input) => { seen.push(input); return {}; });
    await runBuild([good[0], own, loads], opts(join(tmp(), 'output')));
    expect(seen[0]).toEqual({});
    expect((seen[1].documents as unknown[]).length).toBe(2);
  });

  it('logs one line per stage with its rows', async () => {
    const o = opts(join(tmp(), 'output'));
    await runBuild(good, o);
    expect(o.log.lines[0]).toMatch(/^\[ran\] make-docs\s+documents=2\s+\d+ ms$/);
    expect(o.log.lines[1]).toMatch(/^\[ran\] make-headings\s+headings=3/);
  });
});
