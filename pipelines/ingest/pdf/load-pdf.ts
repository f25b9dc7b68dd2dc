/**
 * Open a PDF with pdfjs-dist and return every page's positioned text items
 * (string, baseline position, font size, bold/italic from the font name).
 * Everything pdfjs can fail on — encryption, a broken or truncated file, too
 * many pages, too many text items, a document that takes too long — becomes
 * an AtlasError naming the file and what to do.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AtlasError } from '../../core/errors.ts';

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in PDF points from the bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  bold: boolean;
  italic: boolean;
}

export interface PdfPage {
  /** 1-based page number. */
  no: number;
  width: number;
  height: number;
  items: PdfItem[];
}

export interface PdfText {
  pages: PdfPage[];
  /** The document information dictionary (Title, Author, Producer …) as pdfjs gives it. */
  info: Record<string, unknown>;
  /** Milliseconds spent in pdfjs. */
  ms: number;
}

export interface PdfLimits {
  /** Refuse files larger than this many bytes. */
  maxBytes: number;
  /** Refuse documents with more pages. */
  maxPages: number;
  /** Refuse a page with more text items (a page of a report holds a few thousand at most). */
  maxItemsPerPage: number;
  /** Stop reading a document after this many milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxPages: 2_000,
  maxItemsPerPage: 50_000,
  timeoutMs: 120_000,
};

const STAGE = 'read-pdf';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
/** The worker module ships without type declarations: imported by a name typed as a plain string. */
const PDFJS_WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
let pdfjs: Promise<PdfJs> | null = null;

/**
 * Built-ins that the legacy build of pdfjs-dist replaces with core-js
 * polyfills when it loads, though Node's own are correct for what pdfjs does:
 * the polyfilled Array.prototype.push is about 2.5 times slower (pdfjs itself
 * spends a fifth of its time in it) and JSON.stringify about 20 times, for
 * every caller in the thread. (What the build adds, such as
 * Promise.withResolvers, stays: Node 20 lacks it.)
 */
function nativeBuiltIns(): () => void {
  const push = Array.prototype.push;
  const { stringify, parse } = JSON;
  const toString = Function.prototype.toString;
  return () => {
    Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(JSON, 'stringify', { value: stringify, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(JSON, 'parse', { value: parse, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(Function.prototype, 'toString', { value: toString, writable: true, configurable: true, enumerable: false });
  };
}

/**
 * pdfjs is loaded on first use, so text-only builds do not pay for it. Its
 * worker module (which runs in this thread: Node has no pdfjs web worker) is
 * loaded here too, as `globalThis.pdfjsWorker`, where pdfjs looks for it
 * first: both carry the polyfills, and Node's built-ins are put back once both
 * have loaded.
 */
function loadPdfJs(): Promise<PdfJs> {
  if (pdfjs === null) {
    const restore = nativeBuiltIns();
    pdfjs = (async () => {
      const api = await import('pdfjs-dist/legacy/build/pdf.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(PDFJS_WORKER);
      restore();
      return api;
    })();
  }
  return pdfjs;
}

function standardFontDataUrl(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
}

/** Is this byte array a PDF at all (the header may follow a little junk, as readers allow)? */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Does the file end with "%%EOF" (writers may add a little whitespace or junk after it)? */
export function hasEndOfFile(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1').includes('%%EOF');
}

function fontStyle(name: string): { bold: boolean; italic: boolean } {
  return { bold: /bold|black|heavy|semibold|demi/i.test(name), italic: /italic|oblique/i.test(name) };
}

class Deadline {
  private readonly end: number;
  constructor(private readonly file: string, private readonly ms: number) { this.end = performance.now() + ms; }
  /** Race a pdfjs promise against the time left. */
  async race<T>(p: Promise<T>, what: string): Promise<T> {
    // a call still running when time is up rejects later, once the document is destroyed: that is expected
    p.catch(() => {});
    const left = this.end - performance.now();
    if (left <= 0) throw this.error(what);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(this.error(what)), left); });
    try { return await Promise.race([p, timeout]); } finally { clearTimeout(timer); }
  }
  private error(what: string): AtlasError {
    return new AtlasError(`reading the PDF took longer than ${(this.ms / 1000).toFixed(0)} s (stopped while ${what})`, {
      file: this.file, stage: STAGE,
      hint: 'the file may be damaged or unusually complex; open it in a PDF reader and save a copy ("print to PDF"), then add that copy',
    });
  }
}

/** Translate a pdfjs exception into an error a user can act on. */
function pdfjsError(file: string, e: unknown): AtlasError {
  if (e instanceof AtlasError) return e;
  const err = e as { name?: string; message?: string };
  const name = err?.name ?? '';
  const msg = err?.message ?? String(e);
  if (name === 'PasswordException') {
    return new AtlasError('the PDF is encrypted (it asks for a password), so its text cannot be read', {
      file, stage: STAGE,
      hint: 'download an unprotected copy from the Official Document System (documents.un.org), or remove the password with the owner\'s permission (e.g. qpdf --decrypt in.pdf out.pdf) and add that file',
    });
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'MissingPDFException' || /Invalid PDF|Bad (?:XRef|end)|Illegal character|Unexpected end/i.test(msg)) {
    return new AtlasError(`the PDF is damaged or truncated and cannot be read (${msg})`, {
      file, stage: STAGE, hint: 'download the document again (the copy may be incomplete) and add the new file',
    });
  }
  return new AtlasError(`pdfjs could not read the PDF: ${msg}`, {
    file, stage: STAGE, hint: 'download the document again, or save a copy from a PDF reader, and add that file',
  });
}

/**
 * Read every page's text items. Bold and italic come from the font names, which
 * pdfjs only resolves once a page's operator list is built, so a page whose
 * text uses a font not met before is drawn to an operator list (no rendering).
 */
export async function loadPdf(bytes: Uint8Array, file: string, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfText> {
  const { getDocument } = await loadPdfJs(); // loading the module once is not reading this document
  const t0 = performance.now();
  if (bytes.length > limits.maxBytes) {
    throw new AtlasError(`the PDF is ${(bytes.length / 1e6).toFixed(1)} MB, more than the limit of ${(limits.maxBytes / 1e6).toFixed(0)} MB`, {
      file, stage: STAGE, hint: 'split the document, or raise DEFAULT_PDF_LIMITS.maxBytes in pipelines/ingest/pdf/load-pdf.ts if it really is one report',
    });
  }
  if (!looksLikePdf(bytes)) {
    throw new AtlasError('the file is not a PDF (no "%PDF-" header)', { file, stage: STAGE, hint: 'add the PDF as published, or a UTF-8 .txt of the report' });
  }
  // pdfjs recovers what it can from a cut file and may return some of its pages: refuse it before
  if (!hasEndOfFile(bytes)) {
    throw new AtlasError(`the PDF is truncated: its last bytes hold no "%%EOF" marker (${bytes.length.toLocaleString('en')} bytes)`, {
      file, stage: STAGE, hint: 'download the document again (the copy is incomplete) and add the new file',
    });
  }
  const deadline = new Deadline(file, limits.timeoutMs);
  // pdfjs takes ownership of (and detaches) the buffer it is given: pass a copy
  const task = getDocument({
    data: new Uint8Array(bytes), standardFontDataUrl: standardFontDataUrl(), verbosity: 0,
    isEvalSupported: false, useSystemFonts: false, stopAtErrors: false,
  });
  try {
    const doc = await deadline.race(task.promise, 'opening the file');
    if (doc.numPages > limits.maxPages) {
      throw new AtlasError(`the PDF has ${doc.numPages} pages, more than the limit of ${limits.maxPages}`, {
        file, stage: STAGE, hint: 'split the document, or raise DEFAULT_PDF_LIMITS.maxPages in pipelines/ingest/pdf/load-pdf.ts',
      });
    }
    const meta = await deadline.race(doc.getMetadata().catch(() => null), 'reading the metadata');
    const pages: PdfPage[] = [];
    for (let no = 1; no <= doc.numPages; no++) {
      const page = await deadline.race(doc.getPage(no), `opening page ${no}`);
      const content = await deadline.race(page.getTextContent(), `reading the text of page ${no}`);
      // A font's name reaches the document's commonObjs only when an operator list uses it, and
      // fonts are loaded once a document: draw a page's operator list only if its text uses a font
      // not yet seen (most pages use the fonts of the pages before; the list is a third of the cost).
      if (content.items.some((it) => 'str' in it && it.str !== '' && !page.commonObjs.has(it.fontName))) {
        await deadline.race(page.getOperatorList(), `reading page ${no}`);
      }
      if (content.items.length > limits.maxItemsPerPage) {
        throw new AtlasError(`page ${no} holds ${content.items.length} text items, more than the limit of ${limits.maxItemsPerPage}`, {
          file, stage: STAGE, hint: 'this does not look like a text report; check the file, or raise DEFAULT_PDF_LIMITS.maxItemsPerPage',
        });
      }
      const styles = new Map<string, { bold: boolean; italic: boolean }>();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        let style = styles.get(it.fontName);
        if (!style) {
          const font = page.commonObjs.has(it.fontName) ? page.commonObjs.get(it.fontName) as { name?: string } : null;
          style = fontStyle(font?.name ?? '');
          styles.set(it.fontName, style);
        }
        const [, , c, d, e, f] = it.transform as number[];
        items.push({ str: it.str, x: e, y: f, width: it.width, size: Math.hypot(c, d), ...style });
      }
      const [x0, y0, x1, y1] = page.view;
      pages.push({ no, width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    return { pages, info: (meta?.info ?? {}) as Record<string, unknown>, ms: performance.now() - t0 };
  } catch (e) {
    throw pdfjsError(file, e);
  } finally {
    task.destroy().catch(() => {});
  }
}
