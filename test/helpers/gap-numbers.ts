/**
 * Numbers as the briefing prints them, and the same numbers recomputed from the built
 * tables by SQL written for the tests (not the models' own): shared by the seed's and
 * the corpus's number tests (test/reports/numbers.*.test.ts).
 */
import { query, type Db } from '../../pipelines/core/db.ts';

/** Numbers as printed, in order: citations, years and the "3P" index name left out. */
export function printedNumbers(text: string): number[] {
  const bare = text
    .replace(/\([^()]*A\/HRC\/[^()]*\)/g, ' ')
    .replace(/\bpara(?:s)?\. [\d, –-]+/g, ' ')
    .replace(/\b3P\b/g, ' ')
    .replace(/\b(?:19|20)\d\d\b/g, ' ');
  return [...bare.matchAll(/\d+(?:,\d{3})*/g)].map((m) => Number(m[0].replaceAll(',', '')));
}

export type Gap = { finding_id: string; kind: string; subject: string; statement: string; value: number; denominator: number };

/** The first column of the first row, as a number. */
export async function oneNumber(db: Db, sql: string): Promise<number> {
  return Number(Object.values((await query(db, sql))[0]!)[0]);
}

export const COUNTS = {
  mechanisms: 'SELECT count(*) FROM mechanisms',
  themes: 'SELECT count(*) FROM themes',
  described: "SELECT count(DISTINCT mechanism_id) FROM evidence WHERE role = 'actor'",
  undescribed: "SELECT count(*) FROM mechanisms WHERE mechanism_id NOT IN (SELECT mechanism_id FROM evidence WHERE role = 'actor')",
};

/** Mechanisms covering a theme, straight from the actor evidence. */
export const coveringTheme = (theme: string) => `SELECT count(DISTINCT mechanism_id) FROM evidence WHERE role = 'actor' AND theme_id = '${theme}'`;

/** The numbers each kind of finding prints, recomputed from the tables (the 'lacking' statements print none). */
export async function expectedNumbers(db: Db, g: Gap): Promise<number[]> {
  const one = (sql: string) => oneNumber(db, sql);
  const registry = [await one(COUNTS.mechanisms), await one(COUNTS.described)];
  switch (g.kind) {
    case 'few_mechanisms': {
      const theme = g.finding_id.split(':')[1];
      return [await one(coveringTheme(theme)), ...registry];
    }
    case 'missing_data_collection': return [await one(coveringTheme('data_collection')), ...registry];
    case 'group_left_out': return [await one(coveringTheme('gender_men')), ...registry];
    case 'redress': return [await one(coveringTheme('redress')), ...registry,
      await one(`SELECT count(DISTINCT mechanism_id) FROM claims WHERE role = 'actor' AND list_contains(themes, 'redress') AND regexp_matches(sentence, 'compensat', 'i')`)];
    case 'no_response': {
      const asked = [await one('SELECT count(*) FILTER (WHERE NOT responded) FROM data_requests'), await one('SELECT count(*) FROM data_requests')];
      // in a corpus the count is of requests, with the organisations and documents asked beside it
      const documents = await one('SELECT count(DISTINCT doc_id) FROM data_requests');
      return documents > 1 ? [...asked, await one('SELECT count(DISTINCT mechanism_id) FROM data_requests'), documents] : asked;
    }
    case 'thin_region': {
      const r = g.subject.replaceAll("'", "''");
      return [
        await one(`SELECT count(DISTINCT e.theme_id) FROM evidence e JOIN mechanisms m USING (mechanism_id) WHERE e.role = 'actor' AND m.region = '${r}'`),
        await one(COUNTS.themes),
        await one(`SELECT count(*) FROM mechanisms WHERE region = '${r}'`),
        await one(`SELECT count(*) FROM mechanisms WHERE region = '${r}' AND response_status = 'did not respond'`),
        await one(`SELECT count(*) FROM mechanisms WHERE region = '${r}' AND response_status = 'not asked'`),
      ];
    }
    case 'personal_scope': {
      const n = (where: string) => one(`SELECT count(*) FROM instruments WHERE is_main AND ${where}`);
      return [await n("personal_scope <> 'unknown'"), await n("personal_scope = 'women and children only'"),
        await n("personal_scope = 'all persons, especially women and children'"), await n("personal_scope = 'all persons'")];
    }
    case 'lacking': return [];
    default: throw new Error(`no recomputation for findings of kind ${g.kind} (${g.finding_id}): add one`);
  }
}
