/**
 * UN-style country names: the countries table takes the M49 names of data/raw/country-codes.csv
 * (official_name_en) with the corrections of data/registry/country_names.yaml, and a correction
 * that no longer matches the CSV stops the load, naming the YAML file and line.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AtlasError } from '../../pipelines/core/errors.ts';
import { loadCountries } from '../../pipelines/registry/load-countries.ts';
import { loadCountryNameCorrections } from '../../pipelines/registry/load-country-names.ts';
import { loadRegistry } from '../../pipelines/registry/load-registry.ts';
import { errorOf } from './helpers.ts';

const DATA = path.join(import.meta.dirname, '..', '..', 'data');
const CSV = path.join(DATA, 'raw', 'country-codes.csv');
const YAML = path.join(DATA, 'registry', 'country_names.yaml');

function yamlFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-names-')), 'country_names.yaml');
  writeFileSync(file, text);
  return file;
}

describe('countries carry UN M49 names', () => {
  const byIso = new Map(loadRegistry(path.join(DATA, 'registry')).countries.map((c) => [c.iso3, c.name]));

  it.each([
    ['USA', 'United States of America'],
    ['PRK', "Democratic People's Republic of Korea"],
    ['KOR', 'Republic of Korea'],
    ['GBR', 'United Kingdom of Great Britain and Northern Ireland'],
    ['RUS', 'Russian Federation'],
    ['VNM', 'Viet Nam'],
    ['LAO', "Lao People's Democratic Republic"],
    ['IRN', 'Iran (Islamic Republic of)'],
    ['TZA', 'United Republic of Tanzania'],
    ['CIV', 'Côte d’Ivoire'],
  ])('%s is "%s"', (iso3, name) => {
    expect(byIso.get(iso3)).toBe(name);
  });

  it('uses the CSV\'s official_name_en, not its CLDR short name, and corrects Côte d’Ivoire', () => {
    const raw = loadCountries(CSV);
    expect(raw.find((c) => c.iso3 === 'USA')!.name).toBe('United States of America'); // CLDR: "US"
    expect(raw.find((c) => c.iso3 === 'CIV')!.name).toBe('Ivory Coast'); // what the file says
    const corrections = loadCountryNameCorrections(YAML);
    expect(corrections.get('CIV')).toMatchObject({ name: 'Côte d’Ivoire', file_has: 'Ivory Coast' });
    expect(corrections.get('CIV')!.source).toMatch(/unstats\.un\.org\/unsd\/methodology\/m49/);
  });
});

describe('a correction that does not fit the CSV stops the load', () => {
  it('when the CSV now has another name, naming the YAML file, line and the name found', () => {
    const file = yamlFile('corrections:\n  - iso3: USA\n    name: United States of America\n    file_has: USA\n    source: test\n');
    const e = errorOf(() => loadCountries(CSV, loadCountryNameCorrections(file))) as unknown as AtlasError;
    expect(e).toBeInstanceOf(AtlasError);
    expect(e.message).toContain(`${file}:2, record USA, field file_has: the correction of USA replaces "USA", but`);
    expect(e.message).toContain('now has "United States of America"');
    expect(e.message).toMatch(/the CSV is fixed upstream: delete this correction/);
  });

  it('when the code is not in the CSV, or a field is missing', () => {
    const unknown = yamlFile('corrections:\n  - iso3: XYZ\n    name: Nowhere\n    file_has: Nowhere\n    source: test\n');
    expect(() => loadCountries(CSV, loadCountryNameCorrections(unknown))).toThrow(/:2, record XYZ: a name correction for XYZ, which .*country-codes\.csv does not have/);
    const noSource = yamlFile('corrections:\n  - iso3: CIV\n    name: Côte d’Ivoire\n    file_has: Ivory Coast\n');
    expect(() => loadCountryNameCorrections(noSource)).toThrow(/:2, field source: correction 1 needs a non-empty text `source`/);
    expect(() => loadCountryNameCorrections(yamlFile('- CIV\n'))).toThrow(/:1: expected a mapping with a list `corrections:`/);
  });
});
