/**
 * Pieces shared by the mechanism-by-region matrices (mechanism-theme-matrix,
 * gender-inclusion, redress-elements): one row block per region, the region
 * name written horizontally to the left of its mechanisms.
 */
import { compareRegions, compareText, wrapLabelExpr } from './common.ts';
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
