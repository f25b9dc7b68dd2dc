/**
 * Pieces shared by the mechanism-by-region matrices (mechanism-theme-matrix,
 * gender-inclusion, redress-elements): one row block per region, the region
 * name written horizontally to the left of its mechanisms; mechanisms with no
 * evidence at all are named in the subtitle by their response status instead
 * of taking a blank row.
 */
import { type BaseOptions, capitalize, compareRegions, compareText, wrapLabel, wrapLabelExpr } from './common.ts';
import { COLORS } from './theme.ts';

/** Header of a row facet on region: horizontal, wrapped, left of the block. */
export function regionHeader(regions: readonly string[]) {
  const expr = wrapLabelExpr(regions, 16);
  return {
    labelAngle: 0,
    labelAlign: 'left' as const,
    // A left header is laid out rotated: 'end' is the top of the block.
    labelAnchor: 'end' as const,
    labelBaseline: 'top' as const,
    labelOrient: 'left' as const,
    labelPadding: 8,
    labelColor: COLORS.text,
    ...(expr ? { labelExpr: expr } : {}),
  };
}

/** Acronyms of mechanisms in display order: region (report order), then acronym. */
export function mechanismOrder(rows: readonly { mechanism_id: string; acronym: string; region: string }[]): string[] {
  return [...new Map(rows.map((r) => [r.mechanism_id, r])).values()]
    .sort((a, b) => compareRegions(a.region, b.region) || compareText(a.acronym, b.acronym))
    .map((r) => r.acronym);
}

/** A mechanism's answer to the Special Rapporteur's request for information (para. 3). */
export const RESPONSE_STATUSES = ['did not respond', 'not asked', 'responded'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export interface MechanismWithoutEvidence {
  mechanism_id: string;
  acronym: string;
  region: string;
  response: ResponseStatus;
}

/**
 * Mechanisms with no evidence paragraph at all (no covered theme), each with its
 * response status from data_requests; a mechanism absent from data_requests was
 * not asked. Sorted by status, then acronym.
 */
export function mechanismsWithoutEvidence(
  coverage: readonly { mechanism_id: string; acronym: string; region: string; covered: boolean }[],
  requests: readonly { mechanism_id: string; responded: boolean }[],
): MechanismWithoutEvidence[] {
  const withEvidence = new Set(coverage.filter((r) => r.covered).map((r) => r.mechanism_id));
  const responded = new Map(requests.map((r) => [r.mechanism_id, r.responded]));
  const out = new Map<string, MechanismWithoutEvidence>();
  for (const r of coverage) {
    if (withEvidence.has(r.mechanism_id) || out.has(r.mechanism_id)) continue;
    const answer = responded.get(r.mechanism_id);
    const response: ResponseStatus = answer === undefined ? 'not asked' : answer ? 'responded' : 'did not respond';
    out.set(r.mechanism_id, { mechanism_id: r.mechanism_id, acronym: r.acronym, region: r.region, response });
  }
  return [...out.values()].sort((a, b) => RESPONSE_STATUSES.indexOf(a.response) - RESPONSE_STATUSES.indexOf(b.response)
    || compareText(a.acronym, b.acronym));
}

/**
 * Subtitle lines naming the mechanisms left out of a grid for having no evidence,
 * grouped by their response to the request for information, wrapped at `width`.
 */
export function withoutEvidenceLines(list: readonly MechanismWithoutEvidence[], requestParas = 'para. 3', width = 110): string[] {
  if (list.length === 0) return [];
  const lines = [`Not shown: ${list.length === 1 ? '1 mechanism' : `${list.length} mechanisms`} with no evidence in the report, by their answer to the request for information (${requestParas}):`];
  for (const status of RESPONSE_STATUSES) {
    const names = list.filter((m) => m.response === status).map((m) => m.acronym);
    if (names.length) lines.push(...wrapLabel(`${capitalize(status)} (${names.length}): ${names.join(', ')}.`, width));
  }
  return lines;
}

/** Options of the mechanism grids. */
export interface MechanismGridOptions extends BaseOptions {
  /** Mechanisms with no evidence: left out of the rows and named in the subtitle by response status. */
  withoutEvidence?: readonly MechanismWithoutEvidence[];
  /** Paragraphs of the request for information, as "para. 3". */
  requestParas?: string;
}

/**
 * Split a grid's rows: the mechanisms without evidence whose rows are all blank
 * (`isBlank`) are left out, to be named in the subtitle; the others stay rows.
 */
export function splitGridRows<T extends { mechanism_id: string }>(
  rows: readonly T[], o: MechanismGridOptions, isBlank: (r: T) => boolean,
): { rows: T[]; left: MechanismWithoutEvidence[] } {
  const left = (o.withoutEvidence ?? []).filter((m) => rows.filter((r) => r.mechanism_id === m.mechanism_id).every(isBlank));
  const ids = new Set(left.map((m) => m.mechanism_id));
  return { rows: rows.filter((r) => !ids.has(r.mechanism_id)), left };
}
