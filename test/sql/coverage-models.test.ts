/**
 * The coverage models on small literal inputs: given rows → expected rows
 * (dbt-style unit tests), run against an in-memory DuckDB.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDb, writeRows, query, setVariables, type Db } from '../../pipelines/lib/db.ts';
import { checkTable } from '../../pipelines/lib/checks.ts';
import { runModel, createMacros } from '../../pipelines/lib/sql-models.ts';
import { tableSpec } from '../../pipelines/catalog/index.ts';
import { sqlStage } from '../../pipelines/stages/sql-stage.ts';
import { SQL_MODELS } from '../../pipelines/pipeline-sql.ts';
import { PARAMS } from '../../pipelines/params.ts';
import { matchCues } from '../../pipelines/stages/match-cues.ts';

const D = 'doc';
const mech = (id: string, region: string) => ({
  mechanism_id: id, name: id.toUpperCase(), acronym: id.toUpperCase(), kind: 'regional organisation', region,
  bodies: [], paragraphs: [], n_members: 0, members_source: null,
});
const ev = (m: string, theme: string, p: number, quote: string, part = 'achievement') => ({
  doc_id: D, mechanism_id: m, theme_id: theme, para_no: p, part, theme_source: 'heading', quote,
});

let db: Db;
beforeAll(async () => {
  db = await openDb();
  await setVariables(db, PARAMS);
  await writeRows(db, tableSpec('mechanisms'), [mech('coe', 'Europe and Central Asia'), mech('osce', 'Europe and Central Asia'), mech('saarc', 'Asia-Pacific')]);
  await writeRows(db, tableSpec('themes'), [
    { theme_id: 'redress', label: 'Redress', pillar: 'protection', headings: ['Redress'], sort_order: 1 },
    { theme_id: 'training', label: 'Training', pillar: 'partnership', headings: ['Training'], sort_order: 2 },
  ]);
  await writeRows(db, tableSpec('instruments'), [
    { instrument_id: 'coe-convention', mechanism_id: 'coe', name: 'CoE Convention', kind: 'convention', year: 2005, legally_binding: true, personal_scope: 'all persons', is_main: true, paragraphs: [27] },
    { instrument_id: 'saarc-convention', mechanism_id: 'saarc', name: 'SAARC Convention', kind: 'convention', year: 2002, legally_binding: true, personal_scope: 'women and children only', is_main: true, paragraphs: [25] },
  ]);
  await writeRows(db, tableSpec('cues'), [
    { measure: 'compensation', family: 'redress', pattern: 'compensat' },
    { measure: 'free_legal_aid', family: 'redress', pattern: 'legal aid' },
    { measure: 'gender_mainstreaming', family: 'gender', pattern: 'gender' },
  ]);
  await writeRows(db, tableSpec('evidence'), [
    ev('coe', 'redress', 88, 'The CoE Convention grants free legal aid and compensation.'),
    ev('osce', 'redress', 88, 'OSCE published a study on Compensation for Trafficked Persons.'),
    ev('coe', 'training', 65, 'The CoE trains judges with a gender perspective.'),
    ev('coe', 'training', 66, 'The CoE trains judges again.'),
    ev('saarc', 'redress', 136, 'SAARC should protect witnesses.', 'recommendation'),
  ]);
  await writeRows(db, tableSpec('passage_cues'), matchCues(
    (await query(db, 'SELECT * FROM evidence')) as never, (await query(db, 'SELECT * FROM cues')) as never));
  await writeRows(db, tableSpec('paragraphs'), [136, 137].map((p) => ({
    doc_id: D, para_no: p, chapter: 'IV', section: null, subsection: null, heading: null, cluster: 'f',
    part: 'recommendations', text: `Recommendation ${p} asks for compensation mechanisms to be established and made operational`, is_bold: true,
    footnote_refs: [], line_start: p, line_end: p,
  })));
  await writeRows(db, tableSpec('recommendation_themes'), [{ para_no: 136, theme_id: 'redress' }, { para_no: 137, theme_id: 'training' }]);
  await writeRows(db, tableSpec('data_requests'), [
    { doc_id: D, mechanism_id: 'coe', name_in_text: 'Council of Europe', region: 'Europe and Central Asia', responded: true, para_no: 3, quote: 'q' },
    { doc_id: D, mechanism_id: 'saarc', name_in_text: 'SAARC', region: 'Asia-Pacific', responded: false, para_no: 3, quote: 'q' },
  ]);
  await writeRows(db, tableSpec('data_collection_initiatives'), [
    { doc_id: D, initiative_id: 'p70-s1', kind: 'initiative', mechanism_id: 'coe', description: 'd', year: 2009, para_no: 70, cue: 'data' },
  ]);
  await writeRows(db, tableSpec('documents'), [{ doc_id: D, symbol: 'A/HRC/14/32', title: 't', date: '2010-05-04', body: 'b',
    language: 'en', source_file: 'f', sha256: 's', n_paragraphs: 2 }]);
  await createMacros(db);
  for (const m of SQL_MODELS.filter((x) => !/country|indicator|stg_cow|stg_tip|stg_policy/.test(x.name))) {
    const s = sqlStage(m.layer, m.name);
    await runModel(db, s.model);
    await checkTable(db, tableSpec(m.name));
  }
});
afterAll(() => db.close());

describe('coverage_mechanism_theme', () => {
  it('is the full cross product, zeros included', async () => {
    const rows = await query(db, 'SELECT mechanism_id, theme_id, n_paragraphs, paragraphs, covered FROM coverage_mechanism_theme ORDER BY 1, 2');
    expect(rows).toEqual([
      { mechanism_id: 'coe', theme_id: 'redress', n_paragraphs: 1, paragraphs: [88], covered: true },
      { mechanism_id: 'coe', theme_id: 'training', n_paragraphs: 2, paragraphs: [65, 66], covered: true },
      { mechanism_id: 'osce', theme_id: 'redress', n_paragraphs: 1, paragraphs: [88], covered: true },
      { mechanism_id: 'osce', theme_id: 'training', n_paragraphs: 0, paragraphs: [], covered: false },
      // recommendations are asks, not evidence of activity
      { mechanism_id: 'saarc', theme_id: 'redress', n_paragraphs: 0, paragraphs: [], covered: false },
      { mechanism_id: 'saarc', theme_id: 'training', n_paragraphs: 0, paragraphs: [], covered: false },
    ]);
  });
});

describe('coverage_region_theme', () => {
  it('counts mechanisms per region and theme with their share', async () => {
    const rows = await query(db, `SELECT region, theme_id, n_mechanisms, n_mechanisms_in_region, share, mechanisms, paragraphs
      FROM coverage_region_theme ORDER BY 1, 2`);
    expect(rows).toEqual([
      { region: 'Asia-Pacific', theme_id: 'redress', n_mechanisms: 0, n_mechanisms_in_region: 1, share: 0, mechanisms: [], paragraphs: [] },
      { region: 'Asia-Pacific', theme_id: 'training', n_mechanisms: 0, n_mechanisms_in_region: 1, share: 0, mechanisms: [], paragraphs: [] },
      { region: 'Europe and Central Asia', theme_id: 'redress', n_mechanisms: 2, n_mechanisms_in_region: 2, share: 1, mechanisms: ['coe', 'osce'], paragraphs: [88] },
      { region: 'Europe and Central Asia', theme_id: 'training', n_mechanisms: 1, n_mechanisms_in_region: 2, share: 0.5, mechanisms: ['coe'], paragraphs: [65, 66] },
    ]);
  });
});

describe('redress', () => {
  it('finds each element in the passage attributed to the mechanism only', async () => {
    const rows = await query(db, 'SELECT mechanism_id, compensation, free_legal_aid, free_legal_aid_paragraphs, n_elements, addresses_redress FROM redress ORDER BY 1');
    expect(rows).toEqual([
      { mechanism_id: 'coe', compensation: true, free_legal_aid: true, free_legal_aid_paragraphs: [88], n_elements: 2, addresses_redress: true },
      { mechanism_id: 'osce', compensation: true, free_legal_aid: false, free_legal_aid_paragraphs: [], n_elements: 1, addresses_redress: true },
      { mechanism_id: 'saarc', compensation: false, free_legal_aid: false, free_legal_aid_paragraphs: [], n_elements: 0, addresses_redress: false },
    ]);
  });
});

describe('gender_inclusion', () => {
  it('is false only for an instrument limited to women and children, unknown when the report is silent', async () => {
    const rows = await query(db, 'SELECT mechanism_id, personal_scope, men_and_boys, men_and_boys_paragraphs, gender_mainstreaming, gender_mainstreaming_paragraphs FROM gender_inclusion ORDER BY 1');
    expect(rows).toEqual([
      { mechanism_id: 'coe', personal_scope: 'all persons', men_and_boys: 'true', men_and_boys_paragraphs: [27], gender_mainstreaming: 'true', gender_mainstreaming_paragraphs: [65] },
      { mechanism_id: 'osce', personal_scope: 'unknown', men_and_boys: 'unknown', men_and_boys_paragraphs: [], gender_mainstreaming: 'unknown', gender_mainstreaming_paragraphs: [] },
      { mechanism_id: 'saarc', personal_scope: 'women and children only', men_and_boys: 'false', men_and_boys_paragraphs: [25], gender_mainstreaming: 'unknown', gender_mainstreaming_paragraphs: [] },
    ]);
  });
});

describe('recommendation_coverage', () => {
  it('lists the mechanisms already acting on each recommendation', async () => {
    const rows = await query(db, 'SELECT para_no, themes, n_mechanisms, mechanisms, evidence_paragraphs FROM recommendation_coverage ORDER BY 1');
    expect(rows).toEqual([
      { para_no: 136, themes: ['redress'], n_mechanisms: 2, mechanisms: ['coe', 'osce'], evidence_paragraphs: [88] },
      { para_no: 137, themes: ['training'], n_mechanisms: 1, mechanisms: ['coe'], evidence_paragraphs: [65, 66] },
    ]);
  });
});

describe('data_gaps', () => {
  it('computes each finding with its denominator and citations', async () => {
    const rows = await query<{ finding_id: string; value: number; denominator: number; citations: number[]; statement: string }>(db,
      'SELECT finding_id, value, denominator, citations, statement FROM data_gaps ORDER BY 1');
    const byId = Object.fromEntries(rows.map((r) => [r.finding_id, r]));
    // 2 described mechanisms (coe, osce); training addressed by 1 ≤ few_mechanisms_max
    expect(byId['few_mechanisms:training']).toMatchObject({ value: 1, denominator: 2, citations: [65, 66] });
    expect(byId['few_mechanisms:redress']).toMatchObject({ value: 2, denominator: 2, citations: [88] });
    expect(byId['no_response:request_for_information']).toMatchObject({ value: 1, denominator: 2, citations: [3] });
    expect(byId['no_response:request_for_information'].statement).toContain('SAARC');
    expect(byId['redress:mechanisms']).toMatchObject({ value: 2, denominator: 2, citations: [88] });
    expect(byId['group_left_out:men_and_boys']).toMatchObject({ value: 1, denominator: 2, citations: [25, 27] });
    expect(byId['missing_data_collection:mechanisms']).toMatchObject({ value: 1, citations: [70] });
    // Asia-Pacific covers 0 of 2 themes: thin; Europe covers 2 of 2: not
    expect(byId['thin_region:Asia-Pacific']).toMatchObject({ value: 0, denominator: 2 });
    expect(byId['thin_region:Europe and Central Asia']).toBeUndefined();
  });
});
