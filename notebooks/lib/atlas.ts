/**
 * The notebook-facing API of the Mechanism Atlas:
 *
 *   const atlas = await openAtlas();          // output/atlas.duckdb, read-only
 *   await atlas.sql('SELECT …')               // → plain row objects
 *   await atlas.frame('coverage_region_theme') // → danfojs DataFrame
 *   await showChart('region-theme-heatmap')   // a built chart, or any Vega-Lite spec
 *   await cite([85, 88])                      // the paragraphs, quoted, "A/HRC/14/32, para. 88"
 *
 * Everything reads the tables the build wrote; nothing here writes to the
 * output folder. To try other thresholds, `atlas.scratch({...})` gives an
 * in-memory DuckDB with the built file attached read-only, where the project's
 * SQL models can be re-run (see notebooks/04-data-gaps.ipynb).
 *
 * The output folder is $ATLAS_OUT, else `output`; a relative path is taken
 * from the project root (the notebooks run with notebooks/ as their folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import type { DataFrame } from 'danfojs-node';
import { openDb, query, exec, setVariables, type Db, type Row } from '../../pipelines/core/db.ts';
import { CATALOG, type TableSpec } from '../../pipelines/catalog/index.ts';
import { listModels, createMacros, runModel, type SqlModel } from '../../pipelines/core/sql-models.ts';
import { orderedSelect, sqlString } from '../../pipelines/core/sql.ts';
import { formatCitation } from '../../pipelines/report/charts/common.ts';
import { DOC_SYMBOL } from '../../pipelines/report/charts/theme.ts';
import { corpusName } from '../../pipelines/text/corpus-name.ts';
import { PARAMS, type Params } from '../../pipelines/core/params.ts';
import { DB_FILE, MANIFEST } from '../../pipelines/core/runner.ts';
import {
  JUPYTER_DISPLAY, displayBundle, escapeMarkdown, markdownBundle, rowsBundle, tableBundle, type MimeBundle, type TableOptions,
} from './display.ts';
import { builtChartBundle, builtChartNames, chartBundle, displayChart, readBuiltSpec, type VegaLiteSpec } from './charts.ts';

/** The project root (two folders up from notebooks/lib). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Environment variable naming the output folder the notebooks read. */
export const OUT_ENV = 'ATLAS_OUT';

/** The output folder: the argument, else $ATLAS_OUT, else `output`; relative paths from the project root. */
export function resolveOutDir(outDir?: string): string {
  const dir = outDir ?? process.env[OUT_ENV] ?? 'output';
  return isAbsolute(dir) ? dir : resolve(PROJECT_ROOT, dir);
}

// ---------------------------------------------------------------------------
// Values

/** BIGINT results (count(*), sum) as plain numbers when they fit, so rows chart, print and JSON-encode. */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (Array.isArray(v)) return v.map(plainValue);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainValue(x)]));
  }
  return v;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A bare table name → SELECT in the order the build exports it (the table's key); anything else is SQL. */
export function tableOrSql(text: string): string {
  const t = text.trim();
  if (!IDENT.test(t)) return t;
  const spec = CATALOG.find((s) => s.name === t);
  return spec ? orderedSelect(spec) : `SELECT * FROM "${t}"`;
}

type Params_ = Record<string, string | number | boolean>;

async function rowsOf<T>(db: Db, text: string, params?: Params_): Promise<T[]> {
  return (await query<Row>(db, tableOrSql(text), params)).map((r) => plainValue(r) as T);
}

// ---------------------------------------------------------------------------
// danfojs

type Danfo = typeof import('danfojs-node');
let danfo: Promise<Danfo> | undefined;

/** danfojs-node, loaded on first use, with DataFrame and Series taught to display as tables in Jupyter. */
export function loadDanfo(): Promise<Danfo> {
  danfo ??= import('danfojs-node').then((mod) => {
    const dfd = ((mod as { default?: Danfo }).default ?? mod) as Danfo;
    for (const cls of [dfd.DataFrame, dfd.Series]) {
      const proto = cls.prototype as unknown as Record<symbol, unknown>;
      if (!proto[JUPYTER_DISPLAY]) {
        Object.defineProperty(proto, JUPYTER_DISPLAY, {
          value(this: DataFrame) { return frameBundle(this); },
          configurable: true,
        });
      }
    }
    return dfd;
  });
  return danfo;
}

/** A danfojs DataFrame (or Series) as a table bundle. */
export function frameBundle(df: { columns: string[]; values: unknown; index: unknown[]; $isSeries?: boolean }, opts: TableOptions = {}): MimeBundle {
  const values = df.values as unknown[];
  const rows = df.$isSeries ? values.map((v) => [v]) : (values as unknown[][]);
  return tableBundle(df.columns, rows, { index: df.index, ...opts });
}

/** Rows → DataFrame (an empty result keeps its column names). */
export async function toFrame(rows: readonly Row[], columns?: readonly string[]): Promise<DataFrame> {
  const dfd = await loadDanfo();
  if (rows.length === 0) return new dfd.DataFrame([], { columns: [...(columns ?? [])] });
  return new dfd.DataFrame(rows as Row[]);
}

// ---------------------------------------------------------------------------
// Atlas

export interface TableInfo {
  table: string;
  layer: string;
  grain: string;
  key: string;
  /** Rows in the database (null when the build did not write the table). */
  rows: number | null;
  columns: number;
  exported: boolean;
  description: string;
}

/** Paragraph numbers, or paragraphs with their documents ({ doc_id, para_no }, a `sources` column). */
export type ParagraphRefs = readonly (number | { doc_id: string; para_no: number })[];

export interface CitedParagraph {
  doc_id: string;
  symbol: string;
  para_no: number;
  chapter: string | null;
  section: string | null;
  heading: string | null;
  part: string | null;
  text: string;
  /** "A/HRC/14/32, para. 88" */
  citation: string;
}

export interface Atlas {
  /** Absolute path of the output folder. */
  readonly outDir: string;
  /** Absolute path of the DuckDB file (opened read-only). */
  readonly dbPath: string;
  /** When the build ran (manifest.json built_at), if the folder has a manifest. */
  readonly builtAt: string | null;
  /** One line of markdown naming the build read, for the top of a notebook. */
  about(): string;
  /** Run SQL (or name a table) → plain rows; $name parameters bound from `params`. */
  sql<T = Row>(text: string, params?: Params_): Promise<T[]>;
  /** A table or a query as a danfojs DataFrame. */
  frame(tableOrQuery: string, params?: Params_): Promise<DataFrame>;
  /** The corpus as the build's titles name it: one document by its symbol, several by count and symbols. */
  corpus(): Promise<string>;
  /** Every catalog table with its row count in this build. */
  tables(): Promise<TableInfo[]>;
  /** The catalog declaration of a table (columns, types, descriptions). */
  spec(table: string): TableSpec;
  /** Charts the build wrote. */
  charts(): string[];
  /** The Vega-Lite spec of a built chart. */
  chartSpec(name: string): VegaLiteSpec;
  /** Display a built chart by name, or any Vega-Lite spec. */
  showChart(specOrName: VegaLiteSpec | string): Promise<void>;
  /**
   * The paragraphs, in the order asked, with their citation labels. Give paragraph numbers
   * (every document's paragraph of that number, or only `doc`'s: a doc_id or a symbol), or
   * cited paragraphs with their documents, as the tables' `sources` columns hold them.
   */
  paragraphs(paras: ParagraphRefs, opts?: { doc?: string }): Promise<CitedParagraph[]>;
  /** Display the paragraphs as quotes labelled "A/HRC/14/32, para. N". */
  cite(paras: ParagraphRefs, opts?: { doc?: string }): Promise<void>;
  /** The markdown `cite` displays. */
  citeMarkdown(paras: ParagraphRefs, opts?: { doc?: string }): Promise<string>;
  /** An in-memory DuckDB with this build attached read-only, for what-if SQL. */
  scratch(params?: Partial<Params>): Promise<Scratch>;
  close(): void;
}

let current: Atlas | undefined;

/**
 * Open the built database read-only. Throws a clear error when the build has
 * not run. The last atlas opened is the one `showChart(name)` and `cite` use.
 */
export async function openAtlas(outDir?: string): Promise<Atlas> {
  const dir = resolveOutDir(outDir);
  const dbPath = join(dir, DB_FILE);
  if (!existsSync(dbPath)) {
    throw new Error(`no atlas database at ${dbPath}: run \`npx tsx pipelines/build.ts\` first`
      + ` (or set ${OUT_ENV} to a built output folder)`);
  }
  const db = await openDb(dbPath, { readOnly: true });
  let closed = false;
  const scratches = new Set<Scratch>();

  const builtAt = readBuiltAt(dir);
  const atlas: Atlas = {
    outDir: dir,
    dbPath,
    builtAt,
    about: () => `Reading \`${dbPath}\` (read-only)${builtAt ? `, built ${builtAt}` : ''}.`,
    sql: <T = Row>(text: string, params?: Params_) => rowsOf<T>(db, text, params),
    async frame(text, params) {
      const reader = await db.conn.runAndReadAll(tableOrSql(text), params);
      const rows = reader.getRowObjectsJS().map((r) => plainValue(r) as Row);
      return toFrame(rows, reader.columnNames());
    },
    async corpus() {
      return corpusName((await query<{ symbol: string }>(db, 'SELECT symbol FROM documents')).map((d) => d.symbol));
    },
    async tables() {
      const present = new Set((await query<{ name: string }>(db, 'SELECT table_name AS name FROM information_schema.tables')).map((r) => r.name)); // views too (the named views)
      const out: TableInfo[] = [];
      for (const s of CATALOG) {
        const n = present.has(s.name) ? Number((await query<{ n: bigint }>(db, `SELECT count(*) AS n FROM "${s.name}"`))[0]!.n) : null;
        out.push({
          table: s.name, layer: s.layer, grain: s.grain, key: s.key.join(', '), rows: n,
          columns: s.columns.length, exported: s.export !== false, description: s.description,
        });
      }
      return out;
    },
    spec(table) {
      const s = CATALOG.find((t) => t.name === table);
      if (!s) throw new Error(`no table named ${table} in the catalog (pipelines/catalog)`);
      return s;
    },
    charts: () => builtChartNames(dir),
    chartSpec: (name) => readBuiltSpec(dir, name),
    async showChart(specOrName) {
      const b = typeof specOrName === 'string' ? await builtChartBundle(dir, specOrName) : await chartBundle(specOrName);
      await displayChart(b);
    },
    async paragraphs(paras, opts = {}) {
      const refs = paras.filter((p): p is { doc_id: string; para_no: number } => typeof p === 'object' && p !== null);
      const wanted = [...new Set(paras.filter((p) => typeof p !== 'object').map(Number))];
      if (wanted.some((p) => !Number.isInteger(p)) || refs.some((r) => !Number.isInteger(Number(r.para_no)))) {
        throw new Error(`paragraph numbers must be integers: ${paras.map((p) => (typeof p === 'object' ? `${p.doc_id}/${p.para_no}` : p)).join(', ')}`);
      }
      if (wanted.length === 0 && refs.length === 0) return [];
      const pairs = refs.map((r) => `(${sqlString(String(r.doc_id))}, ${Number(r.para_no)})`);
      const rows = await rowsOf<Omit<CitedParagraph, 'citation'>>(db, `
        SELECT p.doc_id, d.symbol, p.para_no, p.chapter, p.section, p.heading, p.part, p.text
        FROM paragraphs p JOIN documents d USING (doc_id)
        WHERE (p.para_no IN (${wanted.join(', ') || 'NULL'}) AND ($doc = '' OR p.doc_id = $doc OR d.symbol = $doc))
           ${pairs.length ? `OR (p.doc_id, p.para_no) IN (${pairs.join(', ')})` : ''}
        ORDER BY d.symbol, p.para_no`, { doc: opts.doc ?? '' });
      const key = (docId: string, paraNo: number) => `${docId}\u0000${paraNo}`;
      const found = new Map(rows.map((r) => [key(r.doc_id, r.para_no), { ...r, citation: formatCitation(r.symbol ?? DOC_SYMBOL, [r.para_no]) }]));
      const seen = new Set<string>();
      const out: CitedParagraph[] = [];
      const take = (c: CitedParagraph | undefined) => { if (c && !seen.has(key(c.doc_id, c.para_no))) { seen.add(key(c.doc_id, c.para_no)); out.push(c); } };
      // in the order asked: a number brings every document's paragraph of that number (by symbol)
      for (const p of paras) {
        if (typeof p === 'object') take(found.get(key(p.doc_id, p.para_no)));
        else for (const c of found.values()) if (c.para_no === Number(p)) take(c);
      }
      return out;
    },
    async citeMarkdown(paras, opts) {
      const found = await atlas.paragraphs(paras, opts);
      const missing = [...new Set(paras.map((p) => (typeof p === 'object' ? `${p.doc_id}/${p.para_no}` : String(p))))]
        .filter((p) => !found.some((f) => String(f.para_no) === p || `${f.doc_id}/${f.para_no}` === p));
      const blocks = found.map((p) => {
        const where = [p.chapter && `chapter ${p.chapter}${p.section ? `.${p.section}` : ''}`, p.heading, p.part].filter(Boolean).join(' · ');
        return `> **${escapeMarkdown(p.citation)}**${where ? ` — ${escapeMarkdown(where)}` : ''}\n>\n> ${escapeMarkdown(p.text).replace(/\n+/g, '\n>\n> ')}`;
      });
      if (missing.length) blocks.push(`*No paragraph ${missing.join(', ')} in the paragraphs table.*`);
      return blocks.length ? blocks.join('\n\n') : '*No paragraphs given.*';
    },
    async cite(paras, opts) {
      const md = await atlas.citeMarkdown(paras, opts);
      const found = await atlas.paragraphs(paras, opts);
      const plain = found.map((p) => `${p.citation}\n${p.text}`).join('\n\n') || md;
      await displayBundle(markdownBundle(md, plain));
    },
    async scratch(params = {}) {
      const s = await openScratch(dbPath, params);
      scratches.add(s);
      const close = s.close.bind(s);
      s.close = () => { scratches.delete(s); close(); };
      return s;
    },
    close() {
      if (closed) return;
      closed = true;
      for (const s of [...scratches]) s.close();
      db.close();
      if (current === atlas) current = undefined;
    },
  };
  current = atlas;
  return atlas;
}

function readBuiltAt(dir: string): string | null {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { built_at?: unknown };
    return typeof m.built_at === 'string' ? m.built_at : null;
  } catch {
    return null;
  }
}

async function currentAtlas(): Promise<Atlas> {
  current ??= await openAtlas();
  return current;
}

/**
 * Display a Vega-Lite chart: a built chart by name (output/charts/<name>.vl.json,
 * with the SVG and PNG the build rendered) or any spec you wrote (rendered now).
 */
export async function showChart(specOrName: VegaLiteSpec | string): Promise<void> {
  if (typeof specOrName === 'string') return (await currentAtlas()).showChart(specOrName);
  await displayChart(await chartBundle(specOrName));
}

/** Display paragraphs as quotes labelled "A/HRC/14/32, para. N": numbers, or a `sources` list ({ doc_id, para_no }). */
export async function cite(paras: ParagraphRefs, opts?: { doc?: string }): Promise<void> {
  return (await currentAtlas()).cite(paras, opts);
}

/** Display a DataFrame, a Series or an array of row objects as a table. */
export async function show(value: unknown, opts: TableOptions = {}): Promise<void> {
  if (Array.isArray(value)) {
    await displayBundle(rowsBundle(value.map((r) => plainValue(r) as Row), opts));
  } else if (value && typeof value === 'object' && '$isSeries' in value && 'values' in value && 'index' in value) {
    await displayBundle(frameBundle(value as Parameters<typeof frameBundle>[0], opts));
  } else if (value && typeof value === 'object') {
    await displayBundle(rowsBundle([plainValue(value) as Row], opts));
  } else {
    await displayBundle({ 'text/plain': String(value) });
  }
}

// ---------------------------------------------------------------------------
// Scratch: what-if SQL against the built file

export interface Scratch {
  /** The parameters bound as DuckDB variables (PARAMS with your overrides). */
  readonly params: Params;
  /** Run SQL; unqualified names find scratch tables first, then the built ones. */
  sql<T = Row>(text: string, params?: Params_): Promise<T[]>;
  /** Change parameters (only names in pipelines/core/params.ts). */
  setParams(p: Partial<Params>): Promise<void>;
  /** The SQL model file behind a table (pipelines/sql/<layer>/<name>.sql). */
  model(name: string): SqlModel;
  /**
   * Re-run a SQL model with the current parameters. The result replaces the
   * table inside the scratch database (never the built file), so models run
   * after it see the recomputed rows.
   */
  runModel<T = Row>(name: string): Promise<T[]>;
  close(): void;
}

function checkParams(p: Partial<Params>): void {
  const unknown = Object.keys(p).filter((k) => !(k in PARAMS));
  if (unknown.length) throw new Error(`unknown parameter ${unknown.join(', ')}; known: ${Object.keys(PARAMS).join(', ')}`);
}

/** In-memory DuckDB with the built file ATTACHed read-only as `atlas`. */
export async function openScratch(dbPath: string, overrides: Partial<Params> = {}): Promise<Scratch> {
  checkParams(overrides);
  const db = await openDb();
  await exec(db, `ATTACH ${sqlString(dbPath)} AS atlas (READ_ONLY)`);
  await exec(db, `SET search_path = 'memory.main,atlas.main'`);
  await createMacros(db); // the models' shared macros (pipelines/sql/macros.sql), as the build creates them
  const params = { ...PARAMS, ...overrides } as Params;
  await setVariables(db, params);
  let closed = false;
  const s: Scratch = {
    params,
    sql: <T = Row>(text: string, p?: Params_) => rowsOf<T>(db, text, p),
    async setParams(p) {
      checkParams(p);
      Object.assign(params, p);
      await setVariables(db, p as Params_);
    },
    model(name) {
      const m = listModels().find((x) => x.name === name);
      if (!m) throw new Error(`no SQL model named ${name} under pipelines/sql; models: ${listModels().map((x) => x.name).join(', ')}`);
      return m;
    },
    async runModel<T = Row>(name: string) {
      // the build's own runModel: unqualified, its table lands in memory.main, the scratch's default schema
      await runModel(db, s.model(name));
      const spec = CATALOG.find((t) => t.name === name);
      const from = `memory.main."${name}"`;
      return rowsOf<T>(db, spec ? orderedSelect(spec, '*', from) : `SELECT * FROM ${from}`);
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
  return s;
}

export { PARAMS, CATALOG };
export type { Params, Row, TableSpec, MimeBundle };
