/**
 * The chart pages and the briefing in a real browser, offline: render the
 * fixtures into a temp folder, open each page from disk in headless Chromium
 * with every non-file request aborted, and check that marks are drawn, nothing
 * errors, hostile text stays text, and no alert fires. Screenshots go to
 * $ATLAS_SCREENSHOT_DIR (default output/screenshots).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser, openOffline as openPage, type Watch } from '../helpers/browser.ts';
import { renderCharts, type ChartTables } from '../../pipelines/report/render-charts.ts';
import { writeBriefing } from '../../pipelines/report/write-briefing.ts';
import { CHART_NAMES, type ChartName } from '../../pipelines/report/charts/index.ts';
import * as F from '../fixtures/charts/rows.ts';

const SCREENSHOTS = resolve(process.env.ATLAS_SCREENSHOT_DIR ?? 'output/screenshots');

/** The SVG elements that must exist once each chart is drawn. */
const MARKS: Record<ChartName, string> = {
  'region-theme-heatmap': '.mark-rect path',
  'mechanism-theme-matrix': '.mark-rect path',
  'themes-ranked': '.mark-rect path',
  'gender-inclusion': '.mark-rect path',
  'redress-elements': '.mark-rect path',
  'request-responses': '.mark-rect path',
  'recommendations-coverage': '.mark-rect path',
  'member-map': '.mark-shape path',
  'protection-map': '.mark-shape path',
  'scores-by-mechanism': '.mark-symbol path',
  'country-profile': '.mark-rect path',
};

const tables: ChartTables = F.chartTables();

let dir = '';
let browser: Browser | undefined;

const openOffline = (url: string) => openPage(browser!, url, { width: 1100, height: 900 });

function expectClean(watch: Watch) {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.blocked).toEqual([]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atlas-browser-'));
  const write = async (rel: string, data: string | Uint8Array) => {
    const f = join(dir, rel);
    await mkdir(dirname(f), { recursive: true });
    await writeFile(f, data);
  };
  const { charts } = await renderCharts(tables, { write });
  await writeBriefing(F.briefingTables(), { charts, write, pdf: false });
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('chart pages in Chromium, offline', () => {
  for (const name of CHART_NAMES) {
    it(`${name}: draws its marks with no errors`, async () => {
      const { page, watch } = await openOffline(pathToFileURL(join(dir, 'charts', `${name}.html`)).href);
      await page.waitForSelector('body[data-rendered="true"]', { timeout: 30_000 });
      const marks = await page.locator(`#vis svg ${MARKS[name]}`).count();
      expect(marks).toBeGreaterThan(5);
      // Accessible name and document title.
      expect(await page.title()).not.toBe('');
      expect(await page.getAttribute('#vis', 'aria-label')).toMatch(/\S{10,}/);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      expectClean(watch);
      await page.context().close();
    });
  }

  it('request-responses: the tooltip shows the organisations, hostile text escaped, no alert', async () => {
    const { page, watch } = await openOffline(pathToFileURL(join(dir, 'charts', 'request-responses.html')).href);
    await page.waitForSelector('body[data-rendered="true"]', { timeout: 30_000 });
    const bar = page.locator('#vis svg .mark-rect path[aria-label*="African Union"]').first();
    await bar.hover();
    const tip = page.locator('#vg-tooltip-element');
    await expect.poll(async () => (await tip.textContent()) ?? '', { timeout: 10_000 }).toContain('African Union (AU)');
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain(F.SCRIPT_PAYLOAD); // shown as text…
    expect(text).toContain('para. 3');
    expect(await tip.locator('script').count()).toBe(0); // …not as an element
    expect(await tip.innerHTML()).toContain('&lt;script&gt;');
    await page.screenshot({ path: join(SCREENSHOTS, 'request-responses-tooltip.png') });
    expectClean(watch);
    await page.context().close();
  });
});

describe('briefing in Chromium, offline', () => {
  it('shows every finding with escaped hostile text and its inline charts, loads nothing, no alert', async () => {
    const { page, watch } = await openOffline(pathToFileURL(join(dir, 'briefing', 'briefing.html')).href);
    await page.waitForLoadState('load');
    expect(await page.locator('div.finding').count()).toBe(F.dataGapRows().length);
    // The payloads appear as text, and created no element.
    expect(await page.locator('div.finding .statement', { hasText: F.SCRIPT_PAYLOAD }).count()).toBe(1);
    expect(await page.locator('div.finding blockquote', { hasText: F.SCRIPT_PAYLOAD }).count()).toBe(1);
    expect(await page.locator('div.finding', { hasText: F.IMG_PAYLOAD }).count()).toBe(1);
    expect(await page.locator('script, img, link').count()).toBe(0);
    // Every chart is inline SVG, drawn with its marks.
    const charts = await page.locator('figure.chart svg').evaluateAll((els) =>
      els.map((e) => ({ marks: e.querySelectorAll('path').length, width: e.getBoundingClientRect().width })));
    expect(charts.length).toBe(6);
    for (const c of charts) { expect(c.marks).toBeGreaterThan(5); expect(c.width).toBeGreaterThan(100); }
    await expect.poll(() => page.locator('.statement', { hasText: 'A/HRC/14/32, paras. 85, 87, 88' }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'briefing.png'), fullPage: true });
    expectClean(watch);
    await page.context().close();
  });
});
