import { describe, it, expect } from 'vitest';
import { checkReferenceCitations, checkRegistryCitations } from '../../pipelines/registry/check-citations.ts';

const paragraphs = [1, 2, 3].map((para_no) => ({ para_no }));

describe('checkRegistryCitations', () => {
  it('accepts citations to paragraphs that exist', () => {
    expect(() => checkRegistryCitations({
      paragraphs, mechanisms: [{ mechanism_id: 'coe', paragraphs: [1, 3] }],
      instruments: [{ mechanism_id: 'coe', instrument_id: 'c', paragraphs: [2] }], mechanism_members: [],
    }, (id) => `${id}.yaml`)).not.toThrow();
  });

  it('names the file, record and field of a citation to a missing paragraph', () => {
    expect(() => checkRegistryCitations({
      paragraphs, mechanisms: [], instruments: [{ mechanism_id: 'saarc', instrument_id: 'conv', paragraphs: [2, 5] }], mechanism_members: [],
    }, (id) => `registry/${id}.yaml`)).toThrow('registry/saarc.yaml, record saarc instrument conv, field instruments.paragraphs: cites paragraph 5, which does not exist in the ingested report (paragraphs 1–3)');
  });

  it('in a corpus, checks the citations against A/HRC/14/32 only, and skips them when it is absent', () => {
    const paras = [{ doc_id: 'seed', para_no: 1 }, { doc_id: 'other', para_no: 9 }];
    const cites9 = { paragraphs: paras, mechanisms: [{ mechanism_id: 'coe', paragraphs: [9] }], instruments: [], mechanism_members: [] };
    expect(() => checkRegistryCitations({ ...cites9, documents: [{ doc_id: 'seed', symbol: 'A/HRC/14/32' }, { doc_id: 'other', symbol: 'A/HRC/14/15' }] }, (id) => `${id}.yaml`))
      .toThrow(/coe\.yaml, record coe, field paragraphs: cites paragraph 9, which does not exist/);
    expect(checkRegistryCitations({ ...cites9, documents: [{ doc_id: 'other', symbol: 'A/HRC/14/15' }] }, (id) => `${id}.yaml`)).toBe(false);
  });
});

describe('checkReferenceCitations', () => {
  const documents = [{ doc_id: 'svn-3', symbol: 'A/HRC/WG.6/20/SVN/3' }];
  const paragraphs = [
    { doc_id: 'svn-3', para_no: 30, text: 'The Group of Experts on Action against Trafficking in Human Beings of the Council of Europe (CoE-GRETA) stated that steps were taken.' },
    { doc_id: 'svn-3', para_no: 31, text: 'It recommended training.' },
  ];
  const footnotes = [{ doc_id: 'svn-3', note_no: 40, para_no: 31, text: 'CoE-GRETA, para. 12.' }];
  const cite = (surface: string, symbol: string, para_no: number) => ({ surface, mechanism_id: 'coe', symbol, para_no });
  const check = (c: ReturnType<typeof cite>[]) => checkReferenceCitations({ documents, paragraphs, footnotes, reference_citations: c }, (id) => `registry/${id}.yaml`);

  it('accepts a reference printed in the paragraph or in its footnotes, and counts what it checked', () => {
    expect(check([cite('GRETA', 'A/HRC/WG.6/20/SVN/3', 30), cite('GRETA', 'A/HRC/WG.6/20/SVN/3', 31)])).toEqual({ checked: 2, absent: [] });
  });

  it('leaves citations into documents outside the corpus unchecked, and says which', () => {
    expect(check([cite('ODIHR', 'A/HRC/28/15', 9)])).toEqual({ checked: 0, absent: ['A/HRC/28/15'] });
  });

  it('names the file, the reference and the field of a paragraph that does not exist or does not print it', () => {
    expect(() => check([cite('GRETA', 'A/HRC/WG.6/20/SVN/3', 99)]))
      .toThrow('registry/coe.yaml, record coe reference "GRETA", field cited_in: cites A/HRC/WG.6/20/SVN/3, para. 99, which does not exist in that document');
    expect(() => check([cite('ACFC', 'A/HRC/WG.6/20/SVN/3', 30)]))
      .toThrow('"ACFC" is not printed in A/HRC/WG.6/20/SVN/3, para. 30 (its text or its footnotes)');
  });
});
