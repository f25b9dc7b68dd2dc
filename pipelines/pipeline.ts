/**
 * The pipeline, in order (Kedro-style nodes: a pure function, named inputs,
 * named outputs): ingest the report, load the registry and the indicator data,
 * resolve what the text says about whom, compute the tables in SQL, draw the
 * charts and write the briefing. `code` and `sources` feed the build cache.
 */
import { join } from 'node:path';
import { stage, type Stage, type Tables } from './core/stage.ts';
import { ingestReport } from './ingest/ingest-report.ts';
import { loadIndicatorsStage } from './ingest/load-indicators.ts';
import { sqlStage } from './transform/sql-stage.ts';
import { SQL_MODELS } from './transform/sql-stages.ts';
import { loadRegistry } from './registry/load-registry.ts';
import { resolveMentions } from './resolve/resolve-mentions.ts';
import { claimsOf } from './resolve/extract-claims.ts';
import { loadClaimModel } from './registry/load-claim-rules.ts';
import { checkResponseStatus } from './resolve/check-response-status.ts';
import { collectDataRequests } from './resolve/collect-data-requests.ts';
import { collectDataInitiatives } from './resolve/collect-data-initiatives.ts';
import { loadDataCollectionCues } from './registry/load-data-collection-cues.ts';
import { checkReferenceCitations, checkRegistryCitations, REGISTRY_SOURCE_SYMBOL } from './registry/check-citations.ts';
import { matchCues } from './resolve/match-cues.ts';
import { matchAsks } from './resolve/match-asks.ts';
import { loadAsks } from './registry/load-asks.ts';
import type { Row } from './core/db.ts';
import { existsSync } from 'node:fs';
import { withWorkbook } from './report/write-workbook.ts';
import { corpusName, symbolsById } from './text/corpus-name.ts';
import { findDocumentCitations, type CitationSources } from './resolve/find-document-citations.ts';

const REGISTRY_TABLES = ['mechanisms', 'mechanism_references', 'reference_citations', 'instruments', 'mechanism_members', 'countries',
  'themes', 'cues', 'non_mechanisms'] as const;

const loadRegistryStage = stage('load-registry', [], REGISTRY_TABLES, (_in, ctx) => {
  const r = loadRegistry(join(ctx.dataDir, 'registry'));
  const { extra, ...tables } = r;
  return { ...tables, non_mechanisms: extra.non_mechanisms } as unknown as Tables;
}, {
  code: ['pipelines/registry'],
  sources: (d) => [join(d.dataDir, 'registry'), join(d.dataDir, 'raw', 'country-codes.csv')],
});

const checkCitationsStage = stage('check-citations',
  ['paragraphs', 'footnotes', 'documents', 'mechanisms', 'instruments', 'mechanism_members', 'reference_citations'], [],
  (t, ctx) => {
    const folder = join(ctx.dataDir, 'registry', 'mechanisms');
    const fileOf = (id: string) => (existsSync(folder) ? join(folder, `${id}.yaml`) : join(ctx.dataDir, 'registry', 'mechanisms.yaml'));
    const checked = checkRegistryCitations(t as never, fileOf);
    if (!checked) ctx.log.info(`check-citations: the registry cites ${REGISTRY_SOURCE_SYMBOL}, which is not in this corpus; its paragraph citations were not checked`);
    const refs = checkReferenceCitations(t as never, fileOf);
    if (refs.checked > 0 && refs.absent.length) {
      ctx.log.info(`check-citations: ${refs.checked} reference citations checked; not in this corpus, so not checked: ${refs.absent.join(', ')}`);
    }
    return {};
  }, { code: ['pipelines/registry/check-citations.ts', 'pipelines/text/matcher.ts'] });

// Documents citing documents: symbols in paragraphs, footnotes and blocks (resolutions of session reports).
const findDocumentCitationsStage = stage('find-document-citations',
  ['documents', 'paragraphs', 'footnotes', 'blocks', 'headings'], ['document_citations'],
  (t) => {
    const headingNumber = new Map(t.headings.map((h) => [`${h.doc_id}\u0000${h.heading_id}`, (h.number as string | null) ?? null]));
    const blockHeadings = new Map(t.blocks.map((b) => [`${b.doc_id}\u0000${b.block_no}`,
      b.heading_id === null ? null : headingNumber.get(`${b.doc_id}\u0000${b.heading_id}`) ?? null]));
    return { document_citations: findDocumentCitations({ ...(t as never as CitationSources), blockHeadings }) as unknown as Row[] };
  }, { code: ['pipelines/resolve/find-document-citations.ts', 'pipelines/text/cited-symbols.ts', 'pipelines/text/sentences.ts'] });

const resolveMentionsStage = stage('resolve-mentions',
  ['paragraphs', 'footnotes', 'mechanism_references', 'non_mechanisms'], ['mentions', 'unresolved_acronyms'],
  (t) => {
    const r = resolveMentions(t.paragraphs as never, t.footnotes as never, t.mechanism_references as never,
      t.non_mechanisms.map((n) => String(n.surface)));
    return { mentions: r.mentions, unresolved_acronyms: r.unresolved } as unknown as Tables;
  }, { code: ['pipelines/resolve/resolve-mentions.ts', 'pipelines/text'] });

// The claims model: role and themes of every mention. Redress, men and boys and data collection
// take their cues from the tables that define those measures, so a theme and its table agree.
const extractClaimsStage = stage('extract-claims', ['paragraphs', 'mentions', 'themes', 'cues'], ['claims'],
  (t, ctx) => {
    const model = loadClaimModel(join(ctx.dataDir, 'registry'), t.themes as never, t.cues as never);
    const claims = claimsOf(t.paragraphs as never, t.mentions as never, model);
    return { claims } as unknown as Tables;
  }, {
    code: ['pipelines/resolve/extract-claims.ts', 'pipelines/text', 'pipelines/registry/load-claim-rules.ts', 'pipelines/registry/load-data-collection-cues.ts'],
    sources: (d) => [join(d.dataDir, 'registry', 'claims.yaml'), join(d.dataDir, 'registry', 'data_collection.yaml')],
  });

const collectDataRequestsStage = stage('collect-data-requests',
  ['paragraphs', 'mentions', 'mechanisms', 'documents'], ['data_requests'],
  (t) => {
    const profileDocs = new Set(t.documents.filter((d) => d.profile === 'rapporteur-thematic').map((d) => String(d.doc_id)));
    const requests = collectDataRequests(t.paragraphs as never, t.mentions as never, t.mechanisms as never, undefined, profileDocs);
    checkResponseStatus(requests, t.mechanisms as never, t.documents as never);
    return { data_requests: requests as unknown as Row[] };
  },
  { code: ['pipelines/resolve/collect-data-requests.ts', 'pipelines/resolve/check-response-status.ts', 'pipelines/text'] });

const collectDataInitiativesStage = stage('collect-data-initiatives',
  ['paragraphs', 'claims'], ['data_collection_initiatives'],
  (t, ctx) => ({
    data_collection_initiatives: collectDataInitiatives(t.paragraphs as never, t.claims as never,
      loadDataCollectionCues(join(ctx.dataDir, 'registry', 'data_collection.yaml'))) as unknown as Row[],
  }), {
    code: ['pipelines/resolve/collect-data-initiatives.ts', 'pipelines/resolve/extract-claims.ts', 'pipelines/registry/load-data-collection-cues.ts', 'pipelines/text'],
    sources: (d) => [join(d.dataDir, 'registry', 'data_collection.yaml')],
  });

const matchCuesStage = stage('match-cues', ['claims', 'cues'], ['passage_cues'],
  (t) => ({ passage_cues: matchCues(t.claims as never, t.cues as never) }),
  { code: ['pipelines/resolve/match-cues.ts', 'pipelines/resolve/claims/rules.ts'] });

// Recommendations by their asks: an actor claim matching an ask's cue does what it asks.
const matchAsksStage = stage('match-asks', ['claims'], ['recommendation_asks', 'ask_claims'],
  (t, ctx) => {
    const { asks, cues } = loadAsks(join(ctx.dataDir, 'registry', 'recommendation_asks.yaml'));
    return { recommendation_asks: asks, ask_claims: matchAsks(t.claims as never, cues) } as unknown as Tables;
  }, {
    code: ['pipelines/resolve/match-asks.ts', 'pipelines/registry/load-asks.ts', 'pipelines/registry/load-registry.ts'],
    sources: (d) => [join(d.dataDir, 'registry', 'recommendation_asks.yaml')],
  });

const CHART_INPUTS = ['coverage_region_theme', 'coverage_mechanism_theme', 'gender_inclusion', 'redress',
  'recommendation_coverage', 'data_requests', 'mechanism_members', 'countries', 'mechanisms', 'themes',
  'country_mechanisms', 'country_coverage'] as const;

// Rendering loads vega, vega-lite and resvg, so its modules are imported only when the stage runs.
const BRIEFING_INPUTS = ['data_gaps', 'documents', 'evidence', 'paragraphs', 'headings', 'mechanism_references'] as const;

const RENDER_INPUTS = [...CHART_INPUTS, ...BRIEFING_INPUTS] as const;
const renderChartsStage = stage('render-charts', RENDER_INPUTS, ['files:charts', 'files:briefing'],
  async (_t, ctx) => {
    const { renderReport } = await import('./report/render-report.ts');
    await renderReport(RENDER_INPUTS, ctx);
    return {};
  }, {
    readsOwnInputs: true,
    code: ['pipelines/report/render-report.ts', 'pipelines/report/read-report-inputs.ts', 'pipelines/report/render-charts.ts',
      'pipelines/report/write-briefing.ts', 'pipelines/report/charts', 'pipelines/report/briefing', 'pipelines/report/render',
      'pipelines/text', 'pipelines/core/db.ts'],
  });

const EXPLORER_INPUTS = ['documents', 'paragraphs', 'headings', 'mentions', 'evidence', 'mechanisms', 'themes',
  'coverage_mechanism_theme', 'coverage_region_theme'] as const;
const writeExplorerStage = stage('write-explorer', EXPLORER_INPUTS, ['files:explorer'],
  async (_t, ctx) => {
    const { writeExplorer } = await import('./report/write-explorer.ts');
    const { readExplorerInputs } = await import('./report/explorer/read-explorer-inputs.ts');
    // The page holds the first documents only (explorerSlice): their rows are read, not whole tables.
    const t = await readExplorerInputs(ctx.db, EXPLORER_INPUTS);
    const docSymbol = corpusName(t.documents!.map((d) => String(d.symbol)));
    await writeExplorer(t as never, { write: ctx.write, docSymbol, documents: symbolsById(t.documents as never) });
    return {};
  }, { readsOwnInputs: true, code: ['pipelines/report/write-explorer.ts', 'pipelines/report/explorer', 'pipelines/report/charts', 'pipelines/report/render'] });

// The workbook (output/tables/atlas.xlsx) comes last: one sheet per exported table of the stages above.
export const PIPELINE: readonly Stage[] = withWorkbook([
  ingestReport,
  loadRegistryStage,
  loadIndicatorsStage,
  checkCitationsStage,
  findDocumentCitationsStage,
  resolveMentionsStage,
  extractClaimsStage,
  collectDataRequestsStage,
  collectDataInitiativesStage,
  matchCuesStage,
  matchAsksStage,
  ...SQL_MODELS.map((m) => sqlStage(m.layer, m.name)),
  renderChartsStage,
  writeExplorerStage,
]);
