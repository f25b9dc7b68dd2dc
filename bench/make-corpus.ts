/**
 * A synthetic corpus for the benchmark, made from the real seed: N documents,
 * each the seed report with
 * - the paragraph bodies shuffled within every run of paragraphs printed under
 *   the same heading (so every subsection keeps its paragraph numbers and the
 *   table of contents stays true), then renumbered in their new order; a body
 *   moves with its continuation lines and the footnote lines printed inside it;
 * - the mechanisms' names and acronyms swapped among the registry's mechanisms
 *   (a random permutation; every `name` / `acronym` reference found by the real
 *   matcher is replaced by the same kind of reference of the image mechanism),
 *   so that mention resolution, attribution and the data-request clauses see
 *   different mechanisms in every document.
 *
 * Each document is checked with the real parser (and the data-request stage,
 * the one stage that can refuse a permutation) before it is written. Everything
 * is driven by a seeded PRNG: the same N and seed give the same bytes.
 * Writes <dir>/<doc_id>.txt, <dir>/manifest.yaml (with each file's sha256) and
 * <dir>/corpus.json (what was generated, used to skip regenerating).
 *
 * CLI: tsx bench/make-corpus.ts --n 10 [--seed 1] [--out DIR]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { readSeedManifest, readVerifiedSeed, type SeedDoc } from '../pipelines/ingest/seed-manifest.ts';
import { decodeReport, parseReport, type ReportTables } from '../pipelines/ingest/parse-report/index.ts';
import { loadRegistry } from '../pipelines/registry/load-registry.ts';
import { buildReferenceMatcher, resolveMentions } from '../pipelines/resolve/resolve-mentions.ts';
import { collectDataRequests } from '../pipelines/resolve/collect-data-requests.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CorpusOptions {
  /** Number of documents. */
  n: number;
  /** Output folder (created; its .txt files and manifest are replaced). */
  dir: string;
  /** Base seed of the PRNG (default 1). */
  seed?: number;
  /** Folder holding the seed report and its manifest (default seeds/). */
  seedsDir?: string;
  /** Folder holding registry/ (default data/). */
  dataDir?: string;
  /** Reuse the folder when it already holds this corpus (default true). */
  reuse?: boolean;
  /** Parse every generated document with the real parser (default true). */
  validate?: boolean;
}

export interface CorpusDoc { doc_id: string; file: string; sha256: string; bytes: number; paragraphs: number }
export interface Corpus { dir: string; n: number; seed: number; bytes: number; paragraphs: number; docs: CorpusDoc[]; reused: boolean; ms: number }

// ---------------------------------------------------------------- PRNG

/** mulberry32: small, fast, good enough to shuffle. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32LE(0);
}

function shuffle<T>(xs: readonly T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ---------------------------------------------------------------- the seed's layout

interface Block { lines: string[]; sep: string[] }
interface Layout {
  /** Lines before the first paragraph block, and between groups (headings, intros), in order. */
  pieces: ({ kind: 'text'; lines: string[] } | { kind: 'group'; blocks: Block[]; first: number })[];
}

/**
 * Cut the decoded seed text into fixed text and groups of paragraph blocks. A block
 * runs from a paragraph's first line to the line before the next paragraph or heading;
 * its trailing blank lines are the separator kept in place when blocks move.
 */
export function layoutOf(text: string, parsed: ReportTables): Layout {
  const lines = text.split('\n');
  const paras = [...parsed.paragraphs].sort((a, b) => a.line_start - b.line_start);
  const headingLines = parsed.headings.map((h) => h.line).sort((a, b) => a - b);
  const nextHeadingAfter = (line: number) => headingLines.find((h) => h > line) ?? Infinity;
  const pieces: Layout['pieces'] = [];
  let cursor = 1; // next unconsumed line (1-based)
  let group: { kind: 'group'; blocks: Block[]; first: number } | null = null;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const nextPara = paras[i + 1]?.line_start ?? Infinity;
    const h = nextHeadingAfter(p.line_start);
    const end = Math.min(nextPara, h, lines.length + 1) - 1; // last line of the block
    if (!group || p.line_start !== cursor) {
      if (p.line_start > cursor) pieces.push({ kind: 'text', lines: lines.slice(cursor - 1, p.line_start - 1) });
      group = { kind: 'group', blocks: [], first: p.para_no };
      pieces.push(group);
    }
    const block = lines.slice(p.line_start - 1, end);
    let k = block.length;
    while (k > 1 && block[k - 1].trim() === '') k--;
    group.blocks.push({ lines: block.slice(0, k), sep: block.slice(k) });
    cursor = end + 1;
    if (h < nextPara) group = null; // a heading closes the group
  }
  if (cursor <= lines.length) pieces.push({ kind: 'text', lines: lines.slice(cursor - 1) });
  return { pieces };
}

// ---------------------------------------------------------------- mechanism swap

interface Ref { surface: string; mechanism_id: string; ref_kind: string }

/** Mechanism → the surface to print for a name / an acronym of it. */
function surfacesByMechanism(refs: readonly Ref[]): Map<string, { name?: string; acronym?: string; any: string }> {
  const out = new Map<string, { name?: string; acronym?: string; any: string }>();
  for (const r of refs) {
    const e = out.get(r.mechanism_id) ?? { any: r.surface };
    if (r.ref_kind === 'name' && !e.name) e.name = r.surface;
    if (r.ref_kind === 'acronym' && !e.acronym) e.acronym = r.surface;
    out.set(r.mechanism_id, e);
  }
  return out;
}

/** Replace every name/acronym reference in `text` by the same kind of reference of sigma(mechanism). */
function swapMechanisms(text: string, matcher: ReturnType<typeof buildReferenceMatcher>, sigma: ReadonlyMap<string, string>,
  surfaces: ReturnType<typeof surfacesByMechanism>): string {
  const hits = matcher.matcher.findAll(text);
  if (hits.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const h of hits) {
    const ref = matcher.refs[h.id];
    if (ref.ref_kind !== 'name' && ref.ref_kind !== 'acronym') continue;
    const to = sigma.get(ref.mechanism_id);
    if (!to || to === ref.mechanism_id) continue;
    const s = surfaces.get(to)!;
    const repl = ref.ref_kind === 'name' ? (s.name ?? s.acronym ?? s.any) : (s.acronym ?? s.name ?? s.any);
    parts.push(text.slice(at, h.start), repl);
    at = h.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// ---------------------------------------------------------------- one document

export interface Generator {
  seedDoc: SeedDoc;
  layout: Layout;
  matcher: ReturnType<typeof buildReferenceMatcher>;
  refs: Ref[];
  nonMechanisms: string[];
  mechanisms: { mechanism_id: string; region: string }[];
  /** Mechanisms that have a name or acronym reference: the ones the permutation moves. */
  swappable: string[];
  surfaces: ReturnType<typeof surfacesByMechanism>;
  nParagraphs: number;
}

export function loadGenerator(seedsDir: string, dataDir: string): Generator {
  const [seedDoc] = readSeedManifest(seedsDir);
  const file = join(seedsDir, seedDoc.file);
  const text = decodeReport(readVerifiedSeed(seedsDir, seedDoc), file);
  const parsed = parseReport(text, { file, docId: seedDoc.doc_id });
  const reg = loadRegistry(join(dataDir, 'registry'));
  const refs = reg.mechanism_references as Ref[];
  const surfaces = surfacesByMechanism(refs);
  const swappable = [...surfaces].filter(([, s]) => s.name || s.acronym).map(([id]) => id).sort();
  return {
    seedDoc, layout: layoutOf(text, parsed), matcher: buildReferenceMatcher(refs as never), refs,
    nonMechanisms: reg.non_mechanisms.map((n) => n.surface),
    mechanisms: reg.mechanisms.map((m) => ({ mechanism_id: m.mechanism_id, region: m.region })),
    swappable, surfaces, nParagraphs: parsed.paragraphs.length,
  };
}

const NUMBER_RE = /^(\s*)(\d{1,9})/;

/** The text of synthetic document `index` for the PRNG state `rnd`. */
export function documentText(g: Generator, rnd: () => number): string {
  const ids = g.swappable;
  const image = shuffle(ids, rnd);
  const sigma = new Map(ids.map((id, k) => [id, image[k]]));
  const out: string[] = [];
  for (const piece of g.layout.pieces) {
    if (piece.kind === 'text') { out.push(...piece.lines); continue; }
    const order = shuffle(piece.blocks.map((_, k) => k), rnd);
    order.forEach((from, k) => {
      const block = piece.blocks[from];
      const lines = block.lines.slice();
      lines[0] = lines[0].replace(NUMBER_RE, (_m, sp: string) => `${sp}${piece.first + k}`);
      out.push(...swapMechanisms(lines.join('\n'), g.matcher, sigma, g.surfaces).split('\n'));
      out.push(...piece.blocks[k].sep); // separators stay where they were
    });
  }
  return out.join('\n');
}

/** Parse the document and run the stages that can refuse it; returns its paragraph count. */
export function checkDocument(g: Generator, text: string, docId: string, file: string): number {
  const parsed = parseReport(text, { file, docId });
  if (parsed.paragraphs.length !== g.nParagraphs) {
    throw new Error(`${file}: ${parsed.paragraphs.length} paragraphs, the seed has ${g.nParagraphs}`);
  }
  const { mentions } = resolveMentions(parsed.paragraphs, parsed.footnotes, g.refs as never, g.nonMechanisms);
  collectDataRequests(parsed.paragraphs, mentions, g.mechanisms as never);
  return parsed.paragraphs.length;
}

export const docIdOf = (i: number) => `syn-${String(i + 1).padStart(4, '0')}`;

/** The corpus's manifest.yaml, in the shape pipelines/ingest/seed-manifest.ts reads, written by the yaml library. */
function manifestYaml(seed: SeedDoc, docs: readonly CorpusDoc[], baseSeed: number): string {
  const header = [
    `# Synthetic corpus made by bench/make-corpus.ts from ${seed.doc_id} (seed ${baseSeed}): paragraphs shuffled`,
    '# within their subsection and renumbered, mechanism names and acronyms permuted. Not real documents.',
  ];
  const documents = docs.map((d, i) => ({
    doc_id: d.doc_id, file: d.file, symbol: `${seed.symbol}/SYN.${i + 1}`, title: `Synthetic variant ${i + 1} of ${seed.symbol}`,
    date: seed.date, body: seed.body, language: seed.language, sha256: d.sha256,
    source: `bench/make-corpus.ts, seed ${baseSeed}, document ${i + 1}`,
  }));
  return `${header.join('\n')}\n${stringify({ documents }, { lineWidth: 0 })}`;
}

/** Hash of what the corpus depends on: this generator, the parser, the seed and the registry. */
function generatorKey(seedsDir: string, dataDir: string): string {
  const h = createHash('sha256');
  const add = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) { for (const f of readdirSync(p).sort()) add(join(p, f)); return; }
    h.update(basename(p)).update(readFileSync(p));
  };
  add(fileURLToPath(import.meta.url));
  add(join(ROOT, 'pipelines/ingest/parse-report'));
  add(join(dataDir, 'registry'));
  add(join(seedsDir, 'manifest.yaml'));
  return h.digest('hex');
}

export function makeCorpus(opts: CorpusOptions): Corpus {
  const t0 = performance.now();
  const seedsDir = resolve(opts.seedsDir ?? join(ROOT, 'seeds'));
  const dataDir = resolve(opts.dataDir ?? join(ROOT, 'data'));
  const dir = resolve(opts.dir);
  const baseSeed = opts.seed ?? 1;
  const key = generatorKey(seedsDir, dataDir);
  const stamp = join(dir, 'corpus.json');
  if (opts.reuse !== false && existsSync(stamp)) {
    try {
      const c = JSON.parse(readFileSync(stamp, 'utf8')) as Corpus & { key: string };
      if (c.key === key && c.n === opts.n && c.seed === baseSeed && c.docs.every((d) => existsSync(join(dir, d.file)))) {
        return { ...c, dir, reused: true, ms: performance.now() - t0 };
      }
    } catch { /* regenerate */ }
  }
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (/^syn-\d+\.txt$/.test(f) || f === 'manifest.yaml' || f === 'corpus.json') rmSync(join(dir, f));

  const g = loadGenerator(seedsDir, dataDir);
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < opts.n; i++) {
    const docId = docIdOf(i);
    const file = `${docId}.txt`;
    let text = '';
    let paragraphs = g.nParagraphs;
    for (let attempt = 0; ; attempt++) {
      text = documentText(g, prng(seedOf(baseSeed, i, attempt)));
      if (opts.validate === false) break;
      try {
        paragraphs = checkDocument(g, text, docId, file);
        break;
      } catch (e) {
        // a permutation can put one organisation in both clauses of the data-request paragraph: draw again
        if (attempt >= 20) throw new Error(`cannot make a valid document ${docId}: ${(e as Error).message}`);
      }
    }
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(join(dir, file), bytes);
    docs.push({ doc_id: docId, file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, paragraphs });
  }
  writeFileSync(join(dir, 'manifest.yaml'), manifestYaml(g.seedDoc, docs, baseSeed));
  const corpus: Corpus = {
    dir, n: opts.n, seed: baseSeed, docs, reused: false, ms: 0,
    bytes: docs.reduce((s, d) => s + d.bytes, 0), paragraphs: docs.reduce((s, d) => s + d.paragraphs, 0),
  };
  writeFileSync(stamp, JSON.stringify({ ...corpus, key }, null, 1) + '\n');
  return { ...corpus, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------- CLI

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, dflt?: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const n = Number(arg('n', '10'));
  const seed = Number(arg('seed', '1'));
  const dir = arg('out', join(ROOT, 'output', 'bench', `corpus-${n}`))!;
  const c = makeCorpus({ n, seed, dir, validate: arg('validate', 'true') !== 'false' });
  process.stderr.write(`${c.reused ? 'reused' : 'wrote'} ${c.n} documents, ${c.paragraphs} paragraphs, ${(c.bytes / 1e6).toFixed(1)} MB in ${c.dir} (${(c.ms / 1000).toFixed(1)} s)\n`);
}
