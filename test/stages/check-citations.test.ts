import { describe, it, expect } from 'vitest';
import { checkRegistryCitations } from '../../pipelines/stages/check-citations.ts';

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
