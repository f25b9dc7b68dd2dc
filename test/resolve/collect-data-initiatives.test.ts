import { describe, expect, it } from 'vitest';
import { resolveMentions, type ReferenceRow } from '../../pipelines/resolve/resolve-mentions.ts';
import { collectDataInitiatives } from '../../pipelines/resolve/collect-data-initiatives.ts';
import { loadDataCollectionCues, parseDataCollectionCues } from '../../pipelines/registry/load-data-collection-cues.ts';

const ref = (surface: string, mechanism_id: string): ReferenceRow => ({ surface, mechanism_id, ref_kind: 'acronym' });
const REFS = [ref('EU', 'eu'), ref('COMMIT', 'commit'), ref('ASEAN', 'asean'), ref('OSCE', 'osce')];
type Part = 'introduction' | 'description' | 'achievements' | 'challenges' | 'recommendations';
const P = (para_no: number, part: Part, text: string) => ({ doc_id: 'd1', para_no, part, text });
const CUES = loadDataCollectionCues('data/registry/data_collection.yaml');

describe('data_collection.yaml', () => {
  it('loads, with a comment on every cue', () => {
    expect(CUES.length).toBeGreaterThan(8);
    for (const c of CUES) expect(c.comment.length).toBeGreaterThan(5);
  });

  it('reports bad cues with file and line', () => {
    expect(() => parseDataCollectionCues('initiative:\n  - pattern: "("\n    comment: broken\ngap:\n  - pattern: x\n    comment: y\n', 'f.yaml'))
      .toThrow(/f\.yaml:2.*not a valid regular expression/);
    expect(() => parseDataCollectionCues('initiative:\n  - pattern: x\ngap: []\n', 'f.yaml')).toThrow(/f\.yaml:2.*comment is missing/);
  });
});

describe('collectDataInitiatives (fixtures)', () => {
  const paras = [
    P(3, 'introduction', 'The EU keeps a database of everything.'),
    P(23, 'description', 'ASEAN adopted a Work Plan. Its objectives are to facilitate the exchange of information and experience.'),
    P(44, 'achievements', 'For example, OSCE, COMMIT and the EU encourage such structures. These would manage data collection and information sharing.'),
    P(69, 'achievements', 'While the collection of credible statistical information is essential, trafficking remains underreported and underdocumented.'),
    P(70, 'achievements', 'The EU designs a standardized system for the collection of qualitative and quantitative data. A conference on “Guidelines for the Collection of Data, Including Comparable Indicators” was held on 23–24 February 2009.'),
    P(104, 'challenges', 'Without information and statistics, it is difficult to determine the extent of trafficking. Regional organizations could take a leading role in collecting data.'),
  ];
  // claims as the claims model gives them: who acts in which sentence
  const C = (para_no: number, sentence_no: number, mechanism_id: string, role = 'actor') => ({ doc_id: 'd1', para_no, sentence_no, mechanism_id, role });
  const claims = [
    C(3, 1, 'eu'), C(23, 1, 'asean'), C(23, 2, 'asean'), C(44, 1, 'osce'), C(44, 1, 'commit'), C(44, 1, 'eu'),
    C(70, 1, 'eu'), C(70, 2, 'eu'), C(70, 2, 'osce', 'passing'),
  ];
  const rows = collectDataInitiatives(paras, claims, CUES);
  const by = Object.fromEntries(rows.map((r) => [r.initiative_id, r]));

  it('finds initiatives of actor claims, with cue and year, one row per mechanism', () => {
    expect(by['p23-s2-asean']).toMatchObject({ kind: 'initiative', mechanism_id: 'asean', cue: 'exchange of information', year: null, para_no: 23 });
    expect(by['p70-s1-eu']).toMatchObject({ kind: 'initiative', mechanism_id: 'eu', cue: 'collection of qualitative and quantitative data' });
    expect(by['p70-s2-eu']).toMatchObject({ kind: 'initiative', mechanism_id: 'eu', year: 2009, cue: 'Comparable Indicators' });
  });

  it('credits no mechanism that is not the actor (a mention in passing) and no sentence without a claim', () => {
    expect(by['p70-s2-osce']).toBeUndefined();
    expect(by['p44-s2-osce']).toBeUndefined(); // "These would manage data collection": no claim on the sentence
  });

  it('finds gap statements, with no mechanism', () => {
    expect(by['p69-s1']).toMatchObject({ kind: 'gap', mechanism_id: null, cue: 'underreported' });
    expect(by['p104-s1']).toMatchObject({ kind: 'gap', mechanism_id: null, cue: 'Without information and statistics' });
  });

  it('skips unattributed data sentences and parts that make no claims', () => {
    expect(rows.some((r) => r.para_no === 3)).toBe(false);
    expect(rows.map((r) => r.initiative_id)).toEqual(['p23-s2-asean', 'p69-s1', 'p70-s1-eu', 'p70-s2-eu', 'p104-s1']);
  });

  it('quotes the sentence as printed', () => {
    for (const r of rows) expect(paras.find((p) => p.para_no === r.para_no)!.text).toContain(r.description);
    for (const r of rows) expect(r.description).toContain(r.cue);
  });
});

// ---- the real seed, through the parser and the registry ------------------------------------
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeReport, parseReport } from '../../pipelines/ingest/parse-report/index.ts';
import { seedClaims } from './claims/seed-claims.ts';

const SEED = fileURLToPath(new URL('../../seeds/A_HRC_14_32_en.txt', import.meta.url));

describe('collectDataInitiatives on A/HRC/14/32', () => {
  const report = parseReport(decodeReport(readFileSync(SEED), SEED), { file: SEED, docId: 'a-hrc-14-32' });
  const rows = collectDataInitiatives(report.paragraphs, seedClaims().claims, CUES);
  const of = (para: number) => rows.filter((r) => r.para_no === para);

  it('para 70: the EU standardized data-collection system and the conference on comparable indicators (2009)', () => {
    const p70 = of(70);
    expect(p70.every((r) => r.kind === 'initiative' && r.mechanism_id === 'eu')).toBe(true);
    expect(p70.map((r) => r.initiative_id)).toEqual(['p70-s1-eu', 'p70-s2-eu', 'p70-s3-eu']);
    expect(p70[0].description).toContain('standardized system for the collection of qualitative and quantitative data');
    expect(p70[2]).toMatchObject({ year: 2009, cue: 'Comparable Indicators' });
    expect(p70[2].description).toContain('“Guidelines for the Collection of Data on Trafficking in Human Beings, Including Comparable Indicators”');
  });

  it('para 83: COMMIT\'s case monitoring is not data collection (the labelled set reads it as prosecution work; recommendation 133 asks for it apart)', () => {
    expect(of(83)).toEqual([]);
  });

  it('para 23: the ASEAN Work Plan facilitates the exchange of information', () => {
    const [r] = of(23);
    expect(r).toMatchObject({ kind: 'initiative', mechanism_id: 'asean', cue: 'exchange of information' });
    expect(r.description).toMatch(/^The main objectives of the Work Plan are to facilitate the exchange of information and experience on trafficking/);
  });

  it('paras 69 and 104: statements that data are missing', () => {
    expect(of(69)).toEqual([expect.objectContaining({ kind: 'gap', mechanism_id: null, cue: 'underreported' })]);
    expect(of(69)[0].description).toContain('trafficking remains underreported and underdocumented');
    expect(of(104)).toEqual([expect.objectContaining({ kind: 'gap', mechanism_id: null, cue: 'Without information and statistics', initiative_id: 'p104-s1' })]);
  });

  it('skips data sentences no mechanism acts in (recommendations 113, 118; para 65; the national bodies of para 44)', () => {
    for (const p of [44, 65, 107, 113, 118, 119, 133]) expect(of(p)).toEqual([]);
  });

  it('quotes a sentence of the paragraph containing the cue, with a unique id', () => {
    const ids = rows.map((r) => r.initiative_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rows) {
      expect(report.paragraphs.find((p) => p.para_no === r.para_no)!.text).toContain(r.description);
      expect(r.description).toContain(r.cue);
      if (r.year !== null) expect(r.description).toContain(String(r.year));
    }
    const n = (k: string) => rows.filter((r) => r.kind === k).length;
    console.log(`data collection: ${n('initiative')} initiatives, ${n('gap')} gaps:`, rows.map((r) => `${r.initiative_id}:${r.mechanism_id ?? 'gap'}`).join(' '));
    expect(n('gap')).toBe(2);
  });
});
