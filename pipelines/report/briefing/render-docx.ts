/**
 * The briefing model as a Word document (docx): headings, the findings with
 * their quotes, charts as PNG images (Word shows PNG everywhere), A4 pages
 * numbered in the footer, and each finding section kept on the page of its
 * chart (keep-with-next). Same model in, same bytes out: the package's dates
 * (core properties and zip entries) are the briefing's date, not the clock.
 */
import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, TextRun, convertMillimetersToTwip,
} from 'docx';
import type { Block, BriefingDoc, Section } from './model.ts';
import { zipBytes } from '../zip-writer.ts';

export interface DocxChart {
  /** PNG at `scale` × the CSS size. */
  png: Uint8Array;
  width: number;
  height: number;
}

/** A4 in twentieths of a point, as Word writes it (converting 210 × 297 mm rounds down by one). */
const A4_TWIP = { width: 11906, height: 16838 };

/** Text width of an A4 page with 20 mm margins, in CSS px (96 per inch). */
const CONTENT_PX = Math.floor(((210 - 40) / 25.4) * 96);
const MAX_CHART_PX = Math.floor((150 / 25.4) * 96);

function paragraphs(b: Block, charts: ReadonlyMap<string, DocxChart>, keep: boolean): Paragraph[] {
  const base = { keepNext: keep, keepLines: true };
  switch (b.type) {
    case 'text': return [new Paragraph({ ...base, text: b.text, spacing: { after: 120 } })];
    case 'list': return b.items.map((i) => new Paragraph({ ...base, text: i, bullet: { level: 0 }, spacing: { after: 60 } }));
    case 'meta': return b.items.map((i) => new Paragraph({ ...base, children: [new TextRun({ text: `${i.label}: `, bold: true }), new TextRun(i.value)] }));
    case 'quote': return [quote(b.text, b.citation, base)];
    case 'finding': return [
      new Paragraph({ ...base, children: [new TextRun({ text: b.finding.statement, bold: true })], spacing: { before: 120, after: 60 } }),
      ...b.finding.quotes.map((q) => quote(q.text, q.citation, base)),
    ];
    case 'chart': {
      const c = charts.get(b.chart.name);
      if (!c) return [new Paragraph({ ...base, text: b.chart.title })];
      const scale = Math.min(1, CONTENT_PX / c.width, MAX_CHART_PX / c.height);
      return [new Paragraph({
        keepLines: true,
        spacing: { before: 120, after: 240 },
        children: [new ImageRun({
          type: 'png', data: c.png,
          transformation: { width: Math.round(c.width * scale), height: Math.round(c.height * scale) },
          altText: { name: b.chart.name, title: b.chart.title, description: b.chart.description },
        })],
      })];
    }
  }
}

function quote(text: string, citation: string, base: { keepNext: boolean; keepLines: boolean }): Paragraph {
  return new Paragraph({
    ...base,
    indent: { left: convertMillimetersToTwip(8) },
    spacing: { after: 80 },
    children: [new TextRun({ text: `“${text}” `, italics: true }), new TextRun({ text: `(${citation})`, size: 18 })],
  });
}

function sectionParagraphs(s: Section, charts: ReadonlyMap<string, DocxChart>): Paragraph[] {
  const out = [new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 240, after: 120 } })];
  s.blocks.forEach((b, i) => out.push(...paragraphs(b, charts, s.keepTogether && i < s.blocks.length - 1)));
  return out;
}

/** "2010-05-04" → the DOS date and time of a zip entry. */
function dosDateTime(iso: string): { date: number; time: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [1980, 1, 1];
  return { date: ((Math.max(1980, y) - 1980) << 9) | (mo << 5) | d, time: 0 };
}

/** The parts of the Word file (path → XML text or bytes) before they are zipped. */
interface DocxCompiler { compile(file: Document, prettify: undefined, overrides: { path: string; data: string }[]): Map<string, string | Uint8Array> }

/** Any date a ZIP can hold: fixZipTimes then writes the briefing's own. */
const ZIP_PLACEHOLDER_DATE = new Date('1980-01-01T00:00:00Z');

/** Set the modification time of every zip entry (local and central headers) to `iso`. */
export function fixZipTimes(zip: Uint8Array, iso: string): Uint8Array {
  const out = new Uint8Array(zip);
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { date, time } = dosDateTime(iso);
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('docx: no end of central directory in the zip written by docx');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error(`docx: bad central directory entry ${n} at byte ${p}`);
    v.setUint16(p + 12, time, true); v.setUint16(p + 14, date, true);
    const local = v.getUint32(p + 42, true);
    v.setUint16(local + 10, time, true); v.setUint16(local + 12, date, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** docProps/core.xml with the briefing's date instead of the clock's. */
function coreXml(doc: BriefingDoc): string {
  const when = `${doc.date || '1980-01-01'}T00:00:00Z`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${escapeXml(doc.title)}</dc:title><dc:creator>Mechanism Atlas</dc:creator><cp:lastModifiedBy>Mechanism Atlas</cp:lastModifiedBy>`
    + `<dc:description>${escapeXml(`Build ${doc.buildId}`)}</dc:description><cp:revision>1</cp:revision>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

/** The briefing as .docx bytes; `charts` gives each chart's PNG by name. */
export async function renderDocx(doc: BriefingDoc, charts: ReadonlyMap<string, DocxChart>): Promise<Uint8Array> {
  const document = new Document({
    title: doc.title,
    creator: 'Mechanism Atlas',
    // A font every Word has; the chart images carry their own (DejaVu Sans).
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [{
      properties: {
        page: {
          size: { width: A4_TWIP.width, height: A4_TWIP.height },
          margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(20), right: convertMillimetersToTwip(20) },
        },
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ size: 16, children: [`${doc.title} · build ${doc.buildId} · page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
          })],
        }),
      },
      children: [
        new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
        new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })], spacing: { after: 240 } }),
        ...doc.sections.flatMap((s) => sectionParagraphs(s, charts)),
      ],
    }],
  });
  // docx's Packer zips the parts with fflate on this thread, deflating the charts' PNGs once more
  // (~0.3-0.6 s of the seed's build): its compiler's parts are zipped by zip-writer.ts instead,
  // on libuv's pool, the PNGs stored as they are. (Packer.compiler is private in docx's typings;
  // docx is pinned, and the tests read the Word file back.)
  const compiler = (Packer as unknown as { compiler: DocxCompiler }).compiler;
  const parts = compiler.compile(document, undefined, [{ path: 'docProps/core.xml', data: coreXml(doc) }]);
  const entries = [...parts].map(([name, data]) => ({ name, data, store: name.endsWith('.png') }));
  return fixZipTimes(await zipBytes(entries, ZIP_PLACEHOLDER_DATE), doc.date);
}
