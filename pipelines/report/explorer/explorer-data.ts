/**
 * The explorer's data: the tables it needs → one JSON-able object the page
 * embeds (documents, headings, paragraphs with their mention spans, claims
 * with the mention spans inside their quote). Pure; same rows in, same object
 * out (every list is sorted here, whatever order the rows came in).
 *
 * Bad rows fail with an AtlasError naming the table and the record: a claim on
 * a paragraph that does not exist, a mention outside its paragraph's text, an
 * unknown role.
 */
import type { RowOf } from '../../catalog/types.ts';
import type { documents, headings, paragraphs } from '../../catalog/report.ts';
import { CLAIM_ROLES, type evidence, type mentions } from '../../catalog/evidence.ts';
import type { mechanisms, themes } from '../../catalog/registry.ts';
import { compareRegions, compareText } from '../charts/common.ts';
import { AtlasError } from '../../core/errors.ts';

/** Roles a claim can give its mechanism; only 'actor' counts toward coverage. */
export type ClaimRole = (typeof CLAIM_ROLES)[number];

export type EvidenceRow = RowOf<typeof evidence>;

export interface ExplorerTables {
  documents: readonly RowOf<typeof documents>[];
  paragraphs: readonly RowOf<typeof paragraphs>[];
  headings: readonly RowOf<typeof headings>[];
  mentions: readonly RowOf<typeof mentions>[];
  evidence: readonly EvidenceRow[];
  mechanisms: readonly RowOf<typeof mechanisms>[];
  themes: readonly RowOf<typeof themes>[];
}

/** [start, end) in UTF-16 units of the text it belongs to. */
export type Span = [number, number];

export interface ExplorerData {
  documents: { doc_id: string; slug: string; symbol: string; title: string; date: string }[];
  regions: string[];
  themes: { theme_id: string; label: string; pillar: string }[];
  roles: ClaimRole[];
  mechanisms: { mechanism_id: string; acronym: string; name: string; region: string }[];
  /** Each heading placed before the first paragraph it covers. */
  headings: { doc_id: string; before_para: number; level: number; number: string | null; label: string }[];
  /** marks: mentions in the paragraph body, [start, end, mechanism_id], non-overlapping. */
  paragraphs: { doc_id: string; para_no: number; text: string; marks: [number, number, string][] }[];
  /** marks: the claim's mechanism's mentions inside the quote. */
  claims: { doc_id: string; mechanism_id: string; theme_id: string; role: ClaimRole; para_no: number; quote: string; marks: Span[] }[];
}

/** The claim's role, checked against the roles the claims model gives. */
export function evidenceRole(row: EvidenceRow): ClaimRole {
  const role = row.role;
  if (!(CLAIM_ROLES as readonly string[]).includes(role)) {
    throw new AtlasError(`unknown role "${role}" (expected one of ${CLAIM_ROLES.join(', ')})`,
      { stage: 'write-explorer', record: `evidence ${evidenceKey(row)}`, field: 'role' });
  }
  return role as ClaimRole;
}

/** "A/HRC/14/32" → "a-hrc-14-32": the document part of a paragraph's anchor (#a-hrc-14-32/88). */
export function docSlug(symbol: string): string {
  return symbol.trim().toLowerCase().replace(/[/\s]+/g, '-');
}

function evidenceKey(r: EvidenceRow): string {
  return `${r.doc_id}/${r.mechanism_id}/${r.theme_id}/${r.para_no}`;
}

const paraKey = (docId: string, paraNo: number) => `${docId}\u0000${paraNo}`;

/** Spans sorted by start; a span that overlaps the one kept before it is dropped. */
export function nonOverlapping<T extends [number, number, ...unknown[]]>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: T[] = [];
  for (const s of sorted) if (!out.length || s[0] >= out[out.length - 1]![1]) out.push(s);
  return out;
}

/**
 * The mechanism's mention spans inside a quote taken from `text`: shifted from
 * the paragraph when the quote is a verbatim slice of it, else found by their
 * surface in the quote.
 */
export function quoteMarks(text: string, quote: string, spans: readonly Span[]): Span[] {
  const at = text.indexOf(quote);
  if (at >= 0) {
    return nonOverlapping(spans.filter(([s, e]) => s >= at && e <= at + quote.length).map(([s, e]): Span => [s - at, e - at]));
  }
  const found: Span[] = [];
  for (const surface of new Set(spans.map(([s, e]) => text.slice(s, e)))) {
    for (let i = quote.indexOf(surface); surface && i >= 0; i = quote.indexOf(surface, i + surface.length)) {
      found.push([i, i + surface.length]);
    }
  }
  return nonOverlapping(found);
}

export function prepareExplorerData(t: ExplorerTables): ExplorerData {
  const docs = [...t.documents].sort((a, b) => compareText(a.symbol, b.symbol) || compareText(a.doc_id, b.doc_id));
  const slugs = new Map<string, string>();
  for (const d of docs) {
    const slug = docSlug(d.symbol);
    if (slugs.has(slug)) {
      throw new AtlasError(`documents ${slugs.get(slug)} and ${d.doc_id} have the same anchor "${slug}"`,
        { stage: 'write-explorer', record: `documents ${d.doc_id}`, field: 'symbol' });
    }
    slugs.set(slug, d.doc_id);
  }
  const docRank = new Map(docs.map((d, i) => [d.doc_id, i]));
  const byDocPara = (a: { doc_id: string; para_no: number }, b: { doc_id: string; para_no: number }) =>
    (docRank.get(a.doc_id) ?? 0) - (docRank.get(b.doc_id) ?? 0) || a.para_no - b.para_no;

  const themeRows = [...t.themes].sort((a, b) => a.sort_order - b.sort_order || compareText(a.theme_id, b.theme_id));
  const themeRank = new Map(themeRows.map((th, i) => [th.theme_id, i]));
  const mechRows = [...t.mechanisms].sort((a, b) => compareRegions(a.region, b.region) || compareText(a.acronym, b.acronym));
  const mechIds = new Set(mechRows.map((m) => m.mechanism_id));

  const texts = new Map<string, string>();
  for (const p of t.paragraphs) {
    if (!docRank.has(p.doc_id)) {
      throw new AtlasError(`paragraph of unknown document ${p.doc_id}`, { stage: 'write-explorer', record: `paragraphs ${p.doc_id}/${p.para_no}`, field: 'doc_id' });
    }
    texts.set(paraKey(p.doc_id, p.para_no), p.text);
  }

  // Body mentions by paragraph, checked against the paragraph's text.
  const spansByPara = new Map<string, [number, number, string][]>();
  for (const m of t.mentions) {
    if (m.in_footnote) continue;
    const record = `mentions ${m.doc_id}/${m.para_no}@${m.char_start}`;
    const text = texts.get(paraKey(m.doc_id, m.para_no));
    if (text === undefined) throw new AtlasError('mention in a paragraph that does not exist', { stage: 'write-explorer', record });
    if (!(m.char_start >= 0 && m.char_end > m.char_start && m.char_end <= text.length)) {
      throw new AtlasError(`span ${m.char_start}–${m.char_end} lies outside the paragraph's ${text.length} characters`,
        { stage: 'write-explorer', record, field: 'char_start' });
    }
    const key = paraKey(m.doc_id, m.para_no);
    if (!spansByPara.has(key)) spansByPara.set(key, []);
    spansByPara.get(key)!.push([m.char_start, m.char_end, m.mechanism_id]);
  }

  const paragraphsOut = [...t.paragraphs].sort(byDocPara).map((p) => ({
    doc_id: p.doc_id, para_no: p.para_no, text: p.text,
    marks: nonOverlapping(spansByPara.get(paraKey(p.doc_id, p.para_no)) ?? []),
  }));

  const paraNos = new Map<string, number[]>();
  for (const p of paragraphsOut) {
    if (!paraNos.has(p.doc_id)) paraNos.set(p.doc_id, []);
    paraNos.get(p.doc_id)!.push(p.para_no);
  }
  const headingsOut = t.headings.flatMap((h) => {
    const before = h.first_para == null ? undefined : paraNos.get(h.doc_id)?.find((n) => n >= h.first_para!);
    return before === undefined ? [] : [{ doc_id: h.doc_id, before_para: before, level: h.level, number: h.number ?? null, label: h.label }];
  }).sort((a, b) => byDocPara({ doc_id: a.doc_id, para_no: a.before_para }, { doc_id: b.doc_id, para_no: b.before_para })
    || a.level - b.level || compareText(a.label, b.label));

  const claims = t.evidence.map((e) => {
    const record = `evidence ${evidenceKey(e)}`;
    const text = texts.get(paraKey(e.doc_id, e.para_no));
    if (text === undefined) throw new AtlasError('claim on a paragraph that does not exist', { stage: 'write-explorer', record, field: 'para_no' });
    if (!mechIds.has(e.mechanism_id)) throw new AtlasError('claim on an unknown mechanism', { stage: 'write-explorer', record, field: 'mechanism_id' });
    if (!themeRank.has(e.theme_id)) throw new AtlasError('claim on an unknown theme', { stage: 'write-explorer', record, field: 'theme_id' });
    const own = (spansByPara.get(paraKey(e.doc_id, e.para_no)) ?? [])
      .filter((s) => s[2] === e.mechanism_id).map(([s, end]): Span => [s, end]);
    return {
      doc_id: e.doc_id, mechanism_id: e.mechanism_id, theme_id: e.theme_id, role: evidenceRole(e),
      para_no: e.para_no, quote: e.quote, marks: quoteMarks(text, e.quote, own),
    };
  }).sort((a, b) => byDocPara(a, b) || compareText(a.mechanism_id, b.mechanism_id)
    || themeRank.get(a.theme_id)! - themeRank.get(b.theme_id)! || CLAIM_ROLES.indexOf(a.role) - CLAIM_ROLES.indexOf(b.role));

  return {
    documents: docs.map((d) => ({ doc_id: d.doc_id, slug: docSlug(d.symbol), symbol: d.symbol, title: d.title, date: String(d.date) })),
    regions: [...new Set(mechRows.map((m) => m.region))].sort(compareRegions),
    themes: themeRows.map((th) => ({ theme_id: th.theme_id, label: th.label, pillar: th.pillar })),
    roles: [...CLAIM_ROLES],
    mechanisms: mechRows.map((m) => ({ mechanism_id: m.mechanism_id, acronym: m.acronym, name: m.name, region: m.region })),
    headings: headingsOut,
    paragraphs: paragraphsOut,
    claims,
  };
}
