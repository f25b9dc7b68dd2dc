/**
 * Stage load-registry: reads the curated registry (data/registry) and returns the rows of
 * the registry tables declared in pipelines/catalog/registry.ts.
 *
 * Every problem a curator can cause is an AtlasError naming the file, the YAML line, the
 * record id and the field.
 *
 * Layout of `dir`:
 *   mechanisms.yaml            a list of mechanism records, or
 *   mechanisms/*.yaml          one mechanism record per file (this repository's choice)
 *   themes.yaml                { themes: [...] }
 *   cues.yaml                  { gender: { measure: [regex, …] }, redress: { … } }
 *   non_mechanisms.yaml        [ { surface, kind, name, reason, related_mechanism? } ]
 *   country_names.yaml         optional: { corrections: [ { iso3, name, file_has, source } ] }
 * and the country reference CSV, by default ../raw/country-codes.csv relative to `dir`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { RowOf } from '../catalog/types.ts';
import type {
  cues, instruments, mechanism_members, mechanism_references, mechanisms, reference_citations,
  themes,
} from '../catalog/registry.ts';
import { AtlasError } from '../core/errors.ts';
import { inputPath } from '../core/input-path.ts';
import { readYamlFile, type YamlFile } from '../core/yaml.ts';
import { compileCue } from '../text/cue-regex.ts';
import { displayPath, loadCountries, type CountryRow } from './load-countries.ts';
import { loadCountryNameCorrections } from './load-country-names.ts';
import {
  LAST_PARA, cuesFileSchema, mechanismSchema, nonMechanismsFileSchema,
  themesFileSchema, type MechanismRecord, type NonMechanismRecord, type ThemesFile,
} from './schema.ts';

const STAGE = 'load-registry';

/**
 * RowOf with the catalog's nullable columns made nullable. (RowOf does not yet see
 * `nullable: true`, because col() widens it to boolean; this stays right once it does.)
 */
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

export type MechanismRow = Nullable<RowOf<typeof mechanisms>, 'members_source'>;
export type InstrumentRow = Nullable<RowOf<typeof instruments>, 'year'>;

export interface RegistryRows {
  mechanisms: MechanismRow[];
  mechanism_references: RowOf<typeof mechanism_references>[];
  reference_citations: RowOf<typeof reference_citations>[];
  instruments: InstrumentRow[];
  mechanism_members: RowOf<typeof mechanism_members>[];
  countries: CountryRow[];
  themes: RowOf<typeof themes>[];
  cues: RowOf<typeof cues>[];
  /** Acronyms and names deliberately not resolved to a mechanism. */
  non_mechanisms: { surface: string; kind: 'acronym' | 'name'; name: string; reason: string; related_mechanism: string | null }[];
  // Registry content that is not a catalog table (the load-registry stage stores only the tables above)
  /** Associate members / associated states, not counted in n_members. */
  associates: { mechanism_id: string; iso3: string; note: string | null; source: string }[];
  /** Why each instrument's scope and binding values were chosen, and the period it covers. */
  instrument_notes: { instrument_id: string; basis: string; period: string | null; joint_with: string[] }[];
  /** Membership caveats: confidence of each list, or why none is recorded. */
  member_notes: { mechanism_id: string; confidence: 'verified' | 'approximate' | null; note: string }[];
}

export interface LoadRegistryOptions {
  /** Override individual input files (paths relative to the working directory or absolute). */
  files?: Partial<Record<'mechanisms' | 'themes' | 'cues' | 'non_mechanisms' | 'countries' | 'country_names', string>>;
}

// ---------------------------------------------------------------- YAML with positions

/** Read a registry YAML file through the one YAML reader (size and alias limits, errors with the line). */
export function readYaml(file: string): YamlFile {
  return readYamlFile(file, { file: displayPath(file), stage: STAGE });
}

function sameKey(k: unknown, seg: PropertyKey): boolean {
  const v = isScalar(k) ? k.value : k;
  return v === seg || String(v) === String(seg);
}

/** The YAML node at a JS path (map keys compared as strings), or the deepest existing ancestor. */
function nodeAt(doc: Document.Parsed, pathSegs: readonly PropertyKey[]): Node | null {
  let node: unknown = doc.contents;
  let last: Node | null = (doc.contents as Node | null) ?? null;
  for (const seg of pathSegs) {
    if (isMap(node)) {
      const pair = node.items.find((p) => sameKey(p.key, seg));
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      node = item;
    } else break;
    if (node && typeof node === 'object' && 'range' in (node as object)) last = node as Node;
  }
  return last;
}

function lineAt(y: YamlFile, pathSegs: readonly PropertyKey[]): number | undefined {
  const n = nodeAt(y.doc, pathSegs);
  return n?.range ? y.lc.linePos(n.range[0]).line : undefined;
}

/** Raise an AtlasError for a problem at `pathSegs` within a YAML file. */
function fail(y: YamlFile, problem: string, pathSegs: readonly PropertyKey[], record?: string, field?: string, hint?: string): never {
  throw new AtlasError(problem, { stage: STAGE, file: y.file, line: lineAt(y, pathSegs), record, field, hint });
}

/**
 * Readable field path: list items by their id where they have one, else by index:
 * `instruments[eta_plan].year`, `references[1].surface`, `members.countries[1]`.
 */
export function fieldOf(segs: readonly PropertyKey[], raw?: unknown): string | undefined {
  if (!segs.length) return undefined;
  let out = '';
  let cur: unknown = raw;
  for (const seg of segs) {
    if (Array.isArray(cur) && typeof seg === 'number') {
      const item = cur[seg];
      out += `[${item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : seg}]`;
      cur = item;
    } else {
      out += (out ? '.' : '') + String(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[String(seg)] : undefined;
    }
  }
  return out;
}

/**
 * Validate with zod; the first issue becomes an AtlasError. `recordOf` splits an issue path
 * into the record's id (looked up in the raw data) and the path of the field inside it.
 */
function validate<S extends z.ZodType>(
  y: YamlFile, schema: S, data: unknown, basePath: readonly PropertyKey[],
  recordOf: (p: readonly PropertyKey[]) => { record?: string; field: readonly PropertyKey[]; raw?: unknown },
): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const p = issue.path as PropertyKey[];
  const { record, field, raw } = recordOf(p);
  fail(y, issue.message, [...basePath, ...p], record, fieldOf(field, raw));
}

function idOf(obj: unknown, fallback: string): string {
  if (obj && typeof obj === 'object' && 'id' in obj && typeof (obj as { id: unknown }).id === 'string') return (obj as { id: string }).id;
  return fallback;
}

// ---------------------------------------------------------------- RE2-compatible patterns

/** Syntax JavaScript accepts but RE2 (DuckDB regexp_*) does not. */
const NOT_RE2: [RegExp, string][] = [
  [/\(\?<?[=!]/, 'lookahead/lookbehind'],
  [/\\[1-9]/, 'backreference'],
  [/\\k</, 'named backreference'],
  [/[*+?}]\+/, 'possessive quantifier'],
  [/\(\?>/, 'atomic group'],
];

export function checkPattern(p: string): string | null {
  for (const [re, what] of NOT_RE2) if (re.test(p)) return `pattern uses ${what}, which RE2 does not support`;
  let re: RegExp;
  try {
    re = compileCue(p, {});
  } catch (e) {
    return (e as AtlasError).problem;
  }
  if (re.test('')) return 'pattern matches the empty string';
  return null;
}

// ---------------------------------------------------------------- mechanisms

/** A registry file inside `dir`, refused if a symbolic link leads it elsewhere. */
function registryFile(dir: string, name: string): string {
  return inputPath(dir, name, { stage: STAGE, file: displayPath(path.join(dir, name)), hint: 'replace the link with a copy of the file' });
}

interface MechanismSource { y: YamlFile; base: PropertyKey[]; raw: unknown; rec?: MechanismRecord }

function readMechanisms(dir: string, override?: string): MechanismSource[] {
  const out: MechanismSource[] = [];
  const single = override ?? registryFile(dir, 'mechanisms.yaml');
  const folder = path.join(dir, 'mechanisms');
  const hasFolder = !override && existsSync(folder) && statSync(folder).isDirectory();
  if (!override && existsSync(single) && hasFolder) {
    throw new AtlasError('both mechanisms.yaml and mechanisms/ exist; keep one layout', { stage: STAGE, file: displayPath(dir) });
  }
  if (hasFolder) {
    const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
    if (!files.length) throw new AtlasError('no mechanism files', { stage: STAGE, file: displayPath(folder) });
    for (const f of files) {
      const y = readYaml(inputPath(folder, f, { stage: STAGE, file: displayPath(folder), record: f, hint: 'replace the link with a copy of the file' }));
      if (Array.isArray(y.data) || !y.data || typeof y.data !== 'object') {
        fail(y, 'a file under mechanisms/ must hold one mechanism record (a mapping)', []);
      }
      out.push({ y, base: [], raw: y.data });
    }
  } else {
    const y = readYaml(single);
    if (!Array.isArray(y.data)) fail(y, 'mechanisms.yaml must be a list of mechanism records', []);
    (y.data as unknown[]).forEach((raw, k) => out.push({ y, base: [k], raw }));
  }
  return out;
}

// ---------------------------------------------------------------- main

export function loadRegistry(dir: string, opts: LoadRegistryOptions = {}): RegistryRows {
  const files = opts.files ?? {};
  const namesFile = files.country_names ?? path.join(dir, 'country_names.yaml');
  const nameCorrections = existsSync(namesFile) ? loadCountryNameCorrections(namesFile, displayPath(namesFile)) : new Map();
  const countryRows = loadCountries(files.countries ?? path.join(dir, '..', 'raw', 'country-codes.csv'), nameCorrections);
  const isoSet = new Set(countryRows.map((c) => c.iso3));

  // -- mechanisms: schema
  const sources = readMechanisms(dir, files.mechanisms);
  for (const s of sources) {
    s.rec = validate(s.y, mechanismSchema, s.raw, s.base, (p) => ({
      record: idOf(s.raw, s.base.length ? `#${Number(s.base[0]) + 1}` : path.basename(s.y.file)),
      field: p,
      raw: s.raw,
    }));
  }

  // -- mechanisms: cross-record checks
  const mechById = new Map<string, MechanismSource>();
  const surfaceOwner = new Map<string, string>();
  const instrumentIds = new Map<string, string>();
  for (const s of sources) {
    const m = s.rec!;
    const at = (segs: PropertyKey[], problem: string, hint?: string) =>
      fail(s.y, problem, [...s.base, ...segs], m.id, fieldOf(segs, s.raw), hint);
    const prior = mechById.get(m.id);
    if (prior) at(['id'], `duplicate mechanism id "${m.id}" (first defined in ${prior.y.file})`);
    mechById.set(m.id, s);

    m.references.forEach((r, k) => {
      const owner = surfaceOwner.get(r.surface);
      if (owner !== undefined) {
        at(['references', k, 'surface'],
          owner === m.id
            ? `reference "${r.surface}" is listed twice`
            : `reference "${r.surface}" is already claimed by mechanism ${owner}; a surface must resolve to one mechanism`,
          'keep the surface under the mechanism the report attributes it to');
      }
      surfaceOwner.set(r.surface, m.id);
      (r.cited_in ?? []).forEach((c, j) => {
        if (r.cited_in!.findIndex((d) => d.symbol === c.symbol && d.para === c.para) < j) {
          at(['references', k, 'cited_in', j], `${c.symbol}, para. ${c.para} is cited twice for "${r.surface}"`);
        }
      });
    });

    const dupParas = m.paragraphs.filter((p, k) => m.paragraphs.indexOf(p) !== k);
    if (dupParas.length) at(['paragraphs'], `paragraph ${dupParas[0]} cited twice`);

    m.instruments.forEach((ins, k) => {
      const other = instrumentIds.get(ins.id);
      if (other) at(['instruments', k, 'id'], `duplicate instrument id "${ins.id}" (also under ${other})`);
      instrumentIds.set(ins.id, m.id);
    });

    if (m.members) {
      const mem = m.members;
      const checkCode = (code: string, segs: PropertyKey[]) => {
        if (!isoSet.has(code)) {
          at(segs, `invalid ISO code "${code}": not in the country reference (country-codes.csv)`,
            'use an ISO 3166-1 alpha-3 code present in data/raw/country-codes.csv');
        }
      };
      const seen = new Set<string>();
      mem.countries.forEach((c, k) => {
        checkCode(c, ['members', 'countries', k]);
        if (seen.has(c)) at(['members', 'countries', k], `member ${c} listed twice`);
        seen.add(c);
      });
      (mem.associates ?? []).forEach((c, k) => {
        checkCode(c, ['members', 'associates', k]);
        if (seen.has(c)) at(['members', 'associates', k], `${c} is listed both as member and associate (or twice)`);
        seen.add(c);
      });
      for (const [para, codes] of Object.entries(mem.paragraphs ?? {})) {
        if (Number(para) > LAST_PARA || Number(para) < 1) at(['members', 'paragraphs', para], `paragraph ${para} does not exist`);
        codes.forEach((c, k) => {
          checkCode(c, ['members', 'paragraphs', para, k]);
          if (!seen.has(c)) at(['members', 'paragraphs', para, k], `${c} is named in paragraph ${para} but is not in the member list`);
        });
      }
    }
  }
  // joint instruments must point at existing mechanisms
  for (const s of sources) {
    const m = s.rec!;
    m.instruments.forEach((ins, k) => (ins.joint_with ?? []).forEach((j, jk) => {
      if (!mechById.has(j) || j === m.id) {
        fail(s.y, `joint_with names unknown mechanism "${j}"`, [...s.base, 'instruments', k, 'joint_with', jk], m.id, fieldOf(['instruments', k, 'joint_with', jk], s.raw));
      }
    }));
  }

  // -- themes
  const themesY = readYaml(files.themes ?? registryFile(dir, 'themes.yaml'));
  const themesData: ThemesFile = validate(themesY, themesFileSchema, themesY.data, [], (p) => {
    if (p[0] === 'themes' && typeof p[1] === 'number') {
      return { record: idOf((themesY.data as { themes?: unknown[] })?.themes?.[p[1]], `theme #${p[1] + 1}`), field: p.slice(2) };
    }
    return { field: p };
  });
  const themeIds = new Set<string>();
  themesData.themes.forEach((t, k) => {
    if (themeIds.has(t.id)) fail(themesY, `duplicate theme id "${t.id}"`, ['themes', k, 'id'], t.id, 'id');
    themeIds.add(t.id);
  });

  // -- cues
  const cuesY = readYaml(files.cues ?? registryFile(dir, 'cues.yaml'));
  const cuesData = validate(cuesY, cuesFileSchema, cuesY.data, [], (p) => ({
    record: p.length > 1 ? String(p[1]) : p.length ? String(p[0]) : undefined, field: p.length > 2 ? p.slice(2) : p.slice(0, 1),
  }));
  const cueRows: RowOf<typeof cues>[] = [];
  const measures = new Map<string, string>();
  for (const [family, byMeasure] of Object.entries(cuesData)) {
    for (const [measure, patterns] of Object.entries(byMeasure ?? {})) {
      if (measures.has(measure)) fail(cuesY, `measure "${measure}" also under ${measures.get(measure)}`, [family, measure], measure, family);
      measures.set(measure, family);
      patterns.forEach((p, k) => {
        const bad = checkPattern(p);
        if (bad) fail(cuesY, bad, [family, measure, k], measure, String(k));
        if (patterns.indexOf(p) !== k) fail(cuesY, `pattern listed twice`, [family, measure, k], measure, String(k));
        cueRows.push({ measure, family, pattern: p });
      });
    }
  }

  // -- non-mechanisms
  const nonY = readYaml(files.non_mechanisms ?? registryFile(dir, 'non_mechanisms.yaml'));
  const nonData: NonMechanismRecord[] = validate(nonY, nonMechanismsFileSchema, nonY.data, [], (p) => ({
    record: typeof p[0] === 'number' ? String((nonY.data as { surface?: string }[])[p[0]]?.surface ?? `#${p[0] + 1}`) : undefined,
    field: p.slice(1),
  }));
  const nonSeen = new Set<string>();
  nonData.forEach((n, k) => {
    if (nonSeen.has(n.surface)) fail(nonY, `"${n.surface}" listed twice`, [k, 'surface'], n.surface, 'surface');
    nonSeen.add(n.surface);
    const owner = surfaceOwner.get(n.surface);
    if (owner) fail(nonY, `"${n.surface}" is a reference of mechanism ${owner}; it cannot also be a non-mechanism`, [k, 'surface'], n.surface, 'surface');
    if (n.related_mechanism && !mechById.has(n.related_mechanism)) {
      fail(nonY, `unknown mechanism "${n.related_mechanism}"`, [k, 'related_mechanism'], n.surface, 'related_mechanism');
    }
  });

  // -- rows
  const recs = sources.map((s) => s.rec!);
  const sortNum = (a: number, b: number) => a - b;
  const rows: RegistryRows = {
    mechanisms: recs.map((m) => ({
      mechanism_id: m.id,
      name: m.name,
      acronym: m.acronym,
      kind: m.kind,
      region: m.region,
      bodies: m.bodies,
      paragraphs: [...m.paragraphs].sort(sortNum),
      n_members: m.members?.countries.length ?? 0,
      members_source: m.members?.source ?? null,
      response_status: m.response_status,
    })),
    mechanism_references: recs.flatMap((m) => m.references.map((r) => ({ surface: r.surface, mechanism_id: m.id, ref_kind: r.kind }))),
    reference_citations: recs.flatMap((m) => m.references.flatMap((r) => (r.cited_in ?? [])
      .map((c) => ({ surface: r.surface, mechanism_id: m.id, symbol: c.symbol, para_no: c.para })))),
    instruments: recs.flatMap((m) => m.instruments.map((i) => ({
      instrument_id: i.id,
      mechanism_id: m.id,
      name: i.name,
      kind: i.kind,
      year: i.year,
      legally_binding: i.legally_binding,
      personal_scope: i.personal_scope,
      is_main: i.is_main,
      paragraphs: [...i.paragraphs].sort(sortNum),
    }))),
    mechanism_members: recs.flatMap((m) => {
      if (!m.members) return [];
      const named = Object.entries(m.members.paragraphs ?? {});
      return m.members.countries.map((iso3) => ({
        mechanism_id: m.id,
        iso3,
        source: m.members!.source,
        paragraphs: named.filter(([, codes]) => codes.includes(iso3)).map(([p]) => Number(p)).sort(sortNum),
      }));
    }),
    countries: countryRows,
    themes: themesData.themes.map((t, k) => ({ theme_id: t.id, label: t.label, pillar: t.pillar, headings: t.headings, sort_order: k + 1 })),
    cues: cueRows,
    non_mechanisms: nonData.map((n) => ({ surface: n.surface, kind: n.kind, name: n.name, reason: n.reason, related_mechanism: n.related_mechanism ?? null })),
    associates: recs.flatMap((m) => (m.members?.associates ?? []).map((iso3) => ({
      mechanism_id: m.id, iso3, note: m.members!.associates_note ?? null, source: m.members!.source,
    }))),
    instrument_notes: recs.flatMap((m) => m.instruments.map((i) => ({
      instrument_id: i.id, basis: i.basis, period: i.period ?? null, joint_with: i.joint_with ?? [],
    }))),
    member_notes: recs.map((m) => ({
      mechanism_id: m.id,
      confidence: m.members?.confidence ?? null,
      note: m.members ? m.members.source : m.members_not_recorded!,
    })),
  };
  return rows;
}
