/**
 * The pipeline, in order (Kedro-style nodes: a pure function, named inputs,
 * named outputs): ingest the report, load the registry and the indicator data,
 * resolve what the text says about whom, compute the tables in SQL, draw the
 * charts and write the briefing. `code` and `sources` feed the build cache.
 */
import { join } from 'node:path';
import { stage, type Stage, type Tables } from './stages/stage.ts';
import { ingestReport } from './stages/ingest-report.ts';
import { loadIndicatorsStage } from './stages/load-indicators.ts';
import { sqlStage } from './stages/sql-stage.ts';
import { SQL_MODELS } from './pipeline-sql.ts';
import { loadRegistry } from './registry/load-registry.ts';
import { resolveMentions } from './stages/resolve-mentions.ts';
import { attributeEvidence, withKeywords } from './stages/attribute-evidence.ts';
import { collectDataRequests } from './stages/collect-data-requests.ts';
import { collectDataInitiatives, loadDataCollectionCues } from './stages/collect-data-initiatives.ts';
import { checkRegistryCitations, REGISTRY_SOURCE_SYMBOL } from './stages/check-citations.ts';
import { matchCues } from './stages/match-cues.ts';
import type { Row } from './lib/db.ts';
import { existsSync } from 'node:fs';

const REGISTRY_TABLES = ['mechanisms', 'mechanism_references', 'instruments', 'mechanism_members', 'countries',
  'themes', 'recommendation_themes', 'cues', 'theme_keywords', 'non_mechanisms'] as const;

const loadRegistryStage = stage('load-registry', [], REGISTRY_TABLES, (_in, ctx) => {
  const r = loadRegistry(join(ctx.dataDir, 'registry'));
  const { extra, ...tables } = r;
  return { ...tables, theme_keywords: extra.theme_keywords, non_mechanisms: extra.non_mechanisms } as unknown as Tables;
}, {
  code: ['pipelines/registry'],
  sources: (d) => [join(d.dataDir, 'registry'), join(d.dataDir, 'raw', 'country-codes.csv')],
});

const checkCitationsStage = stage('check-citations',
  ['paragraphs', 'documents', 'mechanisms', 'instruments', 'mechanism_members'], [],
  (t, ctx) => {
    const folder = join(ctx.dataDir, 'registry', 'mechanisms');
    const checked = checkRegistryCitations(t as never, (id) => (existsSync(folder) ? join(folder, `${id}.yaml`) : join(ctx.dataDir, 'registry', 'mechanisms.yaml')));
    if (!checked) ctx.log.info(`check-citations: the registry cites ${REGISTRY_SOURCE_SYMBOL}, which is not in this corpus; its paragraph citations were not checked`);
    return {};
  }, { code: ['pipelines/stages/check-citations.ts'] });

const resolveMentionsStage = stage('resolve-mentions',
  ['paragraphs', 'footnotes', 'mechanism_references', 'non_mechanisms'], ['mentions', 'unresolved_acronyms'],
  (t) => {
    const r = resolveMentions(t.paragraphs as never, t.footnotes as never, t.mechanism_references as never,
      t.non_mechanisms.map((n) => String(n.surface)));
    return { mentions: r.mentions, unresolved_acronyms: r.unresolved } as unknown as Tables;
  }, { code: ['pipelines/stages/resolve-mentions.ts', 'pipelines/text'] });

const attributeEvidenceStage = stage('attribute-evidence',
  ['paragraphs', 'mentions', 'themes', 'theme_keywords', 'recommendation_themes', 'documents'], ['evidence'],
  (t) => ({
    evidence: attributeEvidence(t.paragraphs as never, t.mentions as never,
      withKeywords(t.themes as never, t.theme_keywords as never), t.recommendation_themes as never,
      new Set(t.documents.filter((d) => d.symbol === REGISTRY_SOURCE_SYMBOL).map((d) => String(d.doc_id)))) as unknown as Row[],
  }), { code: ['pipelines/stages/attribute-evidence.ts', 'pipelines/text'] });

const collectDataRequestsStage = stage('collect-data-requests',
  ['paragraphs', 'mentions', 'mechanisms', 'documents'], ['data_requests'],
  (t) => {
    const profileDocs = new Set(t.documents.filter((d) => d.profile === 'rapporteur-thematic').map((d) => String(d.doc_id)));
    return { data_requests: collectDataRequests(t.paragraphs as never, t.mentions as never, t.mechanisms as never, undefined, profileDocs) as unknown as Row[] };
  },
  { code: ['pipelines/stages/collect-data-requests.ts', 'pipelines/text'] });

const collectDataInitiativesStage = stage('collect-data-initiatives',
  ['paragraphs', 'mentions'], ['data_collection_initiatives'],
  (t, ctx) => ({
    data_collection_initiatives: collectDataInitiatives(t.paragraphs as never, t.mentions as never,
      loadDataCollectionCues(join(ctx.dataDir, 'registry', 'data_collection.yaml'))) as unknown as Row[],
  }), {
    code: ['pipelines/stages/collect-data-initiatives.ts', 'pipelines/stages/attribute-evidence.ts', 'pipelines/text'],
    sources: (d) => [join(d.dataDir, 'registry', 'data_collection.yaml')],
  });

const matchCuesStage = stage('match-cues', ['evidence', 'cues'], ['passage_cues'],
  (t) => ({ passage_cues: matchCues(t.evidence as never, t.cues as never) }),
  { code: ['pipelines/stages/match-cues.ts'] });

const CHART_INPUTS = ['coverage_region_theme', 'coverage_mechanism_theme', 'gender_inclusion', 'redress',
  'recommendation_coverage', 'data_requests', 'mechanism_members', 'countries', 'mechanisms', 'themes',
  'country_mechanisms', 'country_coverage'] as const;

// Rendering loads vega, vega-lite and resvg, so its modules are imported only when the stage runs.
const renderChartsStage = stage('render-charts', [...CHART_INPUTS, 'data_gaps', 'documents'], ['files:charts', 'files:briefing'],
  async (t, ctx) => {
    const { renderCharts } = await import('./stages/render-charts.ts');
    const { writeBriefing } = await import('./stages/write-briefing.ts');
    const symbols = [...new Set(t.documents.map((d) => String(d.symbol)))].sort();
    // every tooltip carries the citation, so a corpus is named by its first symbol and a count
    const docSymbol = symbols.length <= 3 ? symbols.join('; ') : `${symbols[0]} and ${symbols.length - 1} other documents`;
    const charts = await renderCharts(t as never, { write: ctx.write, docSymbol, fewMechanismsMax: ctx.params.few_mechanisms_max });
    await writeBriefing(t.data_gaps as never, { write: ctx.write, docSymbol, charts: charts.charts });
    return {};
  }, { code: ['pipelines/stages/render-charts.ts', 'pipelines/stages/write-briefing.ts', 'pipelines/charts'] });

export const PIPELINE: readonly Stage[] = [
  ingestReport,
  loadRegistryStage,
  loadIndicatorsStage,
  checkCitationsStage,
  resolveMentionsStage,
  attributeEvidenceStage,
  collectDataRequestsStage,
  collectDataInitiativesStage,
  matchCuesStage,
  ...SQL_MODELS.map((m) => sqlStage(m.layer, m.name)),
  renderChartsStage,
];
