/**
 * Print the briefing's HTML to PDF with headless Chromium (A4, page numbers in
 * the footer). The page is loaded from a string with every request refused, so
 * the PDF shows exactly the self-contained HTML. Chromium stamps the PDF with
 * the clock; those dates are overwritten with the briefing's date (same length,
 * so the cross-reference table stays right) to keep builds byte-identical.
 */
import { existsSync } from 'node:fs';
import { AtlasError } from '../../core/errors.ts';
import { launchCdp, type CdpBrowser } from './cdp-pipe.ts';
import { escapeHtml } from '../render/html-escape.ts';

/**
 * The Chromium that prints (and that the browser tests drive): $ATLAS_CHROMIUM, else Debian's
 * chromium-headless-shell, else Debian's chromium. The headless shell is Chromium's headless
 * browser without the desktop browser around it: a cold seed build took 2.5-2.9 s less with it
 * (two alternating runs each: 11.9, 12.1 s against 9.0, 9.6 s; Chromium had been about a quarter
 * of the build's CPU), and the PDF's pages rasterise to the same pixels (pdftoppm); only the
 * PDF's Creator field differs.
 */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;
export const CHROMIUM = process.env.ATLAS_CHROMIUM ?? CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? CHROMIUM_CANDIDATES[1];

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Added for printing, as playwright added them when it drove Chromium: no scrollbar takes layout
 * width, colours in sRGB whatever the machine's profile, a pointer without hover, no extensions.
 */
const PRINT_ARGS = ['--hide-scrollbars', '--mute-audio', '--no-default-browser-check', '--force-color-profile=srgb',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
  '--disable-extensions', '--disable-default-apps', '--disable-dev-shm-usage', '--disable-features=PaintHolding,MediaRouter,OptimizationHints'];

/** A4 in inches, as playwright's `format: 'A4'` gave it to Chromium. */
const A4 = { paperWidth: 8.27, paperHeight: 11.7 };

/** Printed area of an A4 page with the briefing's @page margins (14 mm sides and top, 18 mm bottom), in CSS px. */
const CONTENT_WIDTH_PX = Math.floor(((210 - 28) / 25.4) * 96);
const CONTENT_HEIGHT_PX = Math.floor(((297 - 32) / 25.4) * 96) - 8;

/**
 * Runs in the page: a section kept whole with its chart that is taller than a
 * page would be split by the printer, so its chart is shrunk (aspect kept) until
 * the section fits.
 */
function fitSectionsToPages(pageHeight: number): void {
  for (const s of Array.from(document.querySelectorAll('section.keep'))) {
    const svg = s.querySelector('figure.chart svg') as SVGSVGElement | null;
    const excess = s.getBoundingClientRect().height - pageHeight;
    if (svg && excess > 0) svg.style.maxHeight = `${Math.max(160, svg.getBoundingClientRect().height - excess)}px`;
  }
}

/** Replace the PDF's creation and modification dates (D:YYYYMMDDHHmmSS…) with `iso`, keeping each string's length. */
export function fixPdfDates(pdf: Uint8Array, iso: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = `D:${(iso || '1980-01-01').slice(0, 10).replaceAll('-', '')}000000`;
  const fixed = text.replace(/\/(CreationDate|ModDate)\s*\((D:[^)]*)\)/g, (_m, key: string, value: string) => {
    const v = (stamp + 'Z'.padEnd(value.length, ' ')).slice(0, value.length);
    return `/${key} (${v})`;
  });
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/** Is there a Chromium to print with? */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Chromium with a blank page open, laid out at the printed width: ready to print one page. */
export interface Printer {
  browser: CdpBrowser;
  targetId: string;
  /** The page's session (flat mode). */
  session: string;
  /** Close Chromium. */
  close(): Promise<void>;
}

/**
 * Start Chromium and open the page to print into. The render stage starts it before the charts,
 * so Chromium's start-up and its renderer's (about a quarter of a second until the page takes
 * its size) overlap their rendering; whoever launches it closes it.
 */
export async function launchPrinter(): Promise<Printer> {
  if (!existsSync(CHROMIUM)) {
    throw new AtlasError(`Chromium is not installed at ${CHROMIUM}; the briefing PDF is printed with it`, {
      stage: 'write-briefing', hint: 'apt-get install -y chromium-headless-shell (or chromium; or set ATLAS_CHROMIUM to its path)',
    });
  }
  const browser = await launchCdp(CHROMIUM, [...CHROMIUM_ARGS, ...PRINT_ARGS]);
  try {
    const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId: session } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    // every request is refused: the page shows exactly the self-contained HTML (data: URLs are never requests)
    browser.on('Fetch.requestPaused', (p, from) => {
      if (from === session) browser.send('Fetch.failRequest', { requestId: p.requestId, errorReason: 'BlockedByClient' }, session).catch(() => undefined);
    });
    await browser.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, session);
    // Lay the page out at the printed width (A4 less the 14 mm side margins of the page's @page rule).
    await browser.send('Emulation.setDeviceMetricsOverride', { width: CONTENT_WIDTH_PX, height: CONTENT_HEIGHT_PX, deviceScaleFactor: 1, mobile: false }, session);
    // print media from the start, so the page is laid out once for print rather than for the screen first
    await browser.send('Emulation.setEmulatedMedia', { media: 'print' }, session);
    return { browser, targetId, session, close: () => browser.close() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Evaluate an expression in the page, waiting for the promise it gives; an exception in it rejects. */
async function evaluate(browser: CdpBrowser, session: string, expression: string): Promise<void> {
  const r = await browser.send<{ exceptionDetails?: { text: string; exception?: { description?: string } } }>(
    'Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, session);
  if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
}

/**
 * The PDF of a self-contained HTML page, printed by `printer` (else by a Chromium started here).
 * A printer prints one page, and Chromium is closed once it has: at 1,000 documents the charts
 * ran on for seconds after the print, near the build's peak memory.
 */
export async function printPdf(html: string, opts: { footer: string; date: string }, printer?: Printer): Promise<Uint8Array> {
  const { browser, targetId, session: s, close } = printer ?? await launchPrinter();
  try {
    // the HTML written into the blank page (as playwright's setContent does), then its load awaited
    await evaluate(browser, s, `(async (html) => {
      document.open(); document.write(html); document.close();
      while (document.readyState !== 'complete') await new Promise((r) => setTimeout(r, 5));
      await document.fonts.ready;
    })(${JSON.stringify(html)})`);
    await evaluate(browser, s, `(${fitSectionsToPages.toString()})(${CONTENT_HEIGHT_PX})`);
    const { data } = await browser.send<{ data: string }>('Page.printToPDF', {
      ...A4,
      marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: `<div style="font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: 7.5pt; color: #555; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;">`
        + `<span>${escapeHtml(opts.footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    }, s);
    await browser.send('Target.closeTarget', { targetId });
    return fixPdfDates(new Uint8Array(Buffer.from(data, 'base64')), opts.date);
  } finally {
    await close();
  }
}
