/**
 * The explorer in headless Chromium, offline: the seed build's
 * explorer/index.html (made by the global setup) and a fixture build whose
 * quote carries a script payload, each opened from file:// with every
 * non-file request aborted. Screenshots go to $ATLAS_SCREENSHOT_DIR
 * (default output/screenshots).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, ElementHandle, Page } from 'playwright-core';
import { writeExplorer } from '../../pipelines/report/write-explorer.ts';
import { builtOut } from '../helpers/built.ts';
import { launchBrowser, openOffline as openPage, type Watch } from '../helpers/browser.ts';
import * as F from '../fixtures/explorer/rows.ts';

const SCREENSHOTS = resolve(process.env.ATLAS_SCREENSHOT_DIR ?? 'output/screenshots');

let fixtureDir = '';
let browser: Browser | undefined;

const openOffline = (url: string) => openPage(browser!, url, { width: 1440, height: 1000 }, 'body[data-ready="true"]');

function expectClean(watch: Watch) {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.blocked).toEqual([]);
}

const seedPage = (hash = '') => pathToFileURL(join(builtOut(), 'explorer', 'index.html')).href + hash;

/** The matrix cell drawn for a mechanism × theme (found through the datum vega binds to each SVG path). */
async function matrixCell(page: Page, mechanismId: string, themeId: string): Promise<ElementHandle<Element>> {
  const h = await page.evaluateHandle(([m, t]) => Array.from(document.querySelectorAll('#matrix path[data-cell]'))
    .find((p) => {
      const d = (p as unknown as { __data__: { datum: { mechanism_id: string; theme_id: string } } }).__data__.datum;
      return d.mechanism_id === m && d.theme_id === t;
    }), [mechanismId, themeId]);
  const el = h.asElement();
  if (!el) throw new Error(`no matrix cell for ${mechanismId} × ${themeId}`);
  return el as ElementHandle<Element>;
}

beforeAll(async () => {
  fixtureDir = await mkdtemp(join(tmpdir(), 'atlas-explorer-'));
  const write = async (rel: string, data: string | Uint8Array) => {
    const f = join(fixtureDir, rel);
    await mkdir(dirname(f), { recursive: true });
    await writeFile(f, data);
  };
  await writeExplorer(F.explorerInput(), { write, docSymbol: 'A/HRC/14/32' });
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (fixtureDir) await rm(fixtureDir, { recursive: true, force: true });
});

describe('explorer of the seed build, offline from file://', () => {
  it('draws both charts, one tab stop each, with no errors and no request leaving the page', async () => {
    const { page, watch } = await openOffline(seedPage());
    expect(new URL(page.url()).protocol).toBe('file:');
    expect(await page.locator('#matrix path[data-cell]').count()).toBeGreaterThan(300);
    expect(await page.locator('#heatmap path[data-cell]').count()).toBeGreaterThan(50);
    expect(await page.locator('#matrix path[data-cell][tabindex="0"]').count()).toBe(1);
    expect(await page.locator('#heatmap path[data-cell][tabindex="0"]').count()).toBe(1);
    expect(await page.locator('#reader-body p.para').count()).toBe(137);
    expectClean(watch);
    await page.context().close();
  });

  it('clicking the COMMIT × Training cell lists its claims with their quotes', async () => {
    const { page, watch } = await openOffline(seedPage());
    await (await matrixCell(page, 'commit', 'training')).click();
    await expect.poll(() => page.locator('#claims-title').textContent()).toBe('COMMIT × Training');
    const p68 = page.locator('#claims li[data-para="68"]');
    expect(await p68.count()).toBe(1);
    expect(await p68.locator('blockquote').textContent()).toContain('COMMIT conducts training needs assessments');
    expect(await p68.locator('blockquote mark').first().textContent()).toBe('COMMIT');
    expect(await p68.locator('a.cite').textContent()).toBe('A/HRC/14/32, para. 68');
    expect(await p68.locator('.role').textContent()).toBe('actor');
    expect(await (await matrixCell(page, 'commit', 'training')).getAttribute('class')).toContain('selected');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#claims?mechanism=commit&region=Asia-Pacific&theme=training');
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-cell.png') });
    expectClean(watch);
    await page.context().close();
  });

  it('a #claims link opens the same list (the briefing can link to it)', async () => {
    const { page, watch } = await openOffline(seedPage('#claims?mechanism=commit&theme=training'));
    expect(await page.locator('#claims-title').textContent()).toBe('COMMIT × Training');
    expect(await page.locator('#claims li[data-para="68"]').count()).toBe(1);
    expect(await page.inputValue('#f-region')).toBe('Asia-Pacific');
    expectClean(watch);
    await page.context().close();
  });

  it('searching "compensation" lists paragraph 88 with the word highlighted', async () => {
    const { page, watch } = await openOffline(seedPage());
    await page.fill('#q', 'compensation');
    const hit = page.locator('#results li[data-para="88"]');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.locator('a.cite').textContent()).toBe('A/HRC/14/32, para. 88');
    expect((await hit.locator('mark').first().textContent())?.toLowerCase()).toBe('compensation');
    expect(await page.locator('#search-summary').textContent()).toMatch(/^\d+ paragraphs match “compensation”/);
    expectClean(watch);
    await page.context().close();
  });

  it('the deep link #a-hrc-14-32/88 opens paragraph 88, in view below the filter bar and highlighted', async () => {
    const { page, watch } = await openOffline(seedPage('#a-hrc-14-32/88'));
    const para = page.locator('[id="a-hrc-14-32/88"]');
    expect(await para.getAttribute('class')).toContain('current');
    expect(await para.textContent()).toContain('article 15 of the CoE Convention');
    expect(await para.locator('mark', { hasText: 'CoE Convention' }).count()).toBe(1);
    const box = await para.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, barBottom: document.getElementById('filters')!.getBoundingClientRect().bottom, vh: innerHeight, focused: document.activeElement === el };
    });
    expect(box.top).toBeGreaterThanOrEqual(box.barBottom - 1);
    expect(box.top).toBeLessThan(box.vh / 2);
    expect(box.focused).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-para88.png') });
    expectClean(watch);
    await page.context().close();
  });

  it('is usable from the keyboard: skip link to search, Tab to a cell, arrows move, Enter opens, focus is visible', async () => {
    const { page, watch } = await openOffline(seedPage());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#matrix') !== null)).toBe(true);
    const first = await page.evaluate(() => document.activeElement!.getAttribute('data-cell'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => ({
      cell: document.activeElement!.getAttribute('data-cell'),
      stroke: getComputedStyle(document.activeElement!).stroke,
      datum: (document.activeElement as unknown as { __data__: { datum: { acronym: string; theme_label: string } } }).__data__.datum,
    }));
    expect(moved.cell).not.toBe(first);
    expect(moved.stroke).toBe('rgb(213, 94, 0)');
    await page.keyboard.press('Enter');
    expect(await page.locator('#claims-title').textContent()).toBe(`${moved.datum.acronym} × ${moved.datum.theme_label}`);
    expectClean(watch);
    await page.context().close();
  });
});

describe('explorer of a fixture build with a script payload in a quote', () => {
  it('shows the payload as text in the claims and the reader, and runs nothing', async () => {
    const { page, watch } = await openOffline(pathToFileURL(join(fixtureDir, 'explorer', 'index.html')).href);
    await (await matrixCell(page, 'commit', 'training')).click();
    const quote = page.locator('#claims li[data-para="68"] blockquote');
    await expect.poll(() => quote.count()).toBe(1);
    expect(await quote.textContent()).toContain(F.PAYLOAD);
    expect(await page.locator('[id="a-hrc-14-32/68"]').textContent()).toContain(F.PAYLOAD);
    expect(await page.locator('#claims script, #claims img, #reader-body script, #reader-body img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(7); // 4 vendor scripts, 2 JSON blocks, the client
    await page.waitForTimeout(200);
    expectClean(watch); // no alert dialog, no request for the image "x"
    await page.context().close();
  });
});
