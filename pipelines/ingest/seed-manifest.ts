/** The seeds manifest: which documents to ingest, with their metadata and hash. */
import { readFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AtlasError } from '../core/errors.ts';
import { inputPath } from '../core/input-path.ts';
import { sha256 } from '../core/io.ts';
import { LIMITS, formatBytes } from '../core/limits.ts';
import { readYamlFile, lineOf } from '../core/yaml.ts';
import { PROFILES } from './parse-report/profiles.ts';

/** The command that writes manifest entries (named in errors). */
export const ADD_COMMAND = 'tsx pipelines/add.ts';

/** Files in a seeds folder that are documents (what pipelines/add.ts accepts). */
export function documentFiles(seedsDir: string): string[] {
  if (!existsSync(seedsDir)) return [];
  return readdirSync(seedsDir).filter((f) => /\.(?:pdf|txt)$/i.test(f)).sort();
}

const DocEntry = z.object({
  doc_id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  file: z.string().min(1),
  symbol: z.string().min(1),
  title: z.string().min(1),
  date: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')),
  body: z.string().min(1),
  language: z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits'),
  source: z.string().optional(),
  /** Pages of a PDF (informative; the build reads them from the file). */
  pages: z.number().int().positive().optional(),
  /** A document profile to enforce (see pipelines/ingest/parse-report/profiles.ts); absent: detected. */
  profile: z.enum(PROFILES).optional(),
});
const Manifest = z.object({ documents: z.array(DocEntry).min(1) });

export type SeedDoc = z.infer<typeof DocEntry>;

export const MANIFEST_FILE = 'manifest.yaml';

/** Read and validate the manifest; errors name the file, the entry and the field. */
export function readSeedManifest(seedsDir: string): SeedDoc[] {
  const file = join(seedsDir, MANIFEST_FILE);
  if (!existsSync(file)) {
    const docs = documentFiles(seedsDir);
    if (docs.length > 0) {
      throw new AtlasError(`the seeds folder holds ${docs.length} document${docs.length === 1 ? '' : 's'} (${docs.slice(0, 3).join(', ')}${docs.length > 3 ? ', …' : ''}) but no ${MANIFEST_FILE}`, {
        file, hint: `list them with: ${ADD_COMMAND} --seeds ${seedsDir} ${join(seedsDir, '*')} (it reads each document's symbol, title and date and writes the manifest)`,
      });
    }
    throw new AtlasError('no seeds manifest', { file, hint: `add documents with ${ADD_COMMAND} --seeds ${seedsDir} FILE..., or create ${MANIFEST_FILE} listing each document (see seeds/manifest.yaml)` });
  }
  const y = readYamlFile(file);
  const parsed = Manifest.safeParse(y.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [, idx, field] = issue.path;
    const entry = typeof idx === 'number' ? ((y.data as { documents?: { doc_id?: string }[] }).documents?.[idx]?.doc_id ?? `#${idx + 1}`) : undefined;
    throw new AtlasError(issue.message, { file, record: entry && `document ${entry}`, field: field === undefined ? issue.path.join('.') : String(field) });
  }
  const ids = new Set<string>();
  parsed.data.documents.forEach((d, k) => {
    if (ids.has(d.doc_id)) throw new AtlasError('doc_id is listed twice', { file, record: `document ${d.doc_id}`, field: 'doc_id' });
    ids.add(d.doc_id);
    inputPath(seedsDir, d.file, { file, line: lineOf(y, ['documents', k, 'file']), record: `document ${d.doc_id}`, field: 'file' });
  });
  return parsed.data.documents;
}

/** Read a listed document's bytes (inside the seeds folder, within the size limit) and refuse them if the hash differs. */
export function readVerifiedSeed(seedsDir: string, d: SeedDoc): Uint8Array {
  const file = inputPath(seedsDir, d.file, { file: join(seedsDir, MANIFEST_FILE), record: `document ${d.doc_id}`, field: 'file' });
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new AtlasError('document listed in the manifest is missing', { file, record: `document ${d.doc_id}` });
  }
  if (!st.isFile()) throw new AtlasError('the manifest names a folder or device, not a document file', { file, record: `document ${d.doc_id}`, field: 'file' });
  const size = st.size;
  if (size > LIMITS.maxDocumentBytes) {
    throw new AtlasError(`document is ${formatBytes(size)}, over the limit of ${formatBytes(LIMITS.maxDocumentBytes)}`, {
      file, record: `document ${d.doc_id}`,
      hint: 'check that the manifest names the intended file (a UN report is well under 5 MB as text); split a longer text into several documents',
    });
  }
  const bytes = readFileSync(file);
  const actual = sha256(bytes);
  if (actual !== d.sha256) {
    throw new AtlasError(`SHA-256 does not match the manifest: expected ${d.sha256}, found ${actual}`, {
      file, record: `document ${d.doc_id}`,
      hint: `restore the verbatim document, or if the new text is intended, record its hash in ${join(seedsDir, MANIFEST_FILE)}`,
    });
  }
  return bytes;
}
