import { describe, expect, it } from 'vitest';
import { parseBuildLog } from '../../bench/build-log.ts';
import { figure, markdown, targetValues, type CorpusResult, type Results } from '../../bench/report.ts';
import { verdicts } from '../../bench/targets.ts';

const run = (wallMs: number, peakKB: number) => ({ code: 0, wallMs, peakKB, stderr: '' });
const buildLog = (ingest: number, charts: number, total: number, claims = 0) =>
  parseBuildLog(`[ran] ingest-report  documents=1  ${ingest} ms\n[ran] render-charts  files:charts  ${charts} ms\n`
    + (claims ? `[ran] extract-claims  claim_spans=9  ${claims} ms\n[ran] sql:intermediate/claims  claims=9  ${claims / 4} ms\n` : '')
    + `built out: 1 tables, 2 files in ${(total / 1000).toFixed(2)} s`);
const fresh = parseBuildLog('[fresh] ingest-report  documents=1  0 ms\n[fresh] render-charts  files:charts  0 ms\nbuilt out: 1 tables, 2 files in 0.05 s');

const floor = figure('floor: tsx running an empty file', [run(240, 90_000), run(250, 91_000), run(300, 90_500)], []);
const alone = (totalMs: number) => ({ findMs: totalMs / 2, writeMs: totalMs / 4, modelMs: totalMs / 4, totalMs, claims: 300_000, exportCheckMs: totalMs / 40 });
const exportsAlone = {
  wallMs: 16_200, userMs: 18_400, systemMs: 10_300, bytes: 2_680_000_000,
  tables: [{ table: 'documents', wallMs: 120, cpuMs: 170, bytes: 90_000 }, { table: 'evidence_named', wallMs: 2_470, cpuMs: 4_240, bytes: 555_000_000 }],
};
const corpus = (n: number, wallMs: number, peakKB: number): CorpusResult => ({
  n, paragraphs: 137 * n, mb: 0.0768 * n, out: '/tmp/x',
  ...(n === 1000 ? { claimsAlone: [alone(2_100), alone(1_900), alone(2_400)], exportsAlone } : {}),
  cold: figure(`${n.toLocaleString('en-US')} documents, cold`, [run(wallMs, peakKB)], [buildLog(wallMs / 4, wallMs / 4, wallMs - 300, n === 1000 ? 1_800 : 0)]),
  noChange: figure(`${n.toLocaleString('en-US')} documents, no change`, [run(400, 150_000)], [fresh]),
});

function results(): Results {
  const partial = {
    floor,
    seed: {
      cold: figure('seed, cold', [run(2_100, 700_000), run(1_900, 720_000), run(2_000, 710_000)],
        [buildLog(100, 1_000, 1_700), buildLog(120, 900, 1_600), buildLog(110, 950, 1_650)]),
      noChange: figure('seed, no change', [run(450, 120_000), run(500, 130_000), run(480, 125_000)], [fresh, fresh, fresh]),
    },
    corpora: [corpus(100, 1_500, 600_000), corpus(1000, 12_000, 1_640_000)],
    slope: { from: 100, to: 1000, wall: Math.log10(12_000 / 1_500), inProcess: null },
  };
  return { generated: '2026-01-01T00:00:00.000Z', machine: 'test', mode: 'full', ...partial, targets: verdicts(targetValues(partial)) };
}

describe('the benchmark report', () => {
  it('makes a figure from runs: median wall and in-process time, the largest peak, median stage times', () => {
    const r = results();
    expect(floor.wallMs).toBe(250);
    expect(floor.peakKB).toBe(91_000);
    expect(r.seed!.cold.wallMs).toBe(2_000);
    expect(r.seed!.cold.inProcessMs).toBe(1_650);
    expect(r.seed!.cold.peakKB).toBe(720_000);
    expect(r.seed!.cold.stages.get('render-charts')).toBe(950);
    expect(r.seed!.noChange.ran).toEqual([]);
  });

  it('checks the targets against the floor of the same run and the 1,000-document build', () => {
    const v = Object.fromEntries(results().targets.map((t) => [t.id, t]));
    expect(v['seed-cold']!.value).toBe(8);            // 2,000 / 250
    expect(v['seed-cold']!.verdict).toBe('PASS');
    expect(v['seed-no-change']!.value).toBeCloseTo(1.92, 10);
    expect(v['corpus-1000-wall']).toMatchObject({ value: 12, verdict: 'MISS' });
    expect(v['corpus-1000-memory']).toMatchObject({ value: 1.64, verdict: 'MISS' });
    expect(v['slope-100-1000']!.verdict).toBe('PASS'); // log10(8) = 0.90
    expect(v['claims-1000']).toMatchObject({ value: 2.1, verdict: 'MISS' }); // the median of the runs alone, not the 2.25 s in the build
  });

  it('prints the targets, every build as a ratio of the floor, and a stage table with what the stages leave out', () => {
    const md = markdown(results());
    expect(md).toContain('| seed, cold build (charts included) | ≤ 8× | 8.0× floor | **PASS** |');
    expect(md).toContain('| 1,000 documents, cold build, peak memory | ≤ 1.5 GB | 1.64 GB | **MISS** |');
    expect(md).toContain('| seed, cold | 3 | 2.00 | 8.0× | 1.65 | 0.35 | 0.72 | 2 |');
    expect(md).toContain('| seed, no change | 3 | 0.48 | 1.9× | 0.05 | 0.43 | 0.13 | 0 |');
    expect(md).toContain('| stage | seed | 100 documents | 1,000 documents |');
    expect(md).toContain('| `render-charts` | 950 | 375 | 3,000 |');
    // 1,000 documents: in-process 11,700 ms, of which the stages 8,250 (with the claims' 2,250); outside runBuild 300 ms
    expect(md).toContain('| runBuild outside the stages (open, export, hash, publish) | 590 | 450 | 3,450 |');
    expect(md).toContain('| claims at 1,000 documents (stages extract-claims and sql:intermediate/claims, alone) | ≤ 2 s | 2.10 s | **MISS** |');
    expect(md).toContain('finding them 1,050 ms, writing and checking claim_spans 525 ms, the SQL model claims 525 ms; **2.10 s** alone. Claims, an exported view, is checked on its Parquet file as it is exported: 53 ms more, in the export. In the cold build, beside the stages that run at the same time, the two stages took 2.25 s.');
    expect(md).toContain('| outside runBuild (process start, module loading, exit) | 350 | 300 | 300 |');
    expect(md).toContain('**Exports at 1,000 documents, alone** (`bench/exports-alone.ts`');
    expect(md).toContain('**16.2 s**, CPU 18.4 s user and 10.3 s system, 2.68 GB written. Longest: evidence_named 2.47 s (0.56 GB), documents 0.12 s (0.00 GB).');
    expect(md).toMatch(/Log-log slope of time against documents, 100 → 1,000: wall 0\.90/);
  });

  it('shows no time outside the stages when the stages overlapped (their times add up to more than the build)', () => {
    const r = results();
    const overlapped = { ...r, seed: { ...r.seed!, cold: figure('seed, cold', [run(2_000, 700_000)], [buildLog(1_000, 1_000, 1_500)]) } };
    expect(markdown(overlapped)).toMatch(/\| runBuild outside the stages \(open, export, hash, publish\) \| – \| 450 \|/);
  });

  it('leaves the 1,000-document targets unrun in quick mode', () => {
    const partial = { floor, seed: results().seed, corpora: [corpus(100, 1_500, 600_000)], slope: null };
    const v = verdicts(targetValues(partial));
    expect(v.filter((x) => x.verdict === 'not run').map((x) => x.id)).toEqual(['corpus-1000-wall', 'corpus-1000-memory', 'slope-100-1000', 'claims-1000']);
  });
});
