import { describe, expect, it } from 'vitest';
import { NOT_RESPONDED, RESPONDED, groupRequests, requestResponses, type DataRequestRow } from '../../../pipelines/report/charts/request-responses.ts';
import { compileWithWarnings, description, inlineValues, schemaErrors, titleText, tooltipFields } from '../../fixtures/charts/spec-helpers.ts';

const req = (mechanism_id: string, name_in_text: string, region: string, responded: boolean): DataRequestRow => ({
  doc_id: 'A_HRC_14_32', mechanism_id, name_in_text, region, responded, para_no: 3, quote: name_in_text,
});
const rows: DataRequestRow[] = [
  req('asean', 'Association of Southeast Asian Nations (ASEAN)', 'Asia-Pacific', true),
  req('saarc', 'South Asian Association for Regional Cooperation (SAARC)', 'Asia-Pacific', true),
  req('escap', 'Economic and Social Commission for Asia and the Pacific', 'Asia-Pacific', false),
  req('au', 'African Union (AU)', 'Africa', false),
  req('ecowas', 'Economic Community of West African States (ECOWAS)', 'Africa', false),
  req('eca', 'Economic Commission for Africa', 'Africa', true),
];

describe('request-responses', () => {
  const spec = requestResponses(rows);

  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it('has one mark per region × status with the organisations behind it', () => {
    const values = inlineValues(spec);
    expect(values.map((v) => [v.region, v.status, v.n])).toEqual([
      ['Africa', RESPONDED, 1], ['Africa', NOT_RESPONDED, 2], ['Asia-Pacific', RESPONDED, 2], ['Asia-Pacific', NOT_RESPONDED, 1],
    ]);
    expect(values[1]).toMatchObject({
      organisations_text: 'African Union (AU); Economic Community of West African States (ECOWAS)',
      mechanism_ids: ['au', 'ecowas'], paragraphs_text: 'para. 3', count_text: '2 of 3',
    });
    // Every row given is behind exactly one mark.
    expect(values.flatMap((v) => v.mechanism_ids as string[]).sort()).toEqual(rows.map((r) => r.mechanism_id).sort());
    expect(groupRequests(rows)).toEqual(values);
    expect(tooltipFields(spec)).toEqual(expect.arrayContaining(['region_label', 'status', 'count_text', 'organisations_text', 'paragraphs_text']));
  });

  it('has a title and a description with the totals', () => {
    expect(titleText(spec)).toBe('3 of the 6 organisations asked for information had not responded when the report was written');
    expect(description(spec)).toContain('6 organisations');
    expect(description(spec)).toContain('para. 3');
    expect(description(spec)).toContain('3 responded and 3 had not yet responded');
    expect(description(spec)).toContain('Most without a response: Africa (2 of 3)');
  });

  it('counts requests in a corpus: an organisation asked in two documents is two requests, and the title says so', () => {
    const corpus = [...rows, ...rows.map((r) => ({ ...r, doc_id: 'A_HRC_17_35' }))];
    const two = requestResponses(corpus);
    expect(titleText(two)).toBe('6 of the 12 requests for information (6 organisations, in 2 documents) had not been answered when the documents were written');
    expect(description(two)).toContain('12 requests for information (6 organisations, in 2 documents)');
    expect(JSON.stringify(two)).toContain('Requests for information in the documents');
  });
});
