/**
 * UN document symbols cited in a text, as a reader would copy them: A/HRC/14/32,
 * A/HRC/WG.6/20/SVN/3, A/64/290, E/CN.4/2005/L.10/Add.1, CRC/C/SVN/CO/3-4,
 * CEDAW/C/SVN/CO/4. A symbol starts with the series of a principal organ or a
 * treaty body and has at least two more parts; the punctuation that closes the
 * citation ("(A/HRC/14/32);", "A/HRC/14/32.") is not part of it.
 *
 *   citedSymbols('… women and children (A/HRC/14/32);')  // [{ symbol: 'A/HRC/14/32', start: 37, end: 48 }]
 */

/** First parts of the symbols cited: General Assembly, ECOSOC, Security Council, Secretariat, treaty bodies. */
export const SYMBOL_SERIES = ['A', 'E', 'S', 'ST', 'CRC', 'CEDAW', 'CCPR', 'CERD', 'CAT', 'CMW', 'CRPD', 'CED', 'HRI'] as const;

const CITED_SYMBOL = new RegExp(
  `(?<![\\p{L}\\p{N}/.-])(?:${SYMBOL_SERIES.join('|')})(?:/[A-Za-z0-9][A-Za-z0-9.()-]*){2,10}`, 'gu');

export interface CitedSymbol { symbol: string; start: number; end: number }

/** Trailing characters that close a citation rather than belong to the symbol. */
function trimEnd(s: string): string {
  let t = s;
  for (;;) {
    const before = t;
    t = t.replace(/[.,;:-]+$/u, '');
    // a closing bracket belongs to the symbol only when it opened inside it: "A/64/290(Part I)"
    if (t.endsWith(')') && (t.match(/\(/g)?.length ?? 0) < (t.match(/\)/g)?.length ?? 0)) t = t.slice(0, -1);
    if (t === before) return t;
  }
}

export function citedSymbols(text: string): CitedSymbol[] {
  if (!text.includes('/')) return [];
  const out: CitedSymbol[] = [];
  for (const m of text.matchAll(CITED_SYMBOL)) {
    const symbol = trimEnd(m[0]);
    const start = m.index ?? 0;
    // at least three parts after trimming ("A/HRC/" is not a symbol)
    if (symbol.split('/').filter(Boolean).length < 3) continue;
    out.push({ symbol, start, end: start + symbol.length });
  }
  return out;
}
