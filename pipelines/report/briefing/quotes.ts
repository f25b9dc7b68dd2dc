/**
 * The quotes a finding rests on: evidence rows in the finding's cited
 * paragraphs, for the mechanisms and theme it is about, each shortened to the
 * sentence that names the mechanism (at most QUOTE_WORDS words).
 *
 * Only claims where the mechanism is the actor count: rows with another role
 * (lacking / comparison / participant / passing) are never quoted.
 */
import { splitSentences } from '../../text/sentences.ts';
import { compareText } from '../charts/common.ts';

export const QUOTE_WORDS = 40;

export interface EvidenceRow {
  doc_id: string;
  mechanism_id: string;
  theme_id: string;
  para_no: number;
  theme_source?: string;
  quote: string;
  /** actor, lacking, comparison, participant or passing (the claims model). */
  role: string;
}

export interface FindingRef {
  finding_id: string;
  kind: string;
  subject: string;
  statement: string;
  citations: readonly number[];
  /** The cited paragraphs with their documents (data_gaps.sources); without them, citations are of any document. */
  sources?: readonly { doc_id: string; para_no: number }[];
}

export interface MechanismRef {
  mechanism_id: string;
  acronym: string;
  name: string;
  region: string;
}

export interface QuoteContext {
  mechanisms: readonly MechanismRef[];
  /** Other names of each mechanism (instruments, bodies), to find the sentence that names it. */
  references?: readonly { surface: string; mechanism_id: string }[];
  /** doc_id → document symbol, for the citation. */
  symbols?: Readonly<Record<string, string>>;
  /** At most this many quotes (default 2). */
  max?: number;
}

export interface FindingQuote {
  text: string;
  mechanism_id: string;
  acronym: string;
  doc_id: string;
  para_no: number;
  /** "A/HRC/14/32, para. 88" */
  citation: string;
}

/** The theme a kind of finding is about ("few_mechanisms:funding" → funding). */
function findingTheme(f: FindingRef): string | undefined {
  if (f.kind === 'few_mechanisms') return f.finding_id.slice(f.finding_id.indexOf(':') + 1);
  return ({ redress: 'redress', missing_data_collection: 'data_collection' } as Record<string, string>)[f.kind];
}

/** Words that make a sentence speak to the finding, by kind: such sentences are quoted first. */
const KIND_CUES: Record<string, RegExp> = {
  redress: /redress|compensation|remed|confiscat|legal aid|witness/i,
  missing_data_collection: /\bdata\b|information/i,
  group_left_out: /women and children|men and boys|\bmen\b/i,
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A name's pattern is compiled once: a briefing of a 1,000-document corpus tests thousands of sentences.
const namePatterns = new Map<string, RegExp>();
function namePattern(n: string): RegExp {
  let re = namePatterns.get(n);
  if (!re) {
    re = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(n)}($|[^\\p{L}\\p{N}])`, 'u');
    namePatterns.set(n, re);
  }
  return re;
}

function namesIn(text: string, names: readonly string[]): boolean {
  return names.some((n) => n.length > 1 && namePattern(n).test(text));
}

/** Actor evidence rows by cited paragraph (document and number) and by number alone, as row positions. */
interface ActorIndex { byKey: Map<string, number[]>; byPara: Map<number, number[]> }

// a paragraph is cited with its document: para 88 of one document is not para 88 of another
const paraKey = (docId: string, paraNo: number) => `${docId}\u0000${paraNo}`;

// One index per evidence table, built on first use: each finding then reads only its cited paragraphs'
// rows instead of scanning the whole table (1,004 findings × 332,079 rows at 1,000 documents).
const actorIndexes = new WeakMap<readonly EvidenceRow[], ActorIndex>();
function actorIndex(evidence: readonly EvidenceRow[]): ActorIndex {
  let ix = actorIndexes.get(evidence);
  if (ix) return ix;
  ix = { byKey: new Map(), byPara: new Map() };
  evidence.forEach((e, i) => {
    if (e.role !== 'actor') return;
    const k = paraKey(e.doc_id, e.para_no);
    (ix!.byKey.get(k) ?? ix!.byKey.set(k, []).get(k)!).push(i);
    (ix!.byPara.get(e.para_no) ?? ix!.byPara.set(e.para_no, []).get(e.para_no)!).push(i);
  });
  actorIndexes.set(evidence, ix);
  return ix;
}

/** The actor rows in the cited paragraphs, in table order (as a filter over the whole table would give them). */
function actorRowsCited(finding: FindingRef, evidence: readonly EvidenceRow[]): EvidenceRow[] {
  const ix = actorIndex(evidence);
  const positions = new Set<number>();
  if (finding.sources) for (const s of finding.sources) for (const i of ix.byKey.get(paraKey(s.doc_id, s.para_no)) ?? []) positions.add(i);
  else for (const p of finding.citations) for (const i of ix.byPara.get(p) ?? []) positions.add(i);
  return [...positions].sort((a, b) => a - b).map((i) => evidence[i]!);
}

/** Cut text to at most `max` words, at a word, with an ellipsis. */
export function clipWords(text: string, max = QUOTE_WORDS): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length <= max) return words.join(' ');
  return `${words.slice(0, max).join(' ').replace(/[,;:—–-]+$/, '')} …`;
}

/** The sentence of a passage that names the mechanism (and the cue, when one names both); else the first. */
export function namingSentence(quote: string, names: readonly string[], cue?: RegExp): string {
  const sentences = splitSentences(quote).map((s) => s.text);
  if (sentences.length === 0) return quote.trim();
  const naming = sentences.filter((s) => namesIn(s, names));
  return (cue && naming.find((s) => cue.test(s))) ?? naming[0] ?? sentences[0]!;
}

/**
 * Up to `max` quotes for a finding, deterministic. Candidates are evidence rows
 * (actor rows only, when roles exist) in the finding's cited paragraphs; they
 * are narrowed to the finding's theme, to the mechanisms its statement names
 * (or, for a region, the region's mechanisms) and to sentences with the
 * kind's cue words, each step only when it leaves some. Passages under a
 * thematic heading come before descriptions, then paragraph order; different
 * mechanisms and paragraphs are preferred.
 */
export function quotesForFinding(finding: FindingRef, evidence: readonly EvidenceRow[], ctx: QuoteContext): FindingQuote[] {
  const max = ctx.max ?? 2;
  const mech = new Map(ctx.mechanisms.map((m) => [m.mechanism_id, m]));
  const names = new Map<string, string[]>();
  for (const m of ctx.mechanisms) names.set(m.mechanism_id, [m.acronym, m.name]);
  for (const r of ctx.references ?? []) names.get(r.mechanism_id)?.push(r.surface);
  const cue = KIND_CUES[finding.kind];
  let rows = actorRowsCited(finding, evidence);

  const narrow = (keep: (e: EvidenceRow) => boolean) => { const k = rows.filter(keep); if (k.length) rows = k; };
  const theme = findingTheme(finding);
  if (theme) narrow((e) => e.theme_id === theme);
  const named = new Set(ctx.mechanisms.filter((m) => namesIn(finding.statement, [m.acronym])).map((m) => m.mechanism_id));
  if (finding.kind === 'thin_region') narrow((e) => mech.get(e.mechanism_id)?.region === finding.subject);
  else if (named.size) narrow((e) => named.has(e.mechanism_id));

  // Passages under a thematic heading first, then by document, paragraph and mechanism. A row's sentence is
  // looked for only when the picking reaches it: a finding of a large corpus cites thousands of rows and quotes one or two.
  const heading = (e: EvidenceRow) => e.theme_source === 'heading';
  const ordered = [...rows].sort((a, b) => Number(heading(b)) - Number(heading(a)) || compareText(a.doc_id, b.doc_id) || a.para_no - b.para_no
    || compareText(a.mechanism_id, b.mechanism_id));
  const texts = new Map<EvidenceRow, string>();
  const textOf = (e: EvidenceRow) => {
    let text = texts.get(e);
    if (text === undefined) texts.set(e, text = namingSentence(e.quote, names.get(e.mechanism_id) ?? [], cue));
    return text;
  };
  const cued = (e: EvidenceRow) => !!cue && cue.test(textOf(e));
  // Sentences with the kind's cue words, when there are any.
  const onlyCued = ordered.some(cued);

  const out: FindingQuote[] = [];
  const seenText = new Set<string>();
  const pick = (ok: (e: EvidenceRow) => boolean) => {
    for (const e of ordered) {
      if (out.length >= max) return;
      if ((onlyCued && !cued(e)) || !ok(e) || seenText.has(textOf(e))) continue;
      const text = textOf(e);
      seenText.add(text);
      const symbol = ctx.symbols?.[e.doc_id] ?? e.doc_id;
      out.push({
        text: clipWords(text), mechanism_id: e.mechanism_id, acronym: mech.get(e.mechanism_id)?.acronym ?? e.mechanism_id,
        doc_id: e.doc_id, para_no: e.para_no, citation: `${symbol}, para. ${e.para_no}`,
      });
    }
  };
  pick((e) => !out.some((q) => q.mechanism_id === e.mechanism_id || (q.doc_id === e.doc_id && q.para_no === e.para_no)));
  pick((e) => !out.some((q) => q.mechanism_id === e.mechanism_id));
  pick(() => true);
  return out;
}
