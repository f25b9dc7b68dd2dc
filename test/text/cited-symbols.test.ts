import { describe, expect, it } from 'vitest';
import { citedSymbols } from '../../pipelines/text/cited-symbols.ts';

const symbols = (text: string) => citedSymbols(text).map((c) => c.symbol);

describe('citedSymbols', () => {
  it('finds the symbol of resolution 14/2, para. 5 (A/HRC/14/37), without the closing bracket and semicolon', () => {
    const text = 'Takes note with appreciation of the report of the Special Rapporteur on trafficking in persons, especially women and children (A/HRC/14/32);';
    const [c] = citedSymbols(text);
    expect(c).toEqual({ symbol: 'A/HRC/14/32', start: text.indexOf('A/HRC'), end: text.indexOf(');') });
  });

  it('reads the series a reader would cite: A/, E/CN.4/, CRC/C/, CEDAW/C/, with addenda and revisions', () => {
    expect(symbols('(A/HRC/14/32 and Add.1-5), A/64/290, E/CN.4/2005/L.10/Add.1, CRC/C/SVN/CO/3-4, CEDAW/C/SVN/CO/4.'))
      .toEqual(['A/HRC/14/32', 'A/64/290', 'E/CN.4/2005/L.10/Add.1', 'CRC/C/SVN/CO/3-4', 'CEDAW/C/SVN/CO/4']);
    expect(symbols('the national report (A/HRC/WG.6/20/SVN/1), the compilation (A/HRC/WG.6/20/SVN/2)'))
      .toEqual(['A/HRC/WG.6/20/SVN/1', 'A/HRC/WG.6/20/SVN/2']);
  });

  it('drops the brackets and punctuation that close a citation', () => {
    expect(symbols('Guidelines (E/2002/68/Add.1) as a tool; see A/HRC/14/32.) and A/HRC/14/37,')).toEqual(['E/2002/68/Add.1', 'A/HRC/14/32', 'A/HRC/14/37']);
  });

  it('finds no symbol in dates, fractions, paths or inside a longer token', () => {
    expect(symbols('on 3/6/2010, 1/2 of them, and/or http://www.un.org/A/HRC/14, or XA/HRC/14/32')).toEqual([]);
    expect(symbols('A/HRC/ alone')).toEqual([]);
  });
});
