/**
 * A small built output folder for the notebook tests, until the real build
 * runs end to end: `atlas.duckdb` with the input tables written from literal
 * rows (catalog declarations, writeRows) and every final table computed by the
 * project's own SQL models (pipelines/transform/sql-stages.ts), plus two charts made by
 * the project's chart builders: one with the SVG/PNG the renderer writes, one
 * as a bare .vl.json (so the notebooks render it themselves).
 *
 * Every text says it is fixture text: nothing here is a quote from the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, writeRows, query, setVariables, type Row } from '../../pipelines/core/db.ts';
import { checkTable } from '../../pipelines/core/checks.ts';
import { runModel, createMacros } from '../../pipelines/core/sql-models.ts';
import { tableSpec } from '../../pipelines/catalog/index.ts';
import { sqlStage } from '../../pipelines/transform/sql-stage.ts';
import { SQL_MODELS } from '../../pipelines/transform/sql-stages.ts';
import { matchCues } from '../../pipelines/resolve/match-cues.ts';
import { claimSpans } from '../sql/claim-spans-fixture.ts';
import { PARAMS } from '../../pipelines/core/params.ts';
import { DB_FILE } from '../../pipelines/core/runner.ts';
import { renderChart } from '../../pipelines/report/render.ts';
import { regionThemeHeatmap, NAME as HEATMAP, type RegionThemeRow } from '../../pipelines/report/charts/region-theme-heatmap.ts';
import { mechanismThemeMatrix, NAME as MATRIX, type MechanismThemeRow } from '../../pipelines/report/charts/mechanism-theme-matrix.ts';

const D = 'a-hrc-14-32';

const THEMES = [
  ['human_rights_approach', 'Human rights-based approach and normative framework', 'protection'],
  ['training', 'Training', 'prevention'],
  ['data_collection', 'Collection of data', 'partnership'],
  ['protection', 'Protection', 'protection'],
  ['redress', 'Redress', 'protection'],
  ['gender_men', 'Men and boys', 'protection'],
] as const;

/** [id, acronym, name, region, response to the request of para. 3] */
const MECHANISMS = [
  ['au', 'AU', 'African Union', 'Africa', 'did not respond'],
  ['ecowas', 'ECOWAS', 'Economic Community of West African States', 'Africa', 'did not respond'],
  ['oas', 'OAS', 'Organization of American States', 'Latin America and the Caribbean', 'responded'],
  ['asean', 'ASEAN', 'Association of Southeast Asian Nations', 'Asia-Pacific', 'responded'],
  ['commit', 'COMMIT', 'Coordinated Mekong Ministerial Initiative against Trafficking', 'Asia-Pacific', 'responded'],
  ['saarc', 'SAARC', 'South Asian Association for Regional Cooperation', 'Asia-Pacific', 'did not respond'],
  ['coe', 'CoE', 'Council of Europe', 'Europe and Central Asia', 'responded'],
  ['osce', 'OSCE', 'Organization for Security and Co-operation in Europe', 'Europe and Central Asia', 'responded'],
  ['las', 'LAS', 'League of Arab States', 'Middle East and North Africa', 'not asked'],
] as const;

/** [mechanism, theme, paragraph, role, sentence]: the fixture's claims, one sentence each. */
const CLAIMS: [string, string, number, string, string][] = [
  ['au', 'human_rights_approach', 35, 'actor', 'Fixture: the AU adopted a plan of action.'],
  ['ecowas', 'human_rights_approach', 35, 'actor', 'Fixture: ECOWAS adopted a declaration.'],
  ['ecowas', 'training', 65, 'actor', 'Fixture: ECOWAS trained officials on child victims.'],
  ['oas', 'human_rights_approach', 36, 'actor', 'Fixture: the OAS adopted conclusions.'],
  ['oas', 'protection', 74, 'actor', 'Fixture: the OAS shelters women and men.'],
  ['asean', 'human_rights_approach', 37, 'actor', 'Fixture: ASEAN adopted a declaration.'],
  ['commit', 'human_rights_approach', 37, 'actor', 'Fixture: COMMIT signed an MOU.'],
  ['commit', 'training', 66, 'actor', 'Fixture: COMMIT trains police with a gender perspective.'],
  ['commit', 'data_collection', 70, 'actor', 'Fixture: COMMIT collects data.'],
  ['commit', 'protection', 75, 'actor', 'Fixture: COMMIT protects child victims.'],
  ['saarc', 'human_rights_approach', 38, 'actor', 'Fixture: the SAARC Convention covers women and children.'],
  ['coe', 'human_rights_approach', 38, 'comparison', 'Fixture: its scope is not as broad as that of the CoE Convention.'],
  ['coe', 'human_rights_approach', 39, 'actor', 'Fixture: the CoE Convention covers all persons.'],
  ['coe', 'training', 65, 'actor', 'Fixture: the CoE trains judges.'],
  ['coe', 'protection', 76, 'actor', 'Fixture: the CoE protects witnesses.'],
  ['coe', 'redress', 88, 'actor', 'Fixture: the CoE Convention grants free legal aid and compensation.'],
  ['coe', 'gender_men', 91, 'actor', 'Fixture: the CoE applies gender mainstreaming and covers men and boys.'],
  ['osce', 'human_rights_approach', 40, 'actor', 'Fixture: the OSCE adopted an action plan.'],
  ['osce', 'redress', 89, 'actor', 'Fixture: the OSCE studied compensation for trafficked persons.'],
  ['osce', 'gender_men', 92, 'lacking', 'Fixture: the OSCE has no measures for men and boys.'],
];

const CUES: [string, string, string][] = [
  ['men_and_boys', 'gender', '\\bmen and boys\\b'],
  ['gender_mainstreaming', 'gender', 'gender'],
  ['child_specific', 'gender', '\\bchild'],
  ['legal_remedies', 'redress', 'legal remed'],
  ['information', 'redress', 'information on'],
  ['legal_aid', 'redress', 'legal aid'],
  ['compensation', 'redress', 'compensat'],
  ['asset_confiscation', 'redress', 'confiscat'],
];

/** [recommendation, cluster, asks as [ask text, mechanisms described doing it (mechanism, paragraph)]] */
const RECOMMENDATIONS: [number, string, [string, [string, number][]][]][] = [
  [106, 'a', [['Fixture ask: a binding instrument', [['coe', 39]]], ['Fixture ask: a plan of action', [['au', 35], ['osce', 40]]]]],
  [107, 'b', [['Fixture ask: training of officials', [['coe', 65], ['ecowas', 65]]]]],
  [120, 'c', [['Fixture ask: data on victims', [['commit', 70]]]]],
  [130, 'f', [['Fixture ask: a compensation fund', []]]],
];

function partOf(p: number): string {
  if (p <= 5) return 'introduction';
  if (p <= 33) return 'description';
  if (p <= 95) return 'achievements';
  if (p <= 105) return 'challenges';
  return 'recommendations';
}

/** The part a claim has: the claims model reads description, achievement and challenge paragraphs only. */
function claimPart(p: number): string {
  return p <= 33 ? 'description' : p <= 95 ? 'achievement' : 'challenge';
}

function paragraphRow(p: number): Row {
  const ev = CLAIMS.filter((e) => e[2] === p).map((e) => e[4]);
  const theme = CLAIMS.find((e) => e[2] === p)?.[1];
  const text = p === 3
    ? 'Fixture paragraph 3: the Special Rapporteur asked the Council of Europe, the OAS and SAARC for information; SAARC had not yet responded.'
    : p === 34
    ? 'Fixture paragraph 34: the examples were selected from the information received and do not cover every mechanism.'
    : `Fixture paragraph ${p}${theme ? ` (${theme.replaceAll('_', ' ')})` : ''}: ${ev.join(' ') || 'text of the fixture report.'}`;
  return {
    doc_id: D, para_no: p, chapter: p <= 5 ? 'I' : p <= 105 ? 'III' : 'IV',
    section: p > 33 && p <= 105 ? 'C' : null, subsection: p > 33 && p <= 95 ? 1 : p > 95 && p <= 105 ? 2 : null,
    heading: theme ? THEMES.find((t) => t[0] === theme)![1] : null,
    cluster: RECOMMENDATIONS.find((r) => r[0] === p)?.[1] ?? null,
    part: partOf(p), text, is_bold: p >= 106, footnote_refs: [], line_start: p * 2, line_end: p * 2 + 1, page_start: null, page_end: null,
  };
}

/** Write the fixture output folder; returns its path. */
export async function writeFixtureOutput(outDir: string): Promise<string> {
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  const db = await openDb(join(outDir, DB_FILE));
  try {
    await setVariables(db, PARAMS);
    const paras = [...new Set([3, 34, 70, ...CLAIMS.map((e) => e[2]), ...RECOMMENDATIONS.map((r) => r[0])])].sort((a, b) => a - b);
    // the claims as extract-claims writes them (offsets into the paragraph text, theme lists by number);
    // the SQL models claims and evidence put the words back, as in a build
    const texts = new Map(paras.map((p) => [p, String(paragraphRow(p).text)]));
    const claims = CLAIMS.map(([mechanism_id, theme_id, para_no, role, sentence]) => ({
      doc_id: D, para_no, part: claimPart(para_no), sentence_no: 1, mechanism_id, role, via: 'mention', surface: '', char_start: 0, char_end: 0,
      sentence, themes: [theme_id], theme_sources: ['heading'],
    }));
    const spans = claimSpans(claims as never, (c) => texts.get(c.para_no)!, (c) => MECHANISMS.find((m) => m[0] === c.mechanism_id)![1]);
    const asks = RECOMMENDATIONS.flatMap(([para, cluster, list], r) => list.map(([text], k) => ({
      recommendation_id: String(para), ask_id: `${para}.${k + 1}`, cluster: `(${cluster})`, cluster_text: `Fixture cluster (${cluster})`,
      sort_order: r + 1, recommendation_text: `Fixture recommendation ${para}: ${list.map((a) => a[0]).join('; ')}.`, ask_text: text,
      addressee: 'regional mechanisms',
    })));
    const inputs: Record<string, Row[]> = {
      documents: [{
        doc_id: D, symbol: 'A/HRC/14/32', title: 'Fixture: report of the Special Rapporteur on trafficking in persons, especially women and children',
        date: '2010-05-04', body: 'Human Rights Council, fourteenth session', language: 'en', source_file: 'fixture.md',
        sha256: '0'.repeat(64), n_paragraphs: paras.length, pages: null, profile: 'rapporteur-thematic',
      }],
      paragraphs: paras.map(paragraphRow),
      themes: THEMES.map(([theme_id, label, pillar], i) => ({ theme_id, label, pillar, headings: [label], sort_order: i + 1 })),
      mechanisms: MECHANISMS.map(([mechanism_id, acronym, name, region, response_status]) => ({
        mechanism_id, name, acronym, kind: 'regional organisation', region, bodies: [],
        paragraphs: CLAIMS.filter((e) => e[0] === mechanism_id).map((e) => e[2]), n_members: 0, members_source: null, response_status,
      })),
      instruments: [
        { instrument_id: 'coe-convention', mechanism_id: 'coe', name: 'Fixture CoE Convention', kind: 'convention', year: 2005, legally_binding: true, personal_scope: 'all persons', is_main: true, paragraphs: [39] },
        { instrument_id: 'saarc-convention', mechanism_id: 'saarc', name: 'Fixture SAARC Convention', kind: 'convention', year: 2002, legally_binding: true, personal_scope: 'women and children only', is_main: true, paragraphs: [38] },
        { instrument_id: 'ecowas-declaration', mechanism_id: 'ecowas', name: 'Fixture ECOWAS Declaration', kind: 'declaration', year: 2001, legally_binding: false, personal_scope: 'all persons, especially women and children', is_main: true, paragraphs: [35] },
      ],
      cues: CUES.map(([measure, family, pattern]) => ({ measure, family, pattern })),
      ...spans,
      // claims and evidence are the SQL models claims.sql and evidence.sql over these spans (run below with the other models)
      recommendation_asks: asks,
      ask_claims: RECOMMENDATIONS.flatMap(([para, , list]) => list.flatMap(([, doers], k) => doers.map(([mechanism_id, para_no]) => ({
        doc_id: D, ask_id: `${para}.${k + 1}`, mechanism_id, para_no,
        sentence_no: 1, cue: 'fixture', // the fixture's claims are all sentence 1
      })))),
      data_requests: [
        { doc_id: D, mechanism_id: 'coe', name_in_text: 'Council of Europe', region: 'Europe and Central Asia', responded: true, para_no: 3, quote: 'Fixture: the Council of Europe' },
        { doc_id: D, mechanism_id: 'oas', name_in_text: 'OAS', region: 'Latin America and the Caribbean', responded: true, para_no: 3, quote: 'Fixture: the OAS' },
        { doc_id: D, mechanism_id: 'saarc', name_in_text: 'SAARC', region: 'Asia-Pacific', responded: false, para_no: 3, quote: 'Fixture: SAARC' },
      ],
      data_collection_initiatives: [
        { doc_id: D, initiative_id: 'p70-s1', kind: 'initiative', mechanism_id: 'commit', description: 'Fixture: COMMIT collects data.', year: 2009, para_no: 70, cue: 'collects data' },
        // data_gaps.sql needs a gap statement: without one its missing_data_collection statement is null
        { doc_id: D, initiative_id: 'p34-s1', kind: 'gap', mechanism_id: null, description: 'Fixture: trafficking remains under-reported.', year: null, para_no: 34, cue: 'under-reported' },
      ],
    };
    // the match-cues stage, as the pipeline runs it
    (inputs as Record<string, unknown[]>).passage_cues = matchCues(claims as never, inputs.cues as never);
    for (const [name, rows] of Object.entries(inputs)) {
      await writeRows(db, tableSpec(name), rows as never);
      await checkTable(db, tableSpec(name));
    }
    // The project's SQL models, in pipeline order; models whose inputs the fixture
    // does not have (the country lens: indicator files, members) are left out.
    const present = new Set(Object.keys(inputs));
    await createMacros(db);
    for (const m of SQL_MODELS) {
      const stage = sqlStage(m.layer, m.name);
      if (!stage.inputs.every((t) => present.has(t))) continue;
      await runModel(db, stage.model);
      await checkTable(db, tableSpec(m.name));
      present.add(m.name);
    }

    const labels: Record<string, string> = Object.fromEntries(MECHANISMS.map(([id, acronym]) => [id, acronym]));
    const themeOrder = THEMES.map((t) => t[0]);
    const heat = regionThemeHeatmap(await query<RegionThemeRow>(db, 'SELECT * FROM coverage_region_theme ORDER BY region, theme_id'), { themeOrder, mechanismLabels: labels });
    const r = await renderChart(HEATMAP, heat);
    writeFileSync(join(outDir, 'charts', `${HEATMAP}.vl.json`), r.json);
    writeFileSync(join(outDir, 'charts', `${HEATMAP}.svg`), r.svg);
    writeFileSync(join(outDir, 'charts', `${HEATMAP}.png`), r.png);
    const matrix = mechanismThemeMatrix(await query<MechanismThemeRow>(db, 'SELECT * FROM coverage_mechanism_theme ORDER BY mechanism_id, theme_id'), { themeOrder });
    writeFileSync(join(outDir, 'charts', `${MATRIX}.vl.json`), `${JSON.stringify(matrix, null, 2)}\n`);
  } finally {
    db.close();
  }
  return outDir;
}
