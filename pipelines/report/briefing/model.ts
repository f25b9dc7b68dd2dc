/**
 * The briefing as one document model: a pure function from the tables to a
 * title and a list of sections of blocks. The HTML, PDF, Word and Markdown
 * forms are each a small renderer of this model, so they say the same thing.
 *
 * Nothing here reads a clock: the date is the newest source document's (or one
 * passed in) and the build id is a hash of the input tables.
 */
import { createHash } from 'node:crypto';
import { GAP_KINDS } from '../../catalog/coverage.ts';
import type { ChartName } from '../charts/index.ts';
import { compareText, formatCitation, formatSources, plural } from '../charts/common.ts';
import { mechanismsWithoutEvidence } from '../charts/mechanism-rows.ts';
import { splitSentences } from '../../text/sentences.ts';
import {
  type EvidenceRow, type FindingQuote, type MechanismRef, QUOTE_WORDS, clipWords, namingSentence, quotesForFinding,
} from './quotes.ts';
import { CITATION_RULE, CITED_DOCUMENTS, type CitedParagraph, briefCitation, citedDocuments } from './brief-citation.ts';
import { groupLacking, groupSize, lackingParts } from './lacking-groups.ts';
import { askedWords } from '../requests-asked.ts';

export interface DataGapRow {
  finding_id: string;
  kind: string;
  subject: string;
  value: number;
  denominator: number;
  statement: string;
  citations: number[];
  /** The cited paragraphs with their documents (absent in tables from before the corpus model: one document). */
  sources?: { doc_id: string; para_no: number }[];
  /** The citation as the statement ends with it, naming each paragraph's document. */
  cited?: string | null;
}

// a type, not an interface, so it is a record of tables to inputId without a cast
export type BriefingTables = {
  data_gaps: readonly DataGapRow[];
  documents: readonly { doc_id: string; symbol: string; title: string; date: string | Date | null; sha256?: string }[];
  evidence: readonly EvidenceRow[];
  data_requests: readonly { doc_id: string; mechanism_id: string; name_in_text: string; responded: boolean; para_no: number; quote: string }[];
  mechanisms: readonly MechanismRef[];
  mechanism_references?: readonly { surface: string; mechanism_id: string }[];
  paragraphs?: readonly { doc_id: string; para_no: number; text: string }[];
  coverage_mechanism_theme?: readonly { mechanism_id: string; acronym: string; region: string; covered: boolean }[];
};

/** What the briefing needs to know about a rendered chart (its title states the finding). */
export interface BriefingChart { name: string; title: string; description: string }

export interface BriefingOptions {
  /** How the corpus is named in citations and the title (default: the documents' symbols). */
  corpus?: string;
  /** ISO date of the briefing (default: the newest document's date). */
  date?: string;
  charts?: readonly BriefingChart[];
}

export interface Finding {
  id: string;
  /** The statement with its citation printed once. */
  statement: string;
  quotes: FindingQuote[];
  /** The explorer view of the claims behind it, relative to briefing/ (works where explorer/ sits beside it), or null. */
  explorer: string | null;
}

/** The explorer's claims view for a finding: the claims of its theme, region or mechanism, with their role. */
export function explorerLink(r: Pick<DataGapRow, 'finding_id' | 'kind' | 'subject'>): string | null {
  const q = (params: Record<string, string>) => `../explorer/index.html#claims?${new URLSearchParams(params).toString()}`;
  const [, a, b] = r.finding_id.split(':');
  switch (r.kind) {
    case 'few_mechanisms': return q({ theme: a!, role: 'actor' });
    case 'missing_data_collection': return q({ theme: 'data_collection', role: 'actor' });
    case 'group_left_out': return q({ theme: 'gender_men', role: 'actor' });
    case 'redress': return q({ theme: 'redress', role: 'actor' });
    case 'thin_region': return q({ region: r.subject, role: 'actor' });
    case 'lacking': return b ? q({ mechanism: a!, role: 'lacking' }) : null;
    default: return null;
  }
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'meta'; items: { label: string; value: string }[] }
  | { type: 'finding'; finding: Finding }
  | { type: 'quote'; text: string; citation: string }
  | { type: 'chart'; chart: BriefingChart };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
  /** Printed on one page with its chart. */
  keepTogether: boolean;
}

export interface BriefingDoc {
  title: string;
  subtitle: string;
  /** ISO date. */
  date: string;
  buildId: string;
  sections: Section[];
}

export type GapKind = (typeof GAP_KINDS)[number];

/** The chart that shows each kind of finding. */
/** The chart that shows each kind of finding (a kind without one has no chart, so no chart is printed twice). */
export const KIND_CHART: Partial<Record<GapKind, ChartName>> = {
  few_mechanisms: 'themes-ranked',
  thin_region: 'region-theme-heatmap',
  no_response: 'request-responses',
  missing_data_collection: 'mechanism-theme-matrix',
  group_left_out: 'gender-inclusion',
  redress: 'redress-elements',
};

/** Kinds printed in another kind's section: a stated lack beside the themes few mechanisms work on; instrument scope beside men and boys. */
export const SECTION_WITH: Partial<Record<GapKind, GapKind>> = { lacking: 'few_mechanisms', personal_scope: 'group_left_out' };

export const KIND_HEADING: Record<GapKind, string> = {
  few_mechanisms: 'Themes addressed by few mechanisms, and what mechanisms lack',
  lacking: 'What the report says mechanisms lack',
  thin_region: 'Regions with thin coverage',
  no_response: 'Organisations that had not responded to the request for information',
  missing_data_collection: 'Collection of data',
  group_left_out: 'Men and boys as victims, and whom the instruments cover',
  personal_scope: 'Whom the main instruments cover',
  redress: 'Redress for victims',
};

/**
 * The summary's rule: one headline per kind of finding, taking the kinds in
 * this order and stopping at five; a kind's headline is its starkest finding
 * (smallest value / denominator, then finding_id). With fewer than three kinds,
 * the next starkest findings fill the summary up to three.
 */
export const HEADLINE_ORDER: readonly GapKind[] = ['redress', 'no_response', 'few_mechanisms', 'missing_data_collection', 'thin_region', 'group_left_out'];
export const HEADLINE_RULE = 'One finding per kind (redress, non-response, few mechanisms, data collection, thin regions, groups left out; '
  + 'at most five), the one with the smallest share of its denominator.';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2010-05-04" → "4 May 2010". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

function isoDate(d: string | Date | null | undefined): string | undefined {
  if (d === null || d === undefined) return undefined;
  return typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}

/** "a; b; c", or the first ten and "and N more" (a corpus can hold thousands of documents). */
function listed(items: readonly string[], max = 10): string {
  if (items.length === 0) return 'none';
  return items.length <= max ? items.join('; ') : `${items.slice(0, max).join('; ')} and ${items.length - max} more`;
}

function oneLine(s: string): string {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The statement with its citation exactly once. data_gaps statements already end
 * with their citation (cite() in SQL); the old briefing printed it again beside
 * them, and once more in the Markdown. A statement without one gets it appended.
 */
export function citedStatement(statement: string, citation: string): string {
  const s = oneLine(statement);
  if (s.includes(citation) || /\bparas?\.\s*\d/.test(s)) return s;
  return `${s.replace(/\.$/, '')} (${citation}).`;
}

/** A stable id for the inputs: SHA-256 of every table (sorted by name, rows in order), first 12 hex digits. */
export function inputId(tables: Readonly<Record<string, readonly unknown[] | undefined>>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(tables).sort()) {
    const rows = tables[name];
    if (!rows) continue;
    hash.update(`${name}\n`);
    const rowJson = rowWriter();
    for (const r of rows) hash.update(`${rowJson(r)}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Writes a row as JSON with its columns in name order, so the id does not depend on column order.
 * A table's rows share their columns, so the sorted names are kept while a row has the same names
 * as the one before (at 1,000 documents the inputs are 140 MB of JSON).
 * Each value goes through the native JSON.stringify (a struct's fields come in their declared
 * order); only a value holding a BIGINT, which JSON.stringify refuses, is written out here.
 * A per-value replacer would call back into JS for every value of tens of megabytes of rows.
 */
function rowWriter(): (r: unknown) => string {
  let names: string[] = [];
  let sorted: { name: string; key: string }[] = [];
  return (r) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) return valueJson(r);
    const o = r as Record<string, unknown>;
    const ks = Object.keys(o);
    if (ks.length !== names.length || ks.some((k, i) => k !== names[i])) {
      names = ks;
      sorted = [...ks].sort().map((k) => ({ name: k, key: `${JSON.stringify(k)}:` }));
    }
    let json = '';
    for (const { name, key } of sorted) {
      const x = o[name];
      if (x !== undefined && typeof x !== 'function') json += `${json ? ',' : ''}${key}${valueJson(x)}`;
    }
    return `{${json}}`;
  };
}

function valueJson(v: unknown): string {
  if (typeof v === 'bigint') return `"${v.toString()}"`;
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return bigintJson(v);
  }
}

/** JSON with BIGINT as its digits in a string, at any depth. */
function bigintJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? 'null';
}

function kindRank(kind: string): number {
  const i = (HEADLINE_ORDER as readonly string[]).indexOf(kind);
  return i < 0 ? HEADLINE_ORDER.length : i;
}

function share(r: DataGapRow): number {
  return r.denominator > 0 ? r.value / r.denominator : 1;
}

function starkest(a: DataGapRow, b: DataGapRow): number {
  return share(a) - share(b) || compareText(a.finding_id, b.finding_id);
}

/** The 3–5 findings of the summary (HEADLINE_ORDER). */
export function headlines(rows: readonly DataGapRow[]): DataGapRow[] {
  const picked: DataGapRow[] = [];
  for (const kind of HEADLINE_ORDER) {
    const best = rows.filter((r) => r.kind === kind).sort(starkest)[0];
    if (best && picked.length < 5) picked.push(best);
  }
  const rest = HEADLINE_ORDER.flatMap((k) => rows.filter((r) => r.kind === k).sort(starkest)).filter((r) => !picked.includes(r));
  while (picked.length < 3 && rest.length) picked.push(rest.shift()!);
  return picked;
}

/** The paragraph of A/HRC/14/32 with the report's caveat on selection (the methods section quotes it). */
export const CAVEAT_PARA = 34;

/** The sentence starting with `opening` in paragraph `paraNo` of the first document (by symbol) that has it, with its citation. */
function sentenceOf(t: BriefingTables, docs: readonly { doc_id: string; symbol: string }[], paraNo: number, opening: string) {
  for (const d of docs) {
    const p = (t.paragraphs ?? []).find((x) => x.para_no === paraNo && x.doc_id === d.doc_id);
    const s = p && splitSentences(p.text).map((x) => x.text).find((x) => x.startsWith(opening));
    if (s) return { text: s, citation: `${d.symbol}, para. ${paraNo}` };
  }
  return undefined;
}

/** The grouping of 'lacking' findings in words, for the methods note. */
export const GROUPING_RULE = 'Grouping. What the report says a mechanism lacks is printed once for each mechanism and what it lacks, '
  + 'with the number of paragraphs and documents that say it and one or two of their sentences quoted (the report’s words on the '
  + 'lack, not actor claims); the data_gaps table has one finding for each paragraph.';

/** Which presentation rules the briefing applied, so that the methods note states them. */
interface Applied { shortened: boolean; grouped: boolean }

function methodsSection(t: BriefingTables, docs: readonly { doc_id: string; symbol: string }[], cite: (sources: readonly CitedParagraph[]) => string,
  applied: Applied): Section {
  const blocks: Block[] = [
    { type: 'text', text: 'What a count means. A number counts the distinct mechanisms (or themes, or paragraphs) that the report describes doing '
      + 'something: a sentence of the descriptions (paras. 17–33) or of the achievements and challenges (paras. 34–105) in which the '
      + 'mechanism, or its instrument, body or project, is the actor. The theme comes from the heading the paragraph sits under and from '
      + 'the words of the activity itself. It counts what the report describes, not all a mechanism does; counts are out of the 31 '
      + 'mechanisms in the registry, and each finding says how many of them the report describes at all.' },
    { type: 'text', text: 'Claim roles. Each sentence names a mechanism as the actor, as lacking something, as a yardstick for another, '
      + 'as a participant in another body’s act, or in passing; only actor claims count, and what a mechanism is said to lack is '
      + 'reported as a gap in the report’s own words. Every count and quote here rests on actor claims.' },
  ];
  // The report's own caveat on selection (A/HRC/14/32, para. 34), quoted only where the text has it.
  const caveat = sentenceOf(t, docs, CAVEAT_PARA, 'Only a few selected initiatives');
  blocks.push({ type: 'text', text: `Selection. The report describes examples, not every initiative${caveat ? ':' : '.'}` });
  if (caveat) blocks.push({ type: 'quote', text: caveat.text, citation: caveat.citation });
  const asked = t.data_requests.length;
  if (asked > 0) {
    const silent = t.data_requests.filter((r) => !r.responded).length;
    const asking = cite(t.data_requests);
    const none = t.coverage_mechanism_theme ? mechanismsWithoutEvidence(t.coverage_mechanism_theme, t.data_requests) : [];
    const byStatus = (st: string) => none.filter((m) => m.response === st).length;
    const words = askedWords(t.data_requests);
    blocks.push({ type: 'text', text: `Non-response. ${silent} of the ${words.asked} ${words.unanswered} `
      + `(${asking}), so their work may be under-described.`
      + (none.length ? ` Of the ${plural(none.length, 'mechanism')} with no evidence at all, ${byStatus('did not respond')} had not responded, `
        + `${byStatus('not asked')} were not asked and ${byStatus('responded')} responded.` : '') });
  }
  blocks.push({ type: 'text', text: 'Whose counts. The counts are Mechanism Atlas’s coding of the report, not figures published by the Special Rapporteur.' });
  // Stated where they change what is printed (a one-document briefing prints every citation whole and groups nothing).
  if (applied.shortened) blocks.push({ type: 'text', text: CITATION_RULE });
  if (applied.grouped) blocks.push({ type: 'text', text: GROUPING_RULE });
  return { id: 'methods', heading: 'Methods and caveats', blocks, keepTogether: false };
}

/** The whole briefing, from the tables. */
export function briefingModel(t: BriefingTables, opts: BriefingOptions = {}): BriefingDoc {
  const docs = [...t.documents].sort((a, b) => compareText(a.symbol, b.symbol));
  const corpus = opts.corpus ?? (docs.map((d) => d.symbol).join('; ') || 'the report');
  // A finding's citation names each paragraph's document (data_gaps.cited); rows without it come from one document.
  const citationOf = (r: DataGapRow) => r.cited ?? (r.sources ? formatSources(r.sources, symbols)
    : formatCitation(docs.length === 1 ? docs[0]!.symbol : corpus, r.citations));
  const date = opts.date ?? docs.map((d) => isoDate(d.date)).filter((d): d is string => !!d).sort().at(-1) ?? '';
  const buildId = inputId(t);
  const symbols = Object.fromEntries(t.documents.map((d) => [d.doc_id, d.symbol]));
  const charts = new Map((opts.charts ?? []).map((c) => [c.name, c]));
  const quoteCtx = { mechanisms: t.mechanisms, references: t.mechanism_references, symbols };

  // Citations as the briefing prints them (brief-citation.ts), noting whether any was shortened (the methods note says so).
  const applied: Applied = { shortened: false, grouped: false };
  const cite = (sources: readonly CitedParagraph[]) => {
    if (citedDocuments(sources, symbols).length > CITED_DOCUMENTS) applied.shortened = true;
    return briefCitation(sources, symbols);
  };
  /** The statement with its citation once, as the briefing prints it: data_gaps.cited in it replaced by its short form. */
  const statementOf = (r: DataGapRow) => {
    const brief = r.cited && r.sources ? cite(r.sources) : undefined;
    if (!brief || brief === r.cited) return citedStatement(r.statement, citationOf(r));
    return citedStatement(oneLine(r.statement).replace(r.cited!, () => brief), brief);
  };
  const findingId = (id: string) => `finding-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

  const requests = t.data_requests.filter((r) => !r.responded);
  const finding = (r: DataGapRow, maxQuotes: number, words: number): Finding => {
    let quotes = quotesForFinding(r, t.evidence, { ...quoteCtx, max: maxQuotes }).map((q) => ({ ...q, text: clipWords(q.text, words) }));
    // Non-response rests on the request records (para. 3), not on evidence of work.
    if (quotes.length === 0 && r.kind === 'no_response' && requests[0]) {
      const q = requests[0];
      quotes = [{ text: clipWords(namingSentence(q.quote, [q.name_in_text]), words), mechanism_id: q.mechanism_id, acronym: q.mechanism_id, doc_id: q.doc_id, para_no: q.para_no,
        citation: `${symbols[q.doc_id] ?? corpus}, para. ${q.para_no}` }];
    }
    return { id: findingId(r.finding_id), statement: statementOf(r), quotes, explorer: explorerLink(r) };
  };
  /**
   * 'lacking' findings of one mechanism lacking the same things (lacking-groups.ts), as one finding:
   * how many paragraphs of how many documents say it, their citation, and the first of them quoted
   * (in the citation's order, documents by symbol: the quote is from the document the citation names).
   */
  const lackingFinding = (rows: readonly DataGapRow[], maxQuotes: number, words: number): Finding => {
    const first = rows[0]!;
    const parts = lackingParts(first.statement)!;
    const size = groupSize(rows);
    const quotes: FindingQuote[] = [];
    const at = (r: DataGapRow) => r.sources![0]!;
    const inCitationOrder = [...rows].sort((a, b) => compareText(symbols[at(a).doc_id] ?? at(a).doc_id, symbols[at(b).doc_id] ?? at(b).doc_id)
      || at(a).para_no - at(b).para_no);
    for (const r of inCitationOrder) {
      if (quotes.length >= maxQuotes) break;
      const text = clipWords(oneLine(lackingParts(r.statement)!.sentence), words);
      if (!quotes.some((q) => q.text === text)) {
        quotes.push({ text, mechanism_id: first.finding_id.split(':')[1]!, acronym: parts.mechanism, doc_id: at(r).doc_id, para_no: at(r).para_no, citation: citationOf(r) });
      }
    }
    return {
      id: findingId(`lacking:${first.finding_id.split(':')[1]}:${parts.lacks}`),
      statement: `The report says ${parts.mechanism} lacks what it needs for ${parts.lacks} in ${plural(size.paragraphs, 'paragraph')} `
        + `of ${plural(size.documents, 'document')} (${cite(size.sources)}).`,
      quotes, explorer: explorerLink(first),
    };
  };
  /** A section's findings as printed: each row, but 'lacking' rows of one mechanism and lack once, where the first of them is. */
  const printed = (rows: readonly DataGapRow[]): DataGapRow[][] => {
    const groups = new Map(groupLacking(rows.filter((r) => r.kind === 'lacking')).map((g) => [g[0]!, g]));
    return rows.flatMap((r) => (r.kind !== 'lacking' ? [[r]] : groups.has(r) ? [groups.get(r)!] : []));
  };

  // Sections in the summary's order of kinds, then any other kind; a kind with no chart of its own
  // joins the section of the kind it belongs with (SECTION_WITH), so no page is left near-empty.
  const sectionOf = (kind: string) => SECTION_WITH[kind as GapKind] ?? kind;
  const kinds = [...new Set(t.data_gaps.map((r) => sectionOf(r.kind)))].sort((a, b) => kindRank(a) - kindRank(b) || compareText(a, b));
  const findingSections: Section[] = kinds.map((kind) => {
    const rows = t.data_gaps.filter((r) => sectionOf(r.kind) === kind)
      .sort((a, b) => Number(a.kind !== kind) - Number(b.kind !== kind) || compareText(a.finding_id, b.finding_id));
    const known = (GAP_KINDS as readonly string[]).includes(kind) ? kind as GapKind : undefined;
    // A section is printed on one page with its chart: two quotes of up to 40 words where it prints one or two
    // findings (a group of 'lacking' rows is one), one quote of up to 25 words where it prints more.
    const entries = printed(rows);
    const few = entries.length <= 2;
    const blocks: Block[] = entries.map((g) => {
      if (g.length > 1) applied.grouped = true;
      return { type: 'finding', finding: g.length > 1 ? lackingFinding(g, few ? 2 : 1, few ? QUOTE_WORDS : 25) : finding(g[0]!, few ? 2 : 1, few ? QUOTE_WORDS : 25) };
    });
    const name = known ? KIND_CHART[known] : undefined;
    const chart = name ? charts.get(name) : undefined;
    if (chart) blocks.push({ type: 'chart', chart });
    return { id: `kind-${kind}`, heading: known ? KIND_HEADING[known] : `Other findings: ${kind.replaceAll('_', ' ')}`, blocks, keepTogether: true };
  });

  const printedCount = findingSections.flatMap((s) => s.blocks).filter((b) => b.type === 'finding').length;
  const summary: Section = {
    id: 'summary', heading: 'Summary', keepTogether: false,
    blocks: t.data_gaps.length
      ? [
        { type: 'list', items: headlines(t.data_gaps).map(statementOf) },
        { type: 'text', text: `How these were chosen. ${HEADLINE_RULE}` },
      ]
      : [{ type: 'text', text: 'No findings.' }],
  };
  const about: Section = {
    id: 'about', heading: 'About this briefing', keepTogether: false,
    blocks: [
      { type: 'meta', items: [
        { label: 'Date', value: date ? `${formatDate(date)} (the date of the newest source document)` : 'no dated document' },
        { label: 'Build', value: `${buildId}: the first 12 hex digits of the SHA-256 of the input tables, so the same tables give the same id `
          + '(the build manifest is hashed after the briefing is written)' },
        { label: docs.length === 1 ? 'Source' : 'Sources', value: listed(docs.map((d) => `${d.symbol}${isoDate(d.date) ? ` (${formatDate(isoDate(d.date)!)})` : ''}`)) },
      ] },
      { type: 'text', text: `What the report does not show, computed from Mechanism Atlas’s coding of ${corpus}: ${plural(t.data_gaps.length, 'finding')}`
        + (applied.grouped ? `, printed here as ${printedCount} (see Grouping under Methods and caveats)` : '') + ', '
        + 'each with the paragraphs it rests on and the words of the report behind it. In the HTML and Markdown forms each finding '
        + 'links to the claims behind it in the explorer (explorer/index.html); the links work where the briefing sits in the kit\'s '
        + 'output folder, beside the explorer, and the briefing reads the same without them.' },
    ],
  };
  return {
    title: `Gaps in regional anti-trafficking cooperation: ${corpus}`,
    subtitle: docs.length === 1 ? `${docs[0]!.symbol}: ${oneLine(docs[0]!.title)}` : `${plural(docs.length, 'document')}: ${listed(docs.map((d) => d.symbol))}`,
    date, buildId,
    // Methods right after the summary: a reader meets the caveats before the numbers, and the text flows
    // across the page break that the first finding section (kept whole with its chart) would leave empty.
    sections: [about, summary, methodsSection(t, docs, cite, applied), ...findingSections],
  };
}
