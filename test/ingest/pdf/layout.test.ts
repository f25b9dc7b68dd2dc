/**
 * The PDF layout rules on small made-up pages: lines from positioned items,
 * superscript markers (raised, or small digits in a table), furniture in the
 * margins, footnotes at the foot of the page, blocks, hyphenation, tables.
 */
import { describe, expect, it } from 'vitest';
import type { PdfItem, PdfPage } from '../../../pipelines/ingest/pdf/load-pdf.ts';
import { bodySizeOf, pageLines } from '../../../pipelines/ingest/pdf/page-lines.ts';
import { placeLines } from '../../../pipelines/ingest/pdf/page-regions.ts';
import { toSourceLines } from '../../../pipelines/ingest/pdf/blocks.ts';
import { isFurnitureText } from '../../../pipelines/ingest/pdf/furniture.ts';

/** An item: text at x on baseline y, size 10 unless given; width from a rough 0.5 em per character. */
const it_ = (str: string, x: number, y: number, size = 10, bold = false): PdfItem => ({ str, x, y, width: str.length * size * 0.5, size, bold, italic: false });
const page = (no: number, items: PdfItem[]): PdfPage => ({ no, width: 595, height: 842, items });

function read(pages: PdfPage[]) {
  const body = bodySizeOf(pages);
  const lines = pages.map((p) => pageLines(p, body));
  return toSourceLines(placeLines(pages, lines, body)).filter((l) => l.text !== '');
}

describe('page lines', () => {
  it('joins items on one baseline, turns a raised small number into a superscript marker, splits columns at wide gaps', () => {
    const p = page(2, [
      it_('1.', 113, 700), it_('The Working Group held its session.', 142, 700), it_('5', 318, 704, 6.5),
      it_('Courts', 113, 600), it_('2008', 300, 600), it_('2009', 400, 600),
    ]);
    const lines = pageLines(p, 10);
    expect(lines.map((l) => l.text)).toEqual(['1.\tThe Working Group held its session.⁵', 'Courts\t2008\t2009']);
    expect(lines.map((l) => l.pageLine)).toEqual([1, 2]);
  });

  it('reads small digits as a marker even when not raised (inside a table), and keeps a space printed after a marker', () => {
    const p = page(3, [it_('Palermo Protocol', 113, 500), it_('4 ', 193, 500, 6), it_('Yes', 300, 500)]);
    expect(pageLines(p, 10)[0].text).toBe('Palermo Protocol⁴\tYes');
  });

  it('turns symbol-font bullets into bullets', () => {
    expect(pageLines(page(1, [it_('\uF0B7', 113, 500), it_('Government Action Programme', 130, 500)]), 10)[0].text).toBe('• Government Action Programme');
  });
});

describe('page regions and blocks', () => {
  const body = (y: number, text: string) => it_(text, 113, y);
  const p1 = page(1, [
    it_('United Nations', 120, 778, 14), it_('A/HRC/14/15', 475, 775, 20),
    it_('Distr.: General', 392, 749), it_('15 March 2010', 392, 737), it_('Original: English', 392, 713),
    it_('Human Rights Council', 57, 610, 12, true),
    it_('GE.10-12049', 57, 87),
  ]);
  const p3 = page(3, [
    it_('A/HRC/14/15', 486, 777, 9),
    it_('Introduction', 57, 733, 14, true),
    it_('1.', 113, 708), it_('The Working Group on the Universal Periodic Review, established in', 142, 708),
    body(696, 'accordance with resolution 5/1, held its seventh session from 8 to 19 February'),
    body(684, '2010. The review of Slovenia was held at the 14th meeting. It was a long traf-'),
    body(672, 'ficking debate.'), it_('1', 188, 676, 6.5),
    it_('2.', 113, 654), it_('On 7 September 2009, the Council selected the troika:', 142, 654),
    it_('(a)', 142, 636), it_('Egypt;', 170, 636),
    it_('(b)', 142, 624), it_('Brazil.', 170, 624),
    it_('1', 102, 140, 6.5), it_('Note text in small type that goes on', 108, 136, 9),
    it_('over two lines.', 113, 125, 9),
    it_('3', 534, 87, 9),
  ]);

  it('drops the masthead, running header, page number and job number; footnotes leave the body; blocks are joined', () => {
    const lines = read([p1, p3]);
    expect(lines.map((l) => [l.page, l.line, l.role ?? null, l.text])).toEqual([
      [1, 5, null, 'Human Rights Council'],
      [3, 2, null, 'Introduction'],
      [3, 3, null, '1.\tThe Working Group on the Universal Periodic Review, established in accordance with resolution 5/1, held its seventh session from 8 to 19 February 2010. The review of Slovenia was held at the 14th meeting. It was a long trafficking debate.¹'],
      [3, 7, null, '2.\tOn 7 September 2009, the Council selected the troika:'],
      [3, 8, null, '(a)\tEgypt;'],
      [3, 9, null, '(b)\tBrazil.'],
      [3, 10, 'footnote', '¹ Note text in small type that goes on over two lines.'],
    ]);
  });

  it('keeps a table apart, as one block with rows and cells', () => {
    const p = page(4, [
      body(700, 'Text before the table ends here.'),
      it_('Courts', 113, 670), it_('2008', 300, 670), it_('2009', 400, 670),
      it_('Higher', 113, 658), it_('667', 300, 658), it_('242', 400, 658),
      it_('Table 1: Backlogs in courts', 113, 636),
      body(610, 'Text after the table.'),
    ]);
    expect(read([p]).map((l) => [l.role ?? null, l.text])).toEqual([
      [null, 'Text before the table ends here.'],
      ['table', 'Courts\t2008\t2009 | Higher\t667\t242'],
      ['caption', 'Table 1: Backlogs in courts'],
      [null, 'Text after the table.'],
    ]);
  });

  it('tells furniture tokens from text', () => {
    expect(isFurnitureText([{ text: 'A/HRC/WG.6/7/SVN/3' }, { text: 'Page 2' }])).toBe(true);
    expect(isFurnitureText([{ text: 'GE.12-17781 (E) 291112' }])).toBe(true);
    expect(isFurnitureText([{ text: '\uF02A\uF031\uF035\uF02A' }])).toBe(true);
    expect(isFurnitureText([{ text: '2010. The review' }])).toBe(false);
  });
});
