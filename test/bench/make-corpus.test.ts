/**
 * The benchmark's synthetic corpus: documents the real parser reads, with their own
 * doc_ids and hashes, and a build of three of them with doc_id on every text-derived
 * row and per-document coverage. The build goes through pipelines/build.ts, the CLI a
 * user runs (no patched copy of the pipeline).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { makeCorpus, ROOT, type Corpus } from '../../bench/make-corpus.ts';
import { readSeedManifest, readVerifiedSeed } from '../../pipelines/ingest/seed-manifest.ts';
import { decodeReport, parseReport } from '../../pipelines/ingest/parse-report/index.ts';
import { openDb, query } from '../../pipelines/core/db.ts';

let root: string;
let corpus: Corpus;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'atlas-corpus-test-'));
  corpus = makeCorpus({ n: 3, dir: join(root, 'corpus'), seed: 7, reuse: false });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('make-corpus', () => {
  it('writes three documents that parse, with distinct doc_ids and the hashes the manifest records', () => {
    const docs = readSeedManifest(corpus.dir); // validates the manifest
    expect(docs.map((d) => d.doc_id)).toEqual(['syn-0001', 'syn-0002', 'syn-0003']);
    expect(new Set(docs.map((d) => d.sha256)).size).toBe(3);
    const seed = readSeedManifest(join(ROOT, 'seeds'))[0];
    const seedText = decodeReport(readVerifiedSeed(join(ROOT, 'seeds'), seed), 'seed');
    const seedRows = parseReport(seedText, { file: 'seed', docId: seed.doc_id });
    for (const d of docs) {
      const text = decodeReport(readVerifiedSeed(corpus.dir, d), d.file); // throws on a hash mismatch
      const rows = parseReport(text, { file: d.file, docId: d.doc_id });
      expect(rows.paragraphs.map((p) => p.para_no)).toEqual(seedRows.paragraphs.map((p) => p.para_no));
      expect(rows.paragraphs.every((p) => p.doc_id === d.doc_id)).toBe(true);
      // the same subsections, in a different order and with other mechanisms named
      expect(rows.toc.every((t) => t.matches_body)).toBe(true);
      expect(rows.paragraphs.map((p) => p.text)).not.toEqual(seedRows.paragraphs.map((p) => p.text));
    }
  });

  it('is deterministic for a seed and reuses a folder that already holds the corpus', () => {
    const again = makeCorpus({ n: 3, dir: join(root, 'again'), seed: 7, reuse: false });
    expect(again.docs.map((d) => d.sha256)).toEqual(corpus.docs.map((d) => d.sha256));
    expect(readFileSync(join(again.dir, 'manifest.yaml'), 'utf8')).toBe(readFileSync(join(corpus.dir, 'manifest.yaml'), 'utf8'));
    expect(makeCorpus({ n: 3, dir: corpus.dir, seed: 7 }).reused).toBe(true);
    const other = makeCorpus({ n: 1, dir: join(root, 'other'), seed: 8, reuse: false });
    expect(other.docs[0].sha256).not.toBe(corpus.docs[0].sha256);
  });

  it('builds: doc_id on every text-derived row, and per-document coverage', async () => {
    const out = join(root, 'out');
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'pipelines/build.ts'), '--seeds', corpus.dir, '--out', out],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const db = await openDb(join(out, 'atlas.duckdb'), { readOnly: true });
    try {
      const ids = ['syn-0001', 'syn-0002', 'syn-0003'];
      for (const t of ['documents', 'paragraphs', 'headings', 'footnotes', 'toc', 'mentions', 'evidence', 'data_requests',
        'data_collection_initiatives', 'coverage_document_theme']) {
        const rows = await query<{ doc_id: string | null; n: bigint }>(db, `SELECT doc_id, count(*) AS n FROM "${t}" GROUP BY doc_id ORDER BY doc_id`);
        expect(rows.map((x) => x.doc_id), t).toEqual(ids);
      }
      // per document: the pairs and paragraphs of that document's evidence, which differ between documents
      const [{ bad }] = await query<{ bad: bigint }>(db, `
        SELECT count(*) AS bad FROM coverage_document_theme c
        FULL JOIN (SELECT doc_id, mechanism_id, theme_id, list(DISTINCT para_no ORDER BY para_no) AS paragraphs FROM evidence
                   WHERE role = 'actor' GROUP BY ALL) e USING (doc_id, mechanism_id, theme_id)
        WHERE c.paragraphs IS DISTINCT FROM e.paragraphs OR c.n_paragraphs <> len(e.paragraphs)`);
      expect(bad).toBe(0n);
      const perDoc = await query<{ doc_id: string; pairs: string }>(db, `
        SELECT doc_id, string_agg(mechanism_id || '/' || theme_id || ':' || n_paragraphs, ' ' ORDER BY mechanism_id, theme_id) AS pairs
        FROM coverage_document_theme GROUP BY doc_id ORDER BY doc_id`);
      expect(new Set(perDoc.map((p) => p.pairs)).size).toBe(3);
    } finally {
      db.close();
    }
  }, 120_000);
});
