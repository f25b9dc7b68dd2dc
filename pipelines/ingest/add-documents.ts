/**
 * Add documents to a seeds folder: read each file (PDF or text) as the build
 * will, take its particulars from the document itself (symbol, title, date,
 * body and session, language, pages, sha256), and write its manifest entry.
 * All or nothing: every file is checked first, and one bad file leaves the
 * folder and its manifest as they were. The same file twice changes nothing;
 * a different file whose symbol is already listed is refused.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseDocument, YAMLSeq } from 'yaml';
import { AtlasError } from '../core/errors.ts';
import { sha256 } from '../core/io.ts';
import { ADD_COMMAND, documentFiles, MANIFEST_FILE, readSeedManifest, type SeedDoc } from './seed-manifest.ts';
import { detectProfile, parseSourceLines, type Profile, type ReportTables } from './parse-report/index.ts';
import { checkLanguage } from './ingest-document.ts';
import { describeDocument, isoDate, type DocumentParticulars } from './describe-document.ts';
import { readDocument } from './read-document.ts';

export interface AddOptions {
  seedsDir: string;
  /** A symbol for a document that prints none (only with one file). */
  symbol?: string;
  /** A date (YYYY-MM-DD or "4 May 2010") for a document that prints none (only with one file). */
  date?: string;
  stateNames: ReadonlySet<string>;
}

export interface AddedDocument {
  file: string;
  status: 'added' | 'unchanged';
  entry: SeedDoc;
  particulars: DocumentParticulars | null;
  counts: { paragraphs: number; footnotes: number; items: number; headings: number } | null;
}

const STAGE = 'add';

/** Stable id from the symbol: A/HRC/WG.6/7/SVN/1 → a-hrc-wg-6-7-svn-1. */
export function docIdOf(symbol: string): string {
  return symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function counts(t: ReportTables) {
  return { paragraphs: t.paragraphs.length, footnotes: t.footnotes.length, items: t.items.length, headings: t.headings.length };
}

interface Planned extends AddedDocument { source: string; bytes: Uint8Array }

async function plan(path: string, opts: AddOptions, listed: SeedDoc[], planned: Planned[], single: boolean): Promise<Planned> {
  const file = resolve(path);
  if (!existsSync(file)) throw new AtlasError('no such file', { file: path, stage: STAGE, hint: 'check the path' });
  const bytes = new Uint8Array(readFileSync(file));
  const hash = sha256(bytes);
  const same = listed.find((d) => d.sha256 === hash) ?? planned.find((p) => p.entry.sha256 === hash)?.entry;
  if (same) return { file: path, status: 'unchanged', entry: same, particulars: null, counts: null, source: file, bytes };

  const doc = await readDocument(bytes, path);
  checkLanguage(path, doc.lines.map((l) => l.text), 'en', STAGE);
  const about = describeDocument(doc, path);
  const symbol = single && opts.symbol ? opts.symbol : about.symbol;
  if (!symbol) {
    throw new AtlasError('no UN document symbol found: the first page prints none and the file name is not a symbol, so this does not look like a UN document', {
      file: path, stage: STAGE,
      hint: `if it is a UN document, give its symbol: ${ADD_COMMAND} --seeds ${opts.seedsDir} --symbol A/HRC/… ${path} (or write its entry in ${MANIFEST_FILE} by hand)`,
    });
  }
  const taken = listed.find((d) => d.symbol === symbol) ?? planned.find((p) => p.entry.symbol === symbol)?.entry;
  if (taken) {
    throw new AtlasError(`the symbol ${symbol} is already listed (document ${taken.doc_id}, file ${taken.file}) with different content`, {
      file: path, stage: STAGE,
      hint: `if this file replaces it, remove that entry from ${join(opts.seedsDir, MANIFEST_FILE)} (and its file) first; if it is another document, give its own symbol with --symbol`,
    });
  }
  const date = single && opts.date ? (isoDate(opts.date) ?? opts.date) : about.date;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new AtlasError('no date found in the masthead', {
      file: path, stage: STAGE, hint: `give it: ${ADD_COMMAND} --seeds ${opts.seedsDir} --date YYYY-MM-DD ${path}`,
    });
  }
  const name = basename(path);
  const clash = listed.find((d) => d.file === name) ?? planned.find((p) => p.entry.file === name)?.entry;
  if (clash || (existsSync(join(opts.seedsDir, name)) && resolve(opts.seedsDir, name) !== file && sha256(readFileSync(join(opts.seedsDir, name))) !== hash)) {
    throw new AtlasError(`a different file named ${name} is already in ${opts.seedsDir}`, {
      file: path, stage: STAGE, hint: 'rename the file before adding it',
    });
  }
  const docId = docIdOf(symbol);
  // parse now, so a document the build cannot read is refused here, not at build time
  const tables = parseSourceLines(doc.lines, { file: path, docId, repeatedMarkers: doc.route === 'pdf', stateNames: opts.stateNames });
  const profile: Profile | null = detectProfile(tables.paragraphs);
  const entry: SeedDoc = {
    doc_id: docId, file: name, symbol,
    title: about.title ?? symbol,
    date,
    body: about.body ?? 'not printed on the first page',
    language: 'en',
    ...(doc.pages !== null ? { pages: doc.pages } : {}),
    ...(profile ? { profile } : {}),
    sha256: hash,
  };
  return { file: path, status: 'added', entry, particulars: { ...about, symbol, date }, counts: counts(tables), source: file, bytes };
}

/** Write a file by a temporary name and a rename, so a reader never sees half of it. */
function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export async function addDocuments(paths: readonly string[], opts: AddOptions): Promise<AddedDocument[]> {
  const manifestFile = join(opts.seedsDir, MANIFEST_FILE);
  if ((opts.symbol || opts.date) && paths.length !== 1) {
    throw new AtlasError('--symbol and --date name one document: give exactly one FILE with them', { stage: STAGE, hint: `${ADD_COMMAND} --symbol A/HRC/… FILE` });
  }
  let listed: SeedDoc[] = [];
  if (existsSync(manifestFile)) {
    listed = readSeedManifest(opts.seedsDir);
  } else {
    const given = new Set(paths.map((p) => basename(p)));
    const unlisted = documentFiles(opts.seedsDir).filter((f) => !given.has(f));
    if (unlisted.length > 0) {
      throw new AtlasError(`the seeds folder holds documents but no ${MANIFEST_FILE}: ${unlisted.slice(0, 3).join(', ')}${unlisted.length > 3 ? ', …' : ''}`, {
        file: manifestFile, stage: STAGE,
        hint: `add them together with the new ones: ${ADD_COMMAND} --seeds ${opts.seedsDir} ${join(opts.seedsDir, '*')} ${paths.join(' ')}`,
      });
    }
  }
  const planned: Planned[] = [];
  const failures: AtlasError[] = [];
  for (const p of paths) {
    try {
      planned.push(await plan(p, opts, listed, planned, paths.length === 1));
    } catch (e) {
      if (!(e instanceof AtlasError)) throw e;
      failures.push(e);
    }
  }
  if (failures.length > 0) {
    if (failures.length === 1) throw failures[0];
    const list = failures.map((e, i) => `  ${i + 1}. ${e.message.replace(/\n/g, '\n     ')}`).join('\n');
    throw new AtlasError(`${failures.length} of ${paths.length} files cannot be added, so none was:\n${list}`, {
      stage: STAGE, hint: 'fix or leave out each file listed above, then add again',
    });
  }
  const added = planned.filter((p) => p.status === 'added');
  if (added.length > 0) {
    mkdirSync(opts.seedsDir, { recursive: true });
    for (const p of added) {
      const target = join(opts.seedsDir, p.entry.file);
      if (resolve(target) !== p.source && !(existsSync(target) && sha256(readFileSync(target)) === p.entry.sha256)) {
        copyFileSync(p.source, `${target}.tmp-${process.pid}`);
        renameSync(`${target}.tmp-${process.pid}`, target);
      }
    }
    const doc = existsSync(manifestFile)
      ? parseDocument(readFileSync(manifestFile, 'utf8'))
      : parseDocument('# Source documents of the build, written by pipelines/add.ts. Each file is verbatim;\n# the build refuses a file whose SHA-256 differs from the one recorded here.\ndocuments: []\n');
    const seq = doc.get('documents') as YAMLSeq;
    seq.flow = false;
    for (const p of added) seq.add(doc.createNode(p.entry));
    writeAtomic(manifestFile, String(doc));
  }
  return planned.map(({ source: _s, bytes: _b, ...rest }) => rest);
}
