/**
 * Load the country indicator files listed in data/raw/indicators/manifest.yaml into
 * all-text raw tables (raw_tip_tiers, raw_policy_index), after checking each file's
 * SHA-256 and data-row count against the manifest. Typing, cleaning and code matching
 * happen in the SQL staging models (stg_tip_tiers, stg_policy_index).
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AtlasError } from '../core/errors.ts';
import { inputPath } from '../core/input-path.ts';
import { LIMITS, formatBytes } from '../core/limits.ts';
import { readYamlFile, lineOf } from '../core/yaml.ts';
import { parseCsv } from '../core/csv.ts';
import { sha256 } from '../core/io.ts';
import { raw_tip_tiers, raw_policy_index, type RowOf } from '../catalog/index.ts';

export const INDICATORS_MANIFEST = 'manifest.yaml';

const RAW_TABLES = { raw_tip_tiers, raw_policy_index } as const;
type RawTable = keyof typeof RAW_TABLES;

export interface IndicatorTables {
  raw_tip_tiers: RowOf<typeof raw_tip_tiers>[];
  raw_policy_index: RowOf<typeof raw_policy_index>[];
}

const FileEntry = z.object({
  file: z.string().min(1),
  table: z.enum(Object.keys(RAW_TABLES) as [RawTable, ...RawTable[]]),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits'),
  rows: z.number().int().nonnegative(),
  columns: z.array(z.string().min(1)).min(1),
  source: z.string().min(1),
});
const Manifest = z.object({ files: z.array(FileEntry).min(1) });

export type IndicatorFile = z.infer<typeof FileEntry>;

/** Read and validate the manifest: each raw table listed exactly once. */
export function readIndicatorManifest(dir: string): IndicatorFile[] {
  const file = join(dir, INDICATORS_MANIFEST);
  if (!existsSync(file)) {
    throw new AtlasError('no indicators manifest', { file, stage: 'load-indicators', hint: `create ${INDICATORS_MANIFEST} listing each file with its sha256 and row count (see data/raw/indicators/manifest.yaml)` });
  }
  const y = readYamlFile(file, { stage: 'load-indicators' });
  const parsed = Manifest.safeParse(y.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AtlasError(issue.message, { file, field: issue.path.join('.'), stage: 'load-indicators' });
  }
  for (const table of Object.keys(RAW_TABLES) as RawTable[]) {
    const n = parsed.data.files.filter((f) => f.table === table).length;
    if (n !== 1) {
      throw new AtlasError(`table ${table} must be listed exactly once, found ${n}`, { file, field: 'files.table', stage: 'load-indicators' });
    }
  }
  parsed.data.files.forEach((f, k) => {
    inputPath(dir, f.file, { file, line: lineOf(y, ['files', k, 'file']), record: `files[${k}]`, field: 'file', stage: 'load-indicators' });
  });
  return parsed.data.files;
}

/** Read a listed file and refuse it if its SHA-256 differs from the manifest. */
export function readVerifiedIndicatorFile(dir: string, f: IndicatorFile): string {
  const file = inputPath(dir, f.file, { file: join(dir, INDICATORS_MANIFEST), field: 'file', stage: 'load-indicators' });
  if (!existsSync(file)) {
    throw new AtlasError('file listed in the indicators manifest is missing', {
      file, stage: 'load-indicators', hint: `restore ${f.file} from the project repository, or fetch it verbatim from the source named in ${join(dir, 'SOURCES.md')}`,
    });
  }
  const size = statSync(file).size;
  if (size > LIMITS.maxDocumentBytes) {
    throw new AtlasError(`file is ${formatBytes(size)}, over the limit of ${formatBytes(LIMITS.maxDocumentBytes)}`, {
      file, stage: 'load-indicators', hint: `restore the verbatim copy of ${f.file} (see SOURCES.md)`,
    });
  }
  const bytes = readFileSync(file);
  const actual = sha256(bytes);
  if (actual !== f.sha256) {
    throw new AtlasError(`SHA-256 of ${f.file} does not match the manifest: expected ${f.sha256}, found ${actual}`, {
      file, stage: 'load-indicators',
      hint: `restore the verbatim copy of ${f.file} (from the project repository or the source named in ${join(dir, 'SOURCES.md')}); `
        + `if the new file is intended, record its sha256 and row count in ${join(dir, INDICATORS_MANIFEST)} and update SOURCES.md`,
    });
  }
  return bytes.toString('utf8');
}

/** Column names of a raw table after source_line, from the header as printed. */
const columnName = (header: string) => header.replaceAll('.', '_');

function rowsOf(dir: string, f: IndicatorFile): Record<string, unknown>[] {
  const file = join(dir, f.file);
  const records = parseCsv(readVerifiedIndicatorFile(dir, f), file, { naAsNull: true });
  const [header, ...data] = records;
  const where = { file, stage: 'load-indicators' };
  if (!header) throw new AtlasError('file is empty', where);

  const printed = header.fields.map((h) => h ?? 'NA');
  if (printed.join(',') !== f.columns.join(',')) {
    throw new AtlasError(`header does not match the manifest\n  expected: ${f.columns.join(',')}\n  found:    ${printed.join(',')}`,
      { ...where, line: header.line, hint: 'restore the verbatim file, or update columns in the manifest and the raw table in pipelines/catalog/country.ts' });
  }
  const spec = RAW_TABLES[f.table];
  const declared = spec.columns.map((c) => c.name).filter((n) => n !== 'source_line');
  const names = printed.map(columnName);
  if (names.join(',') !== declared.join(',')) {
    throw new AtlasError(`header ${names.join(',')} does not match the columns of ${spec.name} (${declared.join(',')})`,
      { ...where, line: header.line, hint: `update ${spec.name} in pipelines/catalog/country.ts` });
  }
  if (data.length !== f.rows) {
    throw new AtlasError(`${f.file} has ${data.length} data rows, the manifest says ${f.rows}`,
      { ...where, hint: 'restore the verbatim file, or record the new row count and hash in the manifest' });
  }
  return data.map((r) => {
    if (r.fields.length !== names.length) {
      throw new AtlasError(`row has ${r.fields.length} fields, the header ${names.length}`, { ...where, line: r.line });
    }
    const row: Record<string, unknown> = { source_line: r.line };
    names.forEach((n, i) => { row[n] = r.fields[i]; });
    return row;
  });
}

/** Verify and parse every file of the manifest in `dir` (data/raw/indicators). */
export function loadIndicators(dir: string): IndicatorTables {
  const out: Record<string, unknown[]> = {};
  for (const f of readIndicatorManifest(dir)) out[f.table] = rowsOf(dir, f);
  return out as unknown as IndicatorTables;
}
