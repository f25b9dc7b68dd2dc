/**
 * The registry loader rejects bad records with an AtlasError naming file, line, record and
 * field. Each case swaps one file of the minimal valid registry (test/fixtures/registry/base)
 * for a tiny broken fixture.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { AtlasError } from '../../pipelines/core/errors.ts';
import { loadRegistry, type LoadRegistryOptions } from '../../pipelines/registry/load-registry.ts';
import { loadCountries } from '../../pipelines/registry/load-countries.ts';
import { loadCountryNameCorrections } from '../../pipelines/registry/load-country-names.ts';
import { parseCsv } from '../../pipelines/core/csv.ts';
import { FIXTURES, errorOf } from './helpers.ts';

const BASE = path.join(FIXTURES, 'base');
const COUNTRIES = path.join(BASE, 'country-codes.csv');
const rel = (f: string) => path.relative(process.cwd(), path.join(FIXTURES, f));

function load(files: LoadRegistryOptions['files'] = {}) {
  return loadRegistry(BASE, { files: { countries: COUNTRIES, ...files } });
}

/** Load with one fixture swapped in and return the error, checking its shape. */
function failure(kind: 'mechanisms' | 'themes' | 'cues' | 'countries', fixture: string) {
  const e = errorOf(() => load({ [kind]: path.join(FIXTURES, fixture) }));
  expect(e).toBeInstanceOf(AtlasError);
  const a = e as unknown as AtlasError;
  expect(a.where.file).toBe(rel(fixture));
  expect(a.message).toContain(rel(fixture));
  return a;
}

describe('loadRegistry on the minimal valid registry', () => {
  const r = load();

  it('returns rows for every registry table', () => {
    expect(r.mechanisms.map((m) => m.mechanism_id)).toEqual(['alpha', 'beta']);
    expect(r.mechanisms[0]).toEqual({
      mechanism_id: 'alpha', name: 'Alpha Organization', acronym: 'ALPHA', kind: 'regional organisation',
      region: 'Asia-Pacific', bodies: ['Alpha Secretariat'], paragraphs: [3, 24], n_members: 2, members_source: 'Fixture source.', response_status: 'not asked',
    });
    expect(r.mechanisms[1]).toMatchObject({ bodies: [], n_members: 0, members_source: null });
    expect(r.mechanism_references).toEqual([
      { surface: 'Alpha Organization', mechanism_id: 'alpha', ref_kind: 'name' },
      { surface: 'ALPHA', mechanism_id: 'alpha', ref_kind: 'acronym' },
      { surface: 'Beta Process', mechanism_id: 'beta', ref_kind: 'name' },
    ]);
    expect(r.instruments).toEqual([{
      instrument_id: 'alpha_convention', mechanism_id: 'alpha', name: 'Alpha Convention', kind: 'convention', year: 2002,
      legally_binding: true, personal_scope: 'women and children only', is_main: true, paragraphs: [24],
    }]);
    expect(r.mechanism_members).toEqual([
      { mechanism_id: 'alpha', iso3: 'KHM', source: 'Fixture source.', paragraphs: [24] },
      { mechanism_id: 'alpha', iso3: 'THA', source: 'Fixture source.', paragraphs: [] },
    ]);
    expect(r.themes).toEqual([
      { theme_id: 'training', label: 'Training', pillar: 'prevention', headings: ['Training'], sort_order: 1 },
      { theme_id: 'redress', label: 'Redress', pillar: 'protection', headings: ['Redress'], sort_order: 2 },
    ]);
    expect(r.cues).toEqual([
      { measure: 'men_and_boys', family: 'gender', pattern: '\\bmen\\b' },
      { measure: 'men_and_boys', family: 'gender', pattern: '\\bboys\\b' },
      { measure: 'compensation', family: 'redress', pattern: 'compensat' },
    ]);
    expect(r.non_mechanisms.map((n) => n.surface)).toEqual(['UNODC']);
    expect(r.member_notes).toEqual([
      { mechanism_id: 'alpha', confidence: 'verified', note: 'Fixture source.' },
      { mechanism_id: 'beta', confidence: null, note: 'Fixture.' },
    ]);
  });

  it('parses the country CSV: quoted commas, doubled quotes, a quoted line break, CRLF, and NA as a code', () => {
    expect(r.countries.map((c) => c.iso3)).toEqual(['KHM', 'THA', 'NAM', 'FRA', 'ATA']);
    expect(r.countries.find((c) => c.iso3 === 'NAM')).toEqual({
      iso3: 'NAM', iso2: 'NA', m49: 516, name: 'Republic of "Namibia"', m49_region: 'Africa', m49_subregion: 'Sub-Saharan Africa',
    });
    expect(r.countries.find((c) => c.iso3 === 'ATA')).toMatchObject({ m49: 10, m49_region: null, m49_subregion: null });
    expect(r.countries.find((c) => c.iso3 === 'FRA')).toMatchObject({ name: expect.stringMatching(/^French Republic\r?\n\(two lines\)$/), m49_region: 'Europe' });
  });
});

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, embedded line breaks and a missing final newline', () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\n,,\nlast,1,2').map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], ['', '', ''], ['last', '1', '2'],
    ]);
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('rejects an unterminated quote and text after a closing quote, naming file and line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', 'x.csv')).toThrow(/x\.csv:2: unterminated quoted field/);
    expect(() => parseCsv('a,b\n"q"x,1\n', 'y.csv')).toThrow(/y\.csv:2: text after a closing quote/);
  });

  it('the real country reference has 249 unique ISO codes', () => {
    const data = path.join(FIXTURES, '..', '..', '..', 'data');
    const rows = loadCountries(path.join(data, 'raw', 'country-codes.csv'), loadCountryNameCorrections(path.join(data, 'registry', 'country_names.yaml')));
    expect(rows).toHaveLength(249);
    expect(new Set(rows.map((c) => c.iso3)).size).toBe(249);
    expect(rows.find((c) => c.iso3 === 'NAM')!.iso2).toBe('NA');
    expect(rows.find((c) => c.iso3 === 'CIV')!.name).toBe('Côte d’Ivoire');
  });
});

describe('loadRegistry rejects', () => {
  it('a duplicate mechanism id', () => {
    const e = failure('mechanisms', 'duplicate-id.mechanisms.yaml');
    expect(e.where).toMatchObject({ line: 10, record: 'alpha', field: 'id' });
    expect(e.message).toMatch(/duplicate-id\.mechanisms\.yaml:10, record alpha, field id: duplicate mechanism id "alpha"/);
  });

  it('an unknown region', () => {
    const e = failure('mechanisms', 'unknown-region.mechanisms.yaml');
    expect(e.where).toMatchObject({ line: 5, record: 'gamma', field: 'region' });
    expect(e.message).toMatch(/:5, record gamma, field region: .*Asia-Pacific/);
  });

  it('an ISO code that is not in country-codes.csv', () => {
    const e = failure('mechanisms', 'invalid-iso.mechanisms.yaml');
    expect(e.where).toMatchObject({ line: 14, record: 'delta', field: 'members.countries[1]' });
    expect(e.message).toMatch(/:14, record delta, field members\.countries\[1\]: invalid ISO code "XYZ"/);
  });

  it('two mechanisms claiming the same reference', () => {
    const e = failure('mechanisms', 'duplicate-reference.mechanisms.yaml');
    expect(e.where).toMatchObject({ line: 21, record: 'zeta', field: 'references[1].surface' });
    expect(e.message).toMatch(/record zeta, field references\[1\]\.surface: reference "Joint Plan" is already claimed by mechanism epsilon/);
  });

  it('an instrument with an impossible year', () => {
    const e = failure('mechanisms', 'impossible-year.mechanisms.yaml');
    expect(e.where).toMatchObject({ line: 13, record: 'eta', field: 'instruments[eta_plan].year' });
    expect(e.message).toMatch(/record eta, field instruments\[eta_plan\]\.year: impossible year/);
  });

  it('a YAML syntax error, naming file and line', () => {
    const e = failure('mechanisms', 'syntax-error.mechanisms.yaml');
    // the bracket opened on line 7 is found unclosed on line 8, where the parser reports it
    expect(e.where.line).toBe(8);
    expect(e.message).toMatch(/syntax-error\.mechanisms\.yaml:8: YAML syntax error: .*end with a \]/);
  });

  it('a cue pattern RE2 cannot run (lookbehind)', () => {
    const e = failure('cues', 'lookbehind.cues.yaml');
    expect(e.where).toMatchObject({ line: 2, record: 'men_and_boys' });
    expect(e.message).toMatch(/lookahead\/lookbehind/);
  });


  it('a country CSV with an unterminated quote', () => {
    const e = failure('countries', 'bad-quote.country-codes.csv');
    expect(e.where.line).toBe(2);
    expect(e.message).toMatch(/unterminated quoted field/);
  });
});
