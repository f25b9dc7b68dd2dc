/**
 * The country reference table, from data/raw/country-codes.csv (the datasets/country-codes
 * data package; see data/raw/SOURCES.md). Names are UN style: the M49 "Country or Area"
 * name (`official_name_en`), with the corrections of data/registry/country_names.yaml.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RowOf } from '../catalog/types.ts';
import type { countries } from '../catalog/registry.ts';
import { AtlasError } from '../core/errors.ts';
import { parseCsvObjects } from '../core/csv.ts';
import type { CountryNameCorrection } from './load-country-names.ts';

/** RowOf with the nullable columns made nullable (RowOf does not yet see `nullable: true`). */
export type CountryRow = Omit<RowOf<typeof countries>, 'iso2' | 'm49_region' | 'm49_subregion'> & {
  iso2: string | null; m49_region: string | null; m49_subregion: string | null;
};

/** Path as shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const COLS = {
  iso3: 'ISO3166-1-Alpha-3',
  iso2: 'ISO3166-1-Alpha-2',
  m49: 'M49',
  name: 'official_name_en',
  shortName: 'CLDR display name',
  region: 'Region Name',
  subregion: 'Sub-region Name',
} as const;

/**
 * Rows of the `countries` table from the datasets/country-codes CSV. A correction whose
 * `file_has` is no longer what the CSV says stops the load, naming both files.
 */
export function loadCountries(file: string, corrections: ReadonlyMap<string, CountryNameCorrection> = new Map()): CountryRow[] {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AtlasError(`cannot read the country reference CSV (${(e as Error).message})`, {
      file: shown, hint: 'restore data/raw/country-codes.csv from the project repository, or fetch it from the source named in data/raw/SOURCES.md',
    });
  }
  const objs = parseCsvObjects(text, shown);
  const header = objs.length ? Object.keys(objs[0]) : [];
  for (const c of Object.values(COLS)) {
    if (objs.length && !header.includes(c)) throw new AtlasError(`missing column "${c}"`, { file: shown, line: 1 });
  }
  const seen = new Set<string>();
  const rows = objs.map((o, k) => {
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
      name: unName(o, iso3, corrections, shown),
      m49_region: orNull(o[COLS.region]),
      m49_subregion: orNull(o[COLS.subregion]),
    };
  });
  for (const c of corrections.values()) {
    if (!seen.has(c.iso3)) throw new AtlasError(`a name correction for ${c.iso3}, which ${shown} does not have`, { ...c.at, record: c.iso3 });
  }
  return rows;
}

/** The M49 name, corrected where the registry says so; the CLDR name for the few rows without one. */
function unName(o: Record<string, string>, iso3: string, corrections: ReadonlyMap<string, CountryNameCorrection>, shown: string): string {
  const official = o[COLS.name].trim();
  const c = corrections.get(iso3);
  if (c) {
    if (official !== c.file_has) {
      throw new AtlasError(`the correction of ${iso3} replaces "${c.file_has}", but ${shown} now has "${official}"`, {
        ...c.at, record: iso3, field: 'file_has',
        hint: official === c.name ? 'the CSV is fixed upstream: delete this correction' : `check the UN name and set file_has to "${official}"`,
      });
    }
    return c.name;
  }
  return official || o[COLS.shortName].trim();
}
