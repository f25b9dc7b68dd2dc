/**
 * The named views on the seed build: the same rows as the tables they name, every name
 * the one the registry gives, labels in the order of the ids, citations as printed; and
 * UN-style country names in the country tables.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openBuilt, query } from '../helpers/built.ts';
import type { Db } from '../../pipelines/core/db.ts';

let db: Db;
beforeAll(async () => { db = await openBuilt(); });
afterAll(() => db.close());

const count = async (sql: string) => Number((await query<{ n: bigint }>(db, `SELECT count(*) AS n FROM (${sql})`))[0].n);

describe('evidence_named', () => {
  it('has the rows of evidence, each with the registry\'s names, the theme label and the citation', async () => {
    expect(await count('SELECT * FROM evidence_named')).toBe(await count('SELECT * FROM evidence'));
    expect(await count(`
      SELECT * FROM evidence e
      JOIN evidence_named n USING (doc_id, mechanism_id, theme_id, para_no, role)
      JOIN mechanisms m ON m.mechanism_id = e.mechanism_id
      JOIN themes t ON t.theme_id = e.theme_id
      WHERE n.acronym = m.acronym AND n.mechanism_name = m.name AND n.theme_label = t.label
        AND n.quote = e.quote AND n.citation = 'A/HRC/14/32, para. ' || e.para_no
        AND n.is_counted = (e.role = 'actor')`)).toBe(await count('SELECT * FROM evidence'));
  });

  it('names COMMIT\'s training claims', async () => {
    const rows = await query<{ mechanism_name: string; theme_label: string; citation: string }>(db, `
      SELECT DISTINCT mechanism_name, theme_label, citation FROM evidence_named
      WHERE mechanism_id = 'commit' AND theme_id = 'training' AND is_counted ORDER BY citation`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].mechanism_name).toBe('Coordinated Mekong Ministerial Initiative against Trafficking');
    expect(rows[0].theme_label).toMatch(/training/i);
  });
});

describe('claims_named', () => {
  it('has the rows of claims, with one label per theme id, in the same order', async () => {
    expect(await count('SELECT * FROM claims_named')).toBe(await count('SELECT * FROM claims'));
    const rows = await query<{ themes: string[]; theme_labels: string[] }>(db, 'SELECT themes, theme_labels FROM claims_named WHERE len(themes) > 1');
    expect(rows.length).toBeGreaterThan(0);
    const label = new Map((await query<{ theme_id: string; label: string }>(db, 'SELECT theme_id, label FROM themes')).map((t) => [t.theme_id, t.label]));
    for (const r of rows) expect(r.theme_labels).toEqual(r.themes.map((t) => label.get(t)));
  });
});

describe('ask_claims_named', () => {
  it('has the rows of ask_claims, with the words of the ask and the mechanism\'s name', async () => {
    expect(await count('SELECT * FROM ask_claims_named')).toBe(await count('SELECT * FROM ask_claims'));
    expect(await count(`
      SELECT * FROM ask_claims_named n
      JOIN recommendation_asks a USING (ask_id) JOIN mechanisms m USING (mechanism_id)
      WHERE n.ask_text = a.ask_text AND n.recommendation_id = a.recommendation_id AND n.mechanism_name = m.name`))
      .toBe(await count('SELECT * FROM ask_claims'));
  });
});

describe('coverage_mechanism_theme', () => {
  it('carries the mechanism\'s name beside its id and acronym', async () => {
    expect(await query(db, `SELECT DISTINCT acronym, mechanism_name FROM coverage_mechanism_theme WHERE mechanism_id IN ('coe', 'ecowas') ORDER BY 1`))
      .toEqual([{ acronym: 'CoE', mechanism_name: 'Council of Europe' }, { acronym: 'ECOWAS', mechanism_name: 'Economic Community of West African States' }]);
  });
});

describe('UN country names', () => {
  it('in countries, country_coverage and country_mechanisms', async () => {
    expect(await query(db, "SELECT iso3, name FROM countries WHERE iso3 IN ('USA', 'PRK', 'GBR') ORDER BY iso3")).toEqual([
      { iso3: 'GBR', name: 'United Kingdom of Great Britain and Northern Ireland' },
      { iso3: 'PRK', name: "Democratic People's Republic of Korea" },
      { iso3: 'USA', name: 'United States of America' },
    ]);
    expect(await query(db, "SELECT DISTINCT country_name FROM country_coverage WHERE iso3 IN ('CIV', 'VNM') ORDER BY 1"))
      .toEqual([{ country_name: 'Côte d’Ivoire' }, { country_name: 'Viet Nam' }]);
    expect(await query(db, "SELECT DISTINCT country_name FROM country_mechanisms WHERE iso3 = 'LAO'"))
      .toEqual([{ country_name: "Lao People's Democratic Republic" }]);
  });
});
