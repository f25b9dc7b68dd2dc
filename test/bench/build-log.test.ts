import { describe, expect, it } from 'vitest';
import { medianStages, parseBuildLog, stageRows, stagesRan } from '../../bench/build-log.ts';

// lines as pipelines/core/log.ts and pipelines/build.ts print them, with warnings and ingest lines between
const COLD = [
  '  syn-0001.txt             A/HRC/14/32/SYN.1         - pages   137 paragraphs    8 footnotes    0 items  read 3 ms, parse 12 ms',
  '[ran] ingest-report              documents=1000 paragraphs=137000 headings=45000  12961 ms',
  'warning: ingest-report: table blocks is empty',
  '[ran] check-citations                                                                131 ms',
  '[ran] sql:staging/stg_main_instruments stg_main_instruments=13                              23 ms',
  '[ran] render-charts              files:charts files:briefing                       53044 ms',
  'built /work/tmp/out1000: 51 tables, 183 files in 137.50 s',
].join('\n');

const WARM = [
  '[fresh] ingest-report              documents=1000                                      0 ms',
  '[fresh] check-citations                                                              0 ms',
  '[ran] render-charts              files:charts                                       41 ms',
  'built out: 51 tables, 183 files in 0.06 s',
].join('\n');

describe('the build log in the benchmark', () => {
  it('reads every stage line, with or without a detail, and the in-process time', () => {
    const log = parseBuildLog(COLD);
    expect(log.stages).toEqual([
      { status: 'ran', name: 'ingest-report', ms: 12961 },
      { status: 'ran', name: 'check-citations', ms: 131 },
      { status: 'ran', name: 'sql:staging/stg_main_instruments', ms: 23 },
      { status: 'ran', name: 'render-charts', ms: 53044 },
    ]);
    expect(log.inProcessMs).toBe(137_500);
  });

  it('tells the stages that ran from the fresh ones', () => {
    expect(stagesRan(parseBuildLog(WARM))).toEqual(['render-charts']);
    expect(parseBuildLog('no build here').inProcessMs).toBeNull();
  });

  it('takes each stage\'s median over builds and lines up builds by stage in pipeline order', () => {
    const runs = [COLD, COLD.replace('131 ms', '151 ms'), COLD.replace('131 ms', '90 ms')].map(parseBuildLog);
    const m = medianStages(runs);
    expect([...m.keys()]).toEqual(['ingest-report', 'check-citations', 'sql:staging/stg_main_instruments', 'render-charts']);
    expect(m.get('check-citations')).toBe(131);
    const rows = stageRows([m, new Map([['ingest-report', 5], ['write-workbook', 7]])]);
    expect(rows.map((r) => r.name)).toEqual(['ingest-report', 'check-citations', 'sql:staging/stg_main_instruments', 'render-charts', 'write-workbook']);
    expect(rows[0]!.ms).toEqual([12961, 5]);
    expect(rows[4]!.ms).toEqual([null, 7]);
  });
});
