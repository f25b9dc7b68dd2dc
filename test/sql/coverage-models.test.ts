/**
 * The coverage models on small literal inputs: given rows → expected rows
 * (dbt-style unit tests), run against an in-memory DuckDB.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDb, writeRows, query, setVariables, type Db } from '../../pipelines/core/db.ts';
import { checkTable } from '../../pipelines/core/checks.ts';
import { runModel, createMacros } from '../../pipelines/core/sql-models.ts';
import { tableSpec } from '../../pipelines/catalog/index.ts';
import { sqlStage } from '../../pipelines/transform/sql-stage.ts';
import { SQL_MODELS } from '../../pipelines/transform/sql-stages.ts';
import { PARAMS } from '../../pipelines/core/params.ts';
import { matchCues } from '../../pipelines/resolve/match-cues.ts';
import { claimSpans } from './claim-spans-fixture.ts';

const D = 'doc';
const mech = (id: string, region: string, response_status = 'responded') => ({
  mechanism_id: id, name: id.toUpperCase(), acronym: id.toUpperCase(), kind: 'regional organisation', region,
  bodies: [], paragraphs: [], n_members: 0, members_source: null, response_status,
});
/** A claim as the claims model gives it (offsets filled in by asSpans). */
const claim = (m: string, p: number, sentence: string, themes: string[], role = 'actor', n = 1) => ({
  doc_id: D, para_no: p, part: 'achievement', sentence_no: n, mechanism_id: m, role, via: 'mention', surface: '',
  char_start: 0, char_end: 0, sentence, themes, theme_sources: themes.map(() => 'heading'),
});
const CLAIMS = [
  claim('coe', 88, 'The CoE Convention grants free legal aid and compensation.', ['redress']),
  claim('osce', 88, 'OSCE published a study on Compensation for Trafficked Persons.', ['redress'], 'actor', 6),
  claim('coe', 65, 'The CoE trains judges with a gender perspective.', ['training']),
  claim('coe', 66, 'The CoE trains judges again.', ['training']),
  // a yardstick and a lack never count
  claim('saarc', 37, 'Its scope is not as broad as the SAARC scheme on compensation.', ['redress'], 'comparison'),
  claim('saarc', 105, 'SAARC lacked the necessary funds to train anyone.', ['training'], 'lacking'),
];

/**
 * The paragraphs these claims come from (a paragraph's text is its claims' sentences in order) and
 * what extract-claims would write for them; the surface is the mechanism's id in its sentence.
 */
function asSpans(claims: ReturnType<typeof claim>[]) {
  const byPara = new Map<number, Map<number, string>>();
  for (const c of claims) byPara.set(c.para_no, (byPara.get(c.para_no) ?? new Map()).set(c.sentence_no, c.sentence));
  const texts = new Map([...byPara].map(([para_no, sentences]) => [para_no, [...sentences].sort((a, b) => a[0] - b[0]).map(([, t]) => t).join(' ')]));
  const paragraphs = [...texts].map(([para_no, text]) => ({ doc_id: D, para_no, chapter: null, section: null, subsection: null, heading: null,
    cluster: null, part: 'achievements', text, is_bold: false, footnote_refs: [], line_start: para_no, line_end: para_no, page_start: null, page_end: null }));
  return { paragraphs, ...claimSpans(claims as never, (c) => texts.get(c.para_no)!, (c) => c.mechanism_id) };
}

let db: Db;
beforeAll(async () => {
  db = await openDb();
  await setVariables(db, PARAMS);
  await writeRows(db, tableSpec('mechanisms'), [mech('coe', 'Europe and Central Asia'), mech('osce', 'Europe and Central Asia', 'not asked'), mech('saarc', 'Asia-Pacific', 'did not respond')]);
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
    { measure: 'legal_aid', family: 'redress', pattern: 'legal aid' },
    { measure: 'gender_mainstreaming', family: 'gender', pattern: 'gender' },
  ]);
  const spans = asSpans(CLAIMS);
  await writeRows(db, tableSpec('paragraphs'), spans.paragraphs);
  await writeRows(db, tableSpec('claim_spans'), spans.claim_spans);
  await writeRows(db, tableSpec('claim_theme_sets'), spans.claim_theme_sets);
  await writeRows(db, tableSpec('passage_cues'), matchCues(CLAIMS, (await query(db, 'SELECT * FROM cues')) as never));
  await writeRows(db, tableSpec('recommendation_asks'), [
    { recommendation_id: '137', ask_id: '137.1', cluster: '(f)', cluster_text: 'On redress', sort_order: 1, recommendation_text: 'r137', ask_text: 'compensation', addressee: 'regional mechanisms' },
    { recommendation_id: 'g', ask_id: 'g.1', cluster: '(g)', cluster_text: null, sort_order: 2, recommendation_text: 'rg', ask_text: 'fund regional mechanisms', addressee: 'the international community' },
  ]);
  await writeRows(db, tableSpec('ask_claims'), [
    { doc_id: D, ask_id: '137.1', mechanism_id: 'coe', para_no: 88, sentence_no: 1, cue: 'compensat' },
    { doc_id: D, ask_id: '137.1', mechanism_id: 'osce', para_no: 88, sentence_no: 6, cue: 'compensat' },
  ]);
  await writeRows(db, tableSpec('data_requests'), [
    { doc_id: D, mechanism_id: 'coe', name_in_text: 'Council of Europe', region: 'Europe and Central Asia', responded: true, para_no: 3, quote: 'q' },
    { doc_id: D, mechanism_id: 'saarc', name_in_text: 'SAARC', region: 'Asia-Pacific', responded: false, para_no: 3, quote: 'q' },
  ]);
  await writeRows(db, tableSpec('data_collection_initiatives'), [
    { doc_id: D, initiative_id: 'p69-s1', kind: 'gap', mechanism_id: null, description: 'd', year: null, para_no: 69, cue: 'underreported' },
  ]);
  await writeRows(db, tableSpec('documents'), [{ doc_id: D, symbol: 'A/HRC/14/32', title: 't', date: '2010-05-04', body: 'b',
    language: 'en', source_file: 'f', sha256: 's', n_paragraphs: 2 }]);
  await createMacros(db);
  // claims and evidence are made from the spans above as in a build (test/sql/claims-model.test.ts checks them word for word on the seed)
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
      // a yardstick (37) and a lack (105) are not work done
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
  it('finds each element in actor claims only', async () => {
    const rows = await query(db, 'SELECT mechanism_id, compensation, legal_aid, legal_aid_paragraphs, n_elements, addresses_redress FROM redress ORDER BY 1');
    expect(rows).toEqual([
      { mechanism_id: 'coe', compensation: true, legal_aid: true, legal_aid_paragraphs: [88], n_elements: 2, addresses_redress: true },
      { mechanism_id: 'osce', compensation: true, legal_aid: false, legal_aid_paragraphs: [], n_elements: 1, addresses_redress: true },
      { mechanism_id: 'saarc', compensation: false, legal_aid: false, legal_aid_paragraphs: [], n_elements: 0, addresses_redress: false },
    ]);
  });
});

describe('gender_inclusion', () => {
  it('keeps the instrument\'s personal scope apart from what the report describes', async () => {
    const rows = await query(db, 'SELECT mechanism_id, response_status, personal_scope, men_and_boys_explicit, men_and_boys_paragraphs, gender_mainstreaming, gender_mainstreaming_paragraphs FROM gender_inclusion ORDER BY 1');
    expect(rows).toEqual([
      { mechanism_id: 'coe', response_status: 'responded', personal_scope: 'all persons', men_and_boys_explicit: 'not stated', men_and_boys_paragraphs: [], gender_mainstreaming: 'true', gender_mainstreaming_paragraphs: [65] },
      { mechanism_id: 'osce', response_status: 'not asked', personal_scope: 'unknown', men_and_boys_explicit: 'not stated', men_and_boys_paragraphs: [], gender_mainstreaming: 'unknown', gender_mainstreaming_paragraphs: [] },
      { mechanism_id: 'saarc', response_status: 'did not respond', personal_scope: 'women and children only', men_and_boys_explicit: 'not stated', men_and_boys_paragraphs: [], gender_mainstreaming: 'unknown', gender_mainstreaming_paragraphs: [] },
    ]);
  });
});

describe('recommendation_coverage', () => {
  it('lists, per ask, the mechanisms described doing it, and zero where none is', async () => {
    const rows = await query(db, 'SELECT recommendation_id, ask_id, n_mechanisms, mechanisms, evidence_paragraphs FROM recommendation_coverage ORDER BY sort_order');
    expect(rows).toEqual([
      { recommendation_id: '137', ask_id: '137.1', n_mechanisms: 2, mechanisms: ['coe', 'osce'], evidence_paragraphs: [88] },
      { recommendation_id: 'g', ask_id: 'g.1', n_mechanisms: 0, mechanisms: [], evidence_paragraphs: [] },
    ]);
  });

  it('quotes in ask_claims_named the sentence ask_claims names by number', async () => {
    expect(await query(db, 'SELECT mechanism_id, sentence FROM ask_claims_named ORDER BY mechanism_id')).toEqual([
      { mechanism_id: 'coe', sentence: 'The CoE Convention grants free legal aid and compensation.' },
      { mechanism_id: 'osce', sentence: 'OSCE published a study on Compensation for Trafficked Persons.' },
    ]);
  });
});

describe('data_gaps', () => {
  it('computes each finding with its denominator, in numbers and words, and citations', async () => {
    const rows = await query<{ finding_id: string; value: number; denominator: number; denominator_words: string; citations: number[]; statement: string }>(db,
      'SELECT finding_id, value, denominator, denominator_words, citations, statement FROM data_gaps ORDER BY 1');
    const byId = Object.fromEntries(rows.map((r) => [r.finding_id, r]));
    // 3 mechanisms in the registry, 2 described at work (coe, osce); training addressed by 1
    expect(byId['few_mechanisms:training']).toMatchObject({ value: 1, denominator: 3, citations: [65, 66] });
    expect(byId['few_mechanisms:training'].statement).toBe(
      'Only 1 of the 3 mechanisms in the registry (the report describes 2 of them at work) is described working on training: COE (A/HRC/14/32, paras. 65, 66).');
    // redress has its own finding (one number for one quantity), so it is not repeated among the few-mechanism themes
    expect(byId['few_mechanisms:redress']).toBeUndefined();
    expect(byId['no_response:request_for_information']).toMatchObject({ value: 1, denominator: 2, citations: [3] });
    expect(byId['no_response:request_for_information'].statement).toContain('SAARC');
    expect(byId['redress:mechanisms']).toMatchObject({ value: 2, denominator: 3, citations: [88] });
    expect(byId['group_left_out:men_and_boys']).toMatchObject({ value: 0, denominator: 3, citations: [] });
    expect(byId['personal_scope:women_and_children_only']).toMatchObject({ value: 1, denominator: 2, citations: [25, 27] });
    expect(byId['missing_data_collection:mechanisms']).toMatchObject({ value: 0, citations: [69] });
    expect(byId['lacking:saarc:105'].statement).toBe('The report says SAARC lacks what it needs for training: “SAARC lacked the necessary funds to train anyone.” (A/HRC/14/32, para. 105).');
    // Asia-Pacific covers 0 of 2 themes: thin, and its one mechanism did not respond; Europe covers 2 of 2: not
    expect(byId['thin_region:Asia-Pacific']).toMatchObject({ value: 0, denominator: 2 });
    expect(byId['thin_region:Asia-Pacific'].statement).toContain('of the region\'s 1 mechanism, 1 did not respond');
    expect(byId['thin_region:Europe and Central Asia']).toBeUndefined();
  });
});
