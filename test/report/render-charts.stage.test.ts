import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EARLY_PRINTER_MAX_BYTES, renderChartsStage, sourceBytes } from '../../pipelines/report/render-charts.stage.ts';
import { chromiumAvailable } from '../../pipelines/report/briefing/print-pdf.ts';
import type { ReportStarts } from '../../pipelines/report/render-report.ts';
import type { WarmStart } from '../../pipelines/core/stage.ts';
import { briefingModel } from '../../pipelines/report/briefing/model.ts';
import { briefingChartNames, startBriefing } from '../../pipelines/report/write-briefing.ts';
import * as F from '../fixtures/charts/rows.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-warm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A seeds folder of `bytes` (a sparse file: no disk is used), with a nested file as corpora have. */
function seeds(name: string, bytes: number): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'more'), { recursive: true });
  writeFileSync(join(dir, 'manifest.yaml'), 'documents: []\n');
  writeFileSync(join(dir, 'more', 'doc.txt'), '');
  truncateSync(join(dir, 'more', 'doc.txt'), bytes);
  return dir;
}

/** Chromium processes this process started. */
function chromiumChildren(): number {
  const pids = readdirSync(`/proc/${process.pid}/task`).flatMap((t) => readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean));
  return pids.filter((p) => { try { return /chrom/i.test(readFileSync(`/proc/${p}/comm`, 'utf8')); } catch { return false; } }).length;
}

describe('sourceBytes', () => {
  it('adds up the files under the seeds folder, nested ones too', () => {
    expect(sourceBytes(seeds('sizes', 1234))).toBe(1234 + 'documents: []\n'.length);
  });

  it('counts a folder it cannot read as over any limit', () => {
    expect(sourceBytes(join(work, 'absent'))).toBe(Infinity);
  });
});

describe.skipIf(!chromiumAvailable())('render-charts warm-up', () => {
  const warm = async (seedsDir: string) => (await renderChartsStage.warmUp!({ seedsDir, previousDir: join(work, 'a-previous-build') }))! as ReportStarts & WarmStart;

  it('starts Chromium as the build starts for a small corpus', async () => {
    const before = chromiumChildren();
    const w = await warm(seeds('small', 10_000));
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(chromiumChildren()).toBeGreaterThan(before);
    } finally {
      await w.close();
    }
  });

  it('starts it only when the briefing is printed for a large one, and closes it', async () => {
    const before = chromiumChildren();
    const w = await warm(seeds('large', EARLY_PRINTER_MAX_BYTES + 1));
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(chromiumChildren()).toBe(before); // nothing held through the build
      const printer = await w.printer!();
      expect(await w.printer!()).toBe(printer); // launched once
      expect(chromiumChildren()).toBeGreaterThan(before);
    } finally {
      await w.close();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(chromiumChildren()).toBe(before);
  });

  it('closes Chromium once the briefing is printed, before the stage ends', async () => {
    const before = chromiumChildren();
    const w = await warm(seeds('print', EARLY_PRINTER_MAX_BYTES + 1));
    try {
      const doc = briefingModel(F.briefingTables());
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
      const charts = briefingChartNames(doc).map((name) => ({ name, title: name, description: name, svg, width: 10, height: 10 }));
      const started = await startBriefing(doc, { write: async () => {}, printer: w.printer!, charts });
      const pdf = await started.pdf;
      expect(Buffer.from(pdf!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await new Promise((r) => setTimeout(r, 200));
      expect(chromiumChildren()).toBe(before); // closed by the print, not by the warm-up's close
    } finally {
      await w.close();
    }
  });
});
