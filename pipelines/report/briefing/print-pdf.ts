/**
 * Print the briefing's HTML to PDF with headless Chromium (A4, page numbers in
 * the footer). The page is loaded from a string with every request refused, so
 * the PDF shows exactly the self-contained HTML. Chromium stamps the PDF with
 * the clock; those dates are overwritten with the briefing's date (same length,
 * so the cross-reference table stays right) to keep builds byte-identical.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AtlasError } from '../../core/errors.ts';
import { escapeHtml } from '../render/html-escape.ts';

export const CHROMIUM = process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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

export type Printer = Browser;

/**
 * Start Chromium for printing. The render stage starts it before the charts, so its
 * start-up overlaps their rendering; whoever launches it closes it.
 */
export async function launchPrinter(): Promise<Printer> {
  if (!existsSync(CHROMIUM)) {
    throw new AtlasError(`Chromium is not installed at ${CHROMIUM}; the briefing PDF is printed with it`, {
      stage: 'write-briefing', hint: 'apt-get install -y chromium (or set ATLAS_CHROMIUM to its path)',
    });
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The PDF of a self-contained HTML page, printed by `printer` (else by a Chromium started and closed here). */
export async function printPdf(html: string, opts: { footer: string; date: string }, printer?: Printer): Promise<Uint8Array> {
  const browser = printer ?? await launchPrinter();
  try {
    // Lay the page out at the printed width (A4 less the 14 mm side margins of the page's @page rule).
    const page = await browser.newPage({ viewport: { width: CONTENT_WIDTH_PX, height: CONTENT_HEIGHT_PX } });
    await page.route('**/*', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(fitSectionsToPages, CONTENT_HEIGHT_PX);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: `<div style="font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: 7.5pt; color: #555; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;">`
        + `<span>${escapeHtml(opts.footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      tagged: true,
      outline: true,
    });
    await page.close();
    return fixPdfDates(new Uint8Array(pdf), opts.date);
  } finally {
    if (!printer) await browser.close();
  }
}
