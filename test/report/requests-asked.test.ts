import { describe, expect, it } from 'vitest';
import { askedWords } from '../../pipelines/report/requests-asked.ts';

const asked = (doc_id: string, mechanism_id: string) => ({ doc_id, mechanism_id });

describe('askedWords', () => {
  it('counts organisations in one document', () => {
    expect(askedWords([asked('d1', 'au'), asked('d1', 'asean')])).toEqual({
      asked: '2 organisations', unanswered: 'asked for information had not responded', written: 'the report was',
    });
    expect(askedWords([asked('d1', 'au')]).asked).toBe('1 organisation');
  });

  it('counts requests in a corpus, with the organisations and the documents', () => {
    const rows = [asked('d1', 'au'), asked('d1', 'asean'), asked('d2', 'au')];
    expect(askedWords(rows)).toEqual({
      asked: '3 requests for information (2 organisations, in 2 documents)', unanswered: 'had not been answered', written: 'the documents were',
    });
  });
});
