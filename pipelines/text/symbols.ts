/**
 * Where UN document symbols are printed in a text: A/HRC/14/32,
 * A/HRC/WG.6/7/SVN/1, CRC/C/SVN/CO/3-4, E/CN.4/2005/L.10/Add.1. Their parts
 * (HRC, WG, SVN, CO) are pieces of a reference, not acronyms of bodies.
 */

export interface Span { start: number; end: number }

/** A symbol: a capitalised first part and two or more slash-separated parts. */
const SYMBOL_IN_TEXT = /(?<![\p{L}\p{N}/])(?:[A-Z][A-Za-z0-9.-]{0,15})(?:\/[A-Za-z0-9.()-]{1,24}){2,10}/gu;

/** Spans of the document symbols printed in text, in order. */
export function symbolSpans(text: string): Span[] {
  if (!text.includes('/')) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(SYMBOL_IN_TEXT)) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return out;
}
