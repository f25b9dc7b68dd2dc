/** The SQL models in the order they run (staging → intermediate → final). */
import type { SqlLayer } from '../core/sql-models.ts';

export const SQL_MODELS: readonly { layer: SqlLayer; name: string }[] = [
  { layer: 'staging', name: 'stg_main_instruments' },
  { layer: 'intermediate', name: 'claims' },
  { layer: 'intermediate', name: 'evidence' },
  { layer: 'intermediate', name: 'int_mechanism_theme' },
  { layer: 'intermediate', name: 'int_passage_cues' },
  { layer: 'final', name: 'coverage_mechanism_theme' },
  { layer: 'final', name: 'coverage_document_theme' },
  { layer: 'final', name: 'coverage_region_theme' },
  { layer: 'final', name: 'gender_inclusion' },
  { layer: 'final', name: 'gender_inclusion_region' },
  { layer: 'final', name: 'redress' },
  { layer: 'final', name: 'recommendation_coverage' },
  { layer: 'final', name: 'data_gaps' },
  // country lens: national indicators beside the mechanisms' coverage
  { layer: 'staging', name: 'stg_cow_iso' },
  { layer: 'staging', name: 'stg_tip_tiers' },
  { layer: 'staging', name: 'stg_policy_index' },
  { layer: 'intermediate', name: 'int_country_year_indicators' },
  { layer: 'final', name: 'indicator_code_mismatches' },
  { layer: 'final', name: 'country_mechanisms' },
  { layer: 'final', name: 'country_coverage' },
  { layer: 'final', name: 'mechanism_indicators' },
  { layer: 'final', name: 'indicator_gaps' },
  // names beside the ids, for spreadsheets
  { layer: 'final', name: 'evidence_named' },
  { layer: 'final', name: 'claims_named' },
  { layer: 'final', name: 'ask_claims_named' },
];
