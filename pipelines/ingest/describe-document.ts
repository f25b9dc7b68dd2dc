/**
 * What a UN document says about itself on its first page: its symbol and
 * date (masthead), the body and session it goes to, its title, and the
 * language of its text. Used by `pipelines/add.ts` to write the manifest
 * entry and by the build to check a listed file is the document it claims to
 * be.
 */
import { basename, extname } from 'node:path';
import { SYMBOL } from './pdf/furniture.ts';
import { detectLanguageOfLines, type Language } from './language.ts';
import type { DocumentText } from './read-document.ts';

export interface DocumentParticulars {
  symbol: string | null;
  /** Where the symbol was read: the masthead, or the file name (ODS names files after the symbol). */
  symbolFrom: 'masthead' | 'file name' | null;
  /** YYYY-MM-DD, from the masthead. */
  date: string | null;
  title: string | null;
  /** "Human Rights Council, Working Group on the Universal Periodic Review, seventh session, agenda item 6". */
  body: string | null;
  language: Language | null;
  pages: number | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = /(?:^|\D)(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u;

/** "4 May 2010" → "2010-05-04", or null. */
export function isoDate(s: string): string | null {
  const m = DATE.exec(s.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  if (month < 0) return null;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The symbol printed in the masthead: the longest token with a symbol's shape. */
function mastheadSymbol(lines: readonly string[]): string | null {
  let best: string | null = null;
  for (const l of lines) {
    for (const tok of l.split(/[\t ]+/)) {
      const t = tok.trim();
      if (SYMBOL.test(t) && /\d/.test(t) && (best === null || t.length > best.length)) best = t;
    }
  }
  return best;
}

/** ODS file names: A_HRC_14_32_en.txt, A_HRC_WG.6_7_SVN_1-EN.pdf. */
export function symbolFromFileName(file: string): string | null {
  const stem = basename(file, extname(file)).replace(/[-_](?:en|EN|E)$/, '');
  const sym = stem.replace(/_/g, '/');
  return SYMBOL.test(sym) && /\d/.test(sym) && sym.includes('/') ? sym : null;
}

const BODY_LINE = /^(?:Human Rights Council|General Assembly|Economic and Social Council|Security Council|Commission on Human Rights|Human Rights Committee)$/i;
const SUBSIDIARY = /^(?:Working Group on the Universal Periodic Review|Advisory Committee|Committee on [\p{L} ]+)$/iu;
const SESSION = /^(?:[\p{L}-]+(?:[- ][\p{L}]+)? (?:special )?session)$/iu;
const AGENDA = /^Agenda items?\s+\d/i;
const PLACE = /^Geneva,|^New York,/i;

function clean(s: string): string {
  return s.replace(/\*+/g, '').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '').replace(/\s+/g, ' ').trim();
}

/** "HUMAN RIGHTS COUNCIL" → "Human Rights Council" (names of bodies). */
function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b(?!(?:on|of|the|and)\b)\p{L}/gu, (c) => c.toUpperCase());
}

/** Names that keep their capitals when a title printed in capitals is put in sentence case. */
const PROPER_NAMES = ['Office of the High Commissioner for Human Rights', 'High Commissioner for Human Rights', 'Human Rights Council',
  'United Nations', 'Universal Periodic Review', 'Working Group', 'General Assembly', 'Special Rapporteur'];

function sentenceCase(s: string): string {
  if (s !== s.toUpperCase() || !/\p{Lu}{4}/u.test(s)) return s;
  let out = s[0] + s.slice(1).toLowerCase();
  for (const name of PROPER_NAMES) out = out.replace(new RegExp(name, 'gi'), name);
  return out;
}

const MASTHEAD_LINE = /^(?:United Nations|UNITED|NATIONS|General Assembly|Distr\.?.*|GENERAL|Original:.*|\d{1,2}\s+\p{L}+\s+\d{4})$/iu;

/**
 * Body and session from the lines at the top of the first page (the agenda
 * item's own title after them is skipped), then the title: the first block
 * after them and, in a PDF, the following blocks printed in the same
 * (largest) type, joined by a colon ("Report of the Working Group …: Slovenia").
 */
function bodyAndTitle(front: DocumentText['front'], route: DocumentText['route']): { body: string | null; title: string | null } {
  const lines = front.filter((l) => !MASTHEAD_LINE.test(clean(l.text)) && !SYMBOL.test(clean(l.text)));
  const parts: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const t = clean(lines[i].text);
    if (BODY_LINE.test(t) || SUBSIDIARY.test(t)) parts.push(t === t.toUpperCase() ? titleCase(t) : t);
    else if (SESSION.test(t)) parts.push(t.toLowerCase());
    else if (PLACE.test(t)) continue;
    else if (AGENDA.test(t)) {
      parts.push(t[0].toLowerCase() + t.slice(1));
      // the agenda item's own title: the next block, unless it is already the document's title
      const next = lines[i + 1];
      const later = lines.slice(i + 2, i + 6);
      if (next && (route === 'text' ? next.text.startsWith('**') : later.some((l) => l.size > next.size))) {
        i++;
        while (i + 1 < lines.length && !lines[i + 1].opensBlock) i++;
      }
    } else break;
  }
  const rest = lines.slice(i).filter((l) => !/^[*†‡]/.test(l.text) && /[\p{L}\p{N}]/u.test(l.text) && !/^GE\.\d/.test(l.text));
  const blocks: string[][] = [];
  if (rest.length) {
    const size = route === 'pdf' ? Math.max(...rest.slice(0, 10).map((l) => l.size)) : rest[0].size;
    let inTitle = false;
    for (const l of rest.slice(0, 12)) {
      // the title's lines are in the largest type; a subtitle (the country) in bold type a little smaller
      const fits = Math.abs(l.size - size) < 0.1 || (blocks.length > 0 && l.bold && l.size >= size - 2.5 && l.opensBlock);
      if (!fits) { if (blocks.length) break; continue; }
      if (l.opensBlock || blocks.length === 0) {
        if (route === 'text' && blocks.length) break;
        if (inTitle && l.size < size - 0.1 && blocks.length > 1) break;
        blocks.push([]);
        inTitle = true;
      }
      blocks[blocks.length - 1].push(clean(l.text));
    }
  }
  const texts = blocks.map((b) => sentenceCase(b.join(' '))).filter((b) => b !== '');
  return { body: parts.length ? parts.join(', ') : null, title: texts.length ? texts.join(': ') : null };
}

/** Read the particulars; fields not found are null. */
export function describeDocument(doc: DocumentText, file: string): DocumentParticulars {
  const fromMasthead = mastheadSymbol(doc.masthead);
  const fromName = fromMasthead ? null : symbolFromFileName(file);
  let date: string | null = null;
  for (const l of doc.masthead) {
    date = isoDate(clean(l).replace(/^Distr\.?:?\s*\p{L}+\s*/u, ''));
    if (date) break;
  }
  const { body, title } = bodyAndTitle(doc.front, doc.route);
  const lang = detectLanguageOfLines(doc.lines.map((l) => l.text));
  return {
    symbol: fromMasthead ?? fromName,
    symbolFrom: fromMasthead ? 'masthead' : fromName ? 'file name' : null,
    date, title, body,
    language: lang.language,
    pages: doc.pages,
  };
}
