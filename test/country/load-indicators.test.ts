import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIndicators, readIndicatorManifest, type IndicatorTables } from '../../pipelines/ingest/load-indicators.ts';
import { parseCsv } from '../../pipelines/core/csv.ts';
import { AtlasError } from '../../pipelines/core/errors.ts';
import { sha256File } from '../../pipelines/core/io.ts';
import { INDICATORS_DIR } from './helpers.ts';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, unquoted NA as null and keeps the line a record starts on', () => {
    const text = 'a,b,c\r\n"x, y",NA,"NA"\n"say ""hi""",,3\n"two\nlines",1,2\n\n4,5,6';
    expect(parseCsv(text, '<csv>', { naAsNull: true })).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', null, 'NA'] },
      { line: 3, fields: ['say "hi"', '', '3'] },
      { line: 4, fields: ['two\nlines', '1', '2'] },
      { line: 7, fields: ['4', '5', '6'] },
    ]);
  });

  it('refuses an unterminated quote with its line', () => {
    expect(() => parseCsv('a,b\n"open,1\n', 'x.csv')).toThrow(/x\.csv:2.*unterminated/);
  });
});

describe('loadIndicators on data/raw/indicators', () => {
  let t: IndicatorTables;
  beforeAll(() => { t = loadIndicators(INDICATORS_DIR); });

  it('keeps every data row of both files, as text, with its source line', () => {
    expect(t.raw_tip_tiers).toHaveLength(3208);
    expect(t.raw_policy_index).toHaveLength(3021);
    expect(t.raw_tip_tiers[0].source_line).toBe(2);
    expect(t.raw_tip_tiers.at(-1)!.source_line).toBe(3209);
  });

  it('parses quoted rows verbatim (trailing spaces kept) and NA as null', () => {
    // line 2: "Afghanistan","AFG",1999,700,NA
    expect(t.raw_tip_tiers.find((r) => r.source_line === 2)).toEqual(
      { source_line: 2, countryname: 'Afghanistan', iso: 'AFG', year: '1999', ccode: '700', tier: null });
    // line 5: "Afghanistan","AFG",2002,700,"Tier 3"
    expect(t.raw_tip_tiers.find((r) => r.source_line === 5)).toEqual(
      { source_line: 5, countryname: 'Afghanistan', iso: 'AFG', year: '2002', ccode: '700', tier: 'Tier 3' });
    // line 1082: "Germany","DEU",2010,255,"Tier 1    "
    expect(t.raw_tip_tiers.find((r) => r.source_line === 1082)!.tier).toBe('Tier 1    ');
    // line 3018: "Serbia",2010,1003,2,12,5,4,3,NA,NA,NA,NA,NA,NA,NA
    expect(t.raw_policy_index.find((r) => r.source_line === 3018)).toEqual({
      source_line: 3018, countryname: 'Serbia', year: '2010', cow: '1003', tier: '2', p: '12',
      prosecution: '5', prevention: '4', protection: '3', country_name: null, iso: null, start_year: null,
      in_report: null, time_in_report: null, change_since_entering: null, change_time_report: null,
    });
  });

  it('records in the manifest the hash of the files it ships', () => {
    for (const f of readIndicatorManifest(INDICATORS_DIR)) {
      expect(sha256File(join(INDICATORS_DIR, f.file)), f.file).toBe(f.sha256);
    }
  });
});

describe('manifest checks', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-indicators-'));
    cpSync(INDICATORS_DIR, dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a modified copy, naming the file, both hashes and what to do', () => {
    const file = join(dir, 'tip_tiers_orig.csv');
    const original = readFileSync(file, 'utf8');
    const expected = readIndicatorManifest(dir).find((f) => f.file === 'tip_tiers_orig.csv')!.sha256;
    writeFileSync(file, original.replace('"Afghanistan","AFG",2002,700,"Tier 3"', '"Afghanistan","AFG",2002,700,"Tier 2"'));
    const actual = sha256File(file);
    expect(actual).not.toBe(expected);
    try {
      loadIndicators(dir);
      expect.unreachable('a modified file must be refused');
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      const msg = (e as Error).message;
      expect(msg).toContain('tip_tiers_orig.csv');
      expect(msg).toContain(`expected ${expected}`);
      expect(msg).toContain(`found ${actual}`);
      expect(msg).toMatch(/what to do: restore the verbatim copy/);
    } finally {
      writeFileSync(file, original);
    }
    expect(() => loadIndicators(dir)).not.toThrow();
  });

  it('refuses a row count that differs from the manifest', () => {
    const manifest = join(dir, 'manifest.yaml');
    const original = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, original.replace('rows: 3021', 'rows: 3020'));
    try {
      expect(() => loadIndicators(dir)).toThrow(/policy_index\.csv has 3021 data rows, the manifest says 3020/);
    } finally {
      writeFileSync(manifest, original);
    }
  });

  it('refuses a missing file', () => {
    rmSync(join(dir, 'policy_index.csv'));
    expect(() => loadIndicators(dir)).toThrow(/policy_index\.csv.*missing/s);
  });
});
