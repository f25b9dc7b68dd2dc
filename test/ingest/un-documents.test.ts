/**
 * The twelve real UN PDFs of data/un-documents, read by the project's PDF
 * reader and parser, checked against fixtures written by reading each PDF
 * (test/fixtures/un-documents/<stem>.yaml; their conventions are in the README
 * there): particulars, paragraph count, where paragraphs start (page, line,
 * first words) and end, headings, footnotes and the paragraph carrying their
 * marker, sub-items with their recommending States, and page furniture kept
 * out of the text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument, type DocumentText } from '../../pipelines/ingest/read-document.ts';
import { describeDocument, type DocumentParticulars } from '../../pipelines/ingest/describe-document.ts';
import { parseSourceLines, type ReportTables } from '../../pipelines/ingest/parse-report/index.ts';
import { loadStateNames } from '../../pipelines/ingest/state-names.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test/fixtures/un-documents');
const PDFS = join(ROOT, 'data/un-documents');
const STATES = loadStateNames(join(ROOT, 'data/raw/country-codes.csv'));

/* eslint-disable @typescript-eslint/no-explicit-any */
type Fixture = Record<string, any>;

/** Compare quoted words: typographic quotes and dashes as printed, whitespace collapsed. */
const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/(\d) (st|nd|rd|th)\b/g, '$1$2').trim();
/** Letters and digits only, lower case (titles printed in capitals, "15(B)" vs "15 (b)"). */
const alnum = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const LEVEL: Record<string, number> = { chapter: 1, section: 2, 'numbered-subheading': 3 };

const stems = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();

describe.each(stems)('%s', (stem) => {
  const fx: Fixture = parse(readFileSync(join(FIXTURES, `${stem}.yaml`), 'utf8'));
  const file = join(PDFS, fx.file as string);
  let doc: DocumentText;
  let about: DocumentParticulars;
  let t: ReportTables;

  beforeAll(async () => {
    doc = await readDocument(new Uint8Array(readFileSync(file)), file);
    about = describeDocument(doc, file);
    t = parseSourceLines(doc.lines, { file, docId: stem, repeatedMarkers: true, stateNames: STATES });
  }, 120_000);

  const para = (n: number) => {
    const p = t.paragraphs.find((x) => x.para_no === n);
    if (!p) throw new Error(`${stem}: no paragraph ${n}`);
    return p;
  };

  it('particulars: symbol, date, pages, language, body, title', () => {
    expect(about.symbol).toBe(fx.symbol);
    expect(about.date).toBe(fx.date);
    expect(about.pages).toBe(fx.pages);
    expect(about.language).toBe(fx.language);
    expect(alnum(about.body ?? '')).toContain(alnum(fx.body));
    expect(alnum(about.body ?? '')).toContain(alnum(fx.session));
    expect(alnum(about.title ?? '')).toContain(alnum(fx.title));
  });

  it('the paragraph sequence', () => {
    const nos = t.paragraphs.map((p) => p.para_no);
    if (fx.n_paragraphs !== undefined) {
      expect(nos).toEqual(Array.from({ length: fx.n_paragraphs }, (_, i) => i + 1));
    } else {
      expect(nos.length).toBe(fx.n_paragraphs_min);
      expect(Math.max(...nos)).toBe(fx.n_paragraphs_max);
    }
  });

  it('paragraphs start on the printed page and line, with their first words; those crossing a page end right', () => {
    for (const f of fx.paragraphs as Fixture[]) {
      if (f.part === 'one') continue; // resolutions of Part One: checked as blocks below
      const p = para(f.no);
      const where = `${stem} paragraph ${f.no}`;
      expect([p.page_start, p.line_start], where).toEqual([f.page, f.line]);
      expect(norm(p.text).startsWith(norm(f.starts)), `${where} starts "${f.starts}", got "${p.text.slice(0, 120)}"`).toBe(true);
      if (f.ends) expect(norm(p.text).endsWith(norm(f.ends)), `${where} ends "${f.ends}", got "…${p.text.slice(-120)}"`).toBe(true);
    }
  });

  it('operative paragraphs of resolutions printed in the report are blocks, not paragraphs', () => {
    for (const f of (fx.paragraphs as Fixture[]).filter((x) => x.part === 'one')) {
      const where = `${stem} resolution ${f.resolution} para ${f.no}`;
      const b = t.blocks.find((x) => x.kind === 'resolution' && x.number === String(f.no) && x.heading_id?.endsWith(f.resolution));
      expect(b, where).toBeDefined();
      expect([b!.page, b!.line], where).toEqual([f.page, f.line]);
      expect(norm(b!.text).startsWith(norm(f.starts)), `${where}: "${b!.text.slice(0, 100)}"`).toBe(true);
      if (f.ends) expect(norm(b!.text).endsWith(norm(f.ends)), `${where}: "…${b!.text.slice(-100)}"`).toBe(true);
    }
  });

  it('headings, on their page, at their level', () => {
    for (const f of fx.headings as Fixture[]) {
      // the contents page and the "Notes" over the endnotes are not headings of the body
      if (f.level === 'endnotes' || f.level === 'part-title' || f.level === 'annex-title' || f.label === 'Contents') continue;
      const where = `${stem} heading "${f.label}" (${f.level}, page ${f.page})`;
      const label = alnum(f.label);
      const h = t.headings.find((x) => x.page === f.page
        && (alnum(`${x.number ?? ''}${x.label}`) === label || alnum(x.label) === label || alnum(x.number ?? '') === label
          || (f.level === 'part' && alnum(x.label).startsWith(label))));
      expect(h, where).toBeDefined();
      if (LEVEL[f.level]) expect(h!.level, where).toBe(LEVEL[f.level]);
    }
  });

  it('footnotes: number, first words and the paragraph carrying the marker', () => {
    const notes = [...(fx.footnotes as Fixture[]), ...((fx.footnotes_more as Fixture[] | undefined) ?? [])];
    for (const f of notes) {
      const where = `${stem} footnote ${f.no}`;
      const n = t.footnotes.find((x) => x.note_no === f.no);
      expect(n, where).toBeDefined();
      expect(norm(n!.text).startsWith(norm(f.starts)), `${where}: "${n!.text.slice(0, 100)}"`).toBe(true);
      expect(n!.para_no, where).toBe(f.para);
      for (const other of (f.also_in_paras as number[] | undefined) ?? []) expect(para(other).footnote_refs, `${where} also in ${other}`).toContain(f.no);
    }
    expect(Math.max(0, ...t.footnotes.map((x) => x.note_no))).toBe(fx.n_footnotes);
  });

  it('sub-items of a paragraph, with recommending States', () => {
    if (!fx.items) {
      expect(t.items.filter((i) => /^\d+\.\d+$/.test(i.item_no))).toEqual([]);
      return;
    }
    const mine = t.items.filter((i) => i.para_no === fx.items.para);
    if (fx.items.n_items !== undefined) expect(mine.length, `${stem} items of ${fx.items.para}`).toBe(fx.items.n_items);
    const list = [...fx.items.list, ...(fx.items.last ? [fx.items.last] : [])] as Fixture[];
    for (const f of list) {
      const want = String(f.item).replace(/^\((.+)\)$/, '$1').replace(/^Recs?\.\s*/, '');
      const where = `${stem} paragraph ${fx.items.para} item ${f.item}`;
      const it = mine.find((i) => i.item_no === want);
      expect(it, `${where} (items: ${mine.map((i) => i.item_no).join(' ')})`).toBeDefined();
      expect(norm(it!.text).startsWith(norm(f.starts)), `${where}: "${it!.text.slice(0, 100)}"`).toBe(true);
      if (f.page !== undefined) expect([it!.page, it!.line], where).toEqual([f.page, f.line]);
      // recommending States: Working Group recommendations (the fixtures also list speakers of a session report)
      if (f.states && fx.items.part !== 'two') expect(it!.states, where).toEqual(f.states);
    }
    for (const f of (fx.items.tricky as Fixture[] | undefined) ?? []) {
      const it = mine.find((i) => i.item_no === String(f.item));
      expect(it, `${stem} item ${f.item}`).toBeDefined();
      if (f.states) expect(it!.states, `${stem} item ${f.item}`).toEqual(f.states);
    }
  });

  it('no job number, masthead or bar code in the text', () => {
    const all = [...t.paragraphs.map((p) => p.text), ...t.footnotes.map((f) => f.text), ...t.headings.map((h) => h.label)].join('\n');
    const furniture = /.{0,40}(?:GE\.\d{2}-\d{5}|Distr\.: General|Original: English|[\uE000-\uF8FF]).{0,40}/.exec(all);
    expect(furniture?.[0], `${stem}: furniture in the text`).toBeUndefined();
    for (const trap of (fx.traps as Fixture[] | undefined) ?? []) {
      if (trap.in_para !== undefined && !/Annex/.test(trap.note ?? '')) {
        expect(para(trap.in_para).text, `${stem} trap on page ${trap.page}`).toContain(norm(trap.text).split(' ').slice(0, 6).join(' '));
      }
    }
  });
});
