import { describe, expect, it } from 'vitest';
import { citingSentence, findDocumentCitations, MAX_SENTENCE_CHARS } from '../../pipelines/resolve/find-document-citations.ts';

const documents = [
  { doc_id: 'a-hrc-14-32', symbol: 'A/HRC/14/32' },
  { doc_id: 'a-hrc-14-37', symbol: 'A/HRC/14/37' },
];

describe('findDocumentCitations', () => {
  const rows = findDocumentCitations({
    documents,
    paragraphs: [
      { doc_id: 'a-hrc-14-37', para_no: 97, text: 'At the 10th meeting, the Special Rapporteur presented her reports (A/HRC/14/32 and Add.1-5). The dialogue followed.' },
      { doc_id: 'a-hrc-14-32', para_no: 1, text: 'This report (A/HRC/14/32) is submitted pursuant to resolution 8/12 (A/HRC/RES/8/12).' },
    ],
    footnotes: [{ doc_id: 'a-hrc-14-37', note_no: 3, para_no: 40, text: 'See E/CN.4/2005/102/Add.1.' }],
    blocks: [
      { doc_id: 'a-hrc-14-37', block_no: 19, kind: 'resolution', after_para: null, number: '5',
        text: 'Takes note with appreciation of the report of the Special Rapporteur on trafficking in persons, especially women and children (A/HRC/14/32);' },
      { doc_id: 'a-hrc-14-37', block_no: 360, kind: 'annex', after_para: 766, number: null,
        text: 'A/HRC/14/31\t3\tReport of the independent expert | A/HRC/14/32\t3\tReport of the Special Rapporteur on trafficking in persons' },
    ],
    blockHeadings: new Map([['a-hrc-14-37\u000019', '14/2'], ['a-hrc-14-37\u0000360', null]]),
  });

  it('resolves the cited document when the corpus holds it, with the words that cite it', () => {
    expect(rows.filter((r) => r.cited_doc_id === 'a-hrc-14-32').map((r) => [r.citation, r.sentence])).toEqual([
      ['A/HRC/14/37, resolution 14/2, para. 5', 'Takes note with appreciation of the report of the Special Rapporteur on trafficking in persons, especially women and children (A/HRC/14/32);'],
      ['A/HRC/14/37, annex (after para. 766)', 'A/HRC/14/32 3 Report of the Special Rapporteur on trafficking in persons'],
      ['A/HRC/14/37, para. 97', 'At the 10th meeting, the Special Rapporteur presented her reports (A/HRC/14/32 and Add.1-5).'],
    ]);
  });

  it('keeps symbols outside the corpus unresolved, and a document naming itself out', () => {
    const byPlace = Object.fromEntries(rows.map((r) => [`${r.doc_id} ${r.found_in} ${r.item_no} ${r.cited_symbol}`, r]));
    expect(byPlace['a-hrc-14-37 footnote 3 E/CN.4/2005/102/Add.1']).toMatchObject({ para_no: 40, citation: 'A/HRC/14/37, note 3 (para. 40)', cited_doc_id: null });
    expect(byPlace['a-hrc-14-32 paragraph 1 A/HRC/RES/8/12']).toMatchObject({ cited_doc_id: null });
    expect(rows.some((r) => r.doc_id === 'a-hrc-14-32' && r.cited_symbol === 'A/HRC/14/32')).toBe(false);
    expect(rows).toHaveLength(6);
  });

  it('points at the symbol in the text it was found in', () => {
    const r = rows.find((x) => x.found_in === 'block' && x.item_no === 19)!;
    expect(r.char_end - r.char_start).toBe('A/HRC/14/32'.length);
  });
});

describe('citingSentence', () => {
  it('cuts a resolution preamble (one long sentence of clauses) to the clause that cites', () => {
    const clause = 'Recalling the report of the Special Rapporteur (E/CN.4/2005/102/Add.1);';
    const text = `${'Reaffirming the relevant articles of the Universal Declaration of Human Rights; '.repeat(6)}${clause} ${'Noting with concern the continued violations of human rights; '.repeat(6)}`;
    const at = text.indexOf('E/CN.4');
    expect(citingSentence(text, at, at + 21)).toBe(clause);
  });

  it('keeps at most about MAX_SENTENCE_CHARS around the symbol, at word boundaries, marked with ellipses', () => {
    const text = `${'word '.repeat(200)}A/HRC/14/32 ${'word '.repeat(200)}`;
    const at = text.indexOf('A/HRC');
    const s = citingSentence(text, at, at + 11);
    expect(s.startsWith('… word')).toBe(true);
    expect(s.endsWith('word …')).toBe(true);
    expect(s).toContain('A/HRC/14/32');
    expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS + 'A/HRC/14/32'.length + 4);
  });
});
