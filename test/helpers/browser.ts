/**
 * Headless Chromium for the browser tests: offline pages (every request that is not
 * file: is aborted and recorded), with console errors, page errors and dialogs watched.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../pipelines/report/briefing/print-pdf.ts';

export interface Watch { consoleErrors: string[]; pageErrors: string[]; dialogs: string[]; blocked: string[] }

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; the browser tests need it: run \`apt-get install -y chromium-headless-shell\``);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Open a page with the network blocked; resolves once it has loaded (and, when given, once `ready` matches). */
export async function openOffline(browser: Browser, url: string, viewport: { width: number; height: number }, ready?: string): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const watch: Watch = { consoleErrors: [], pageErrors: [], dialogs: [], blocked: [] };
  await page.route('**/*', (r) => {
    if (r.request().url().startsWith('file:')) return r.continue();
    watch.blocked.push(r.request().url());
    return r.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') watch.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  page.on('dialog', (d) => { watch.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  await page.goto(url);
  if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
  return { page, watch };
}
