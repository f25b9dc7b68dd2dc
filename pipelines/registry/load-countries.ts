/**
 * The country reference table, from data/raw/country-codes.csv (the datasets/country-codes
 * data package; see data/raw/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RowOf } from '../catalog/types.ts';
import type { countries } from '../catalog/registry.ts';
import { AtlasError } from '../lib/errors.ts';

/** RowOf with the nullable columns made nullable (RowOf does not yet see `nullable: true`). */
export type CountryRow = Omit<RowOf<typeof countries>, 'iso2' | 'm49_region' | 'm49_subregion'> & {
  iso2: string | null; m49_region: string | null; m49_subregion: string | null;
};

/** Path as shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` inside quotes is
 * a quote, quoted fields may contain commas and line breaks; LF or CRLF records; a leading
 * BOM is dropped. Nothing is treated as missing: "NA" stays "NA" (it is Namibia's alpha-2).
 * Returns records as arrays of raw strings; throws AtlasError on an unterminated quote or
 * text after a closing quote.
 */
export function parseCsv(text: string, file = '<csv>'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false; // just closed a quoted field: only , or a line break may follow
  const endField = () => { record.push(field); field = ''; afterQuote = false; };
  const endRecord = () => { endField(); records.push(record); record = []; };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; afterQuote = true; i++; continue;
      }
      if (c === '\n') line++;
      field += c; i++; continue;
    }
    if (c === ',') { endField(); i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { endRecord(); line++; i += 2; continue; }
    if (c === '\n') { endRecord(); line++; i++; continue; }
    if (afterQuote) {
      throw new AtlasError(`text after a closing quote in a CSV field (${JSON.stringify(c)})`, { file, line });
    }
    if (c === '"' && field === '') { quoted = true; quoteLine = line; i++; continue; }
    field += c; i++;
  }
  if (quoted) throw new AtlasError('unterminated quoted field in CSV', { file, line: quoteLine });
  // Last record without a trailing line break.
  if (field !== '' || record.length > 0 || afterQuote) endRecord();
  return records;
}

/** Parse a CSV with a header row into objects keyed by column name. */
export function parseCsvObjects(text: string, file = '<csv>'): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, file);
  if (!header) throw new AtlasError('CSV has no header row', { file, line: 1 });
  return rows.map((r, k) => {
    if (r.length !== header.length) {
      throw new AtlasError(`CSV record has ${r.length} fields, header has ${header.length}`, { file, record: `data row ${k + 1}` });
    }
    return Object.fromEntries(header.map((h, j) => [h, r[j]]));
  });
}

const COLS = {
  iso3: 'ISO3166-1-Alpha-3',
  iso2: 'ISO3166-1-Alpha-2',
  m49: 'M49',
  name: 'CLDR display name',
  region: 'Region Name',
  subregion: 'Sub-region Name',
} as const;

/** Rows of the `countries` table from the datasets/country-codes CSV. */
export function loadCountries(file: string): CountryRow[] {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AtlasError(`cannot read the country reference CSV (${(e as Error).message})`, {
      file: shown, hint: 'copy ../shared/data/external/country-codes.csv to data/raw/country-codes.csv',
    });
  }
  const objs = parseCsvObjects(text, shown);
  const header = objs.length ? Object.keys(objs[0]) : [];
  for (const c of Object.values(COLS)) {
    if (objs.length && !header.includes(c)) throw new AtlasError(`missing column "${c}"`, { file: shown, line: 1 });
  }
  const seen = new Set<string>();
  return objs.map((o, k) => {
    const where = { file: shown, record: `data row ${k + 1}` };
    const iso3 = o[COLS.iso3].trim();
    if (!/^[A-Z]{3}$/.test(iso3)) throw new AtlasError(`bad ISO alpha-3 code ${JSON.stringify(iso3)}`, { ...where, field: COLS.iso3 });
    if (seen.has(iso3)) throw new AtlasError(`duplicate ISO alpha-3 code ${iso3}`, { ...where, field: COLS.iso3 });
    seen.add(iso3);
    const m49 = Number(o[COLS.m49].trim());
    if (!Number.isInteger(m49)) throw new AtlasError(`bad M49 code ${JSON.stringify(o[COLS.m49])}`, { ...where, record: iso3, field: COLS.m49 });
    const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
    return {
      iso3,
      iso2: orNull(o[COLS.iso2]),
      m49,
      name: o[COLS.name].trim(),
      m49_region: orNull(o[COLS.region]),
      m49_subregion: orNull(o[COLS.subregion]),
    };
  });
}
