/**
 * Resolve mentions: every registry reference found in paragraph bodies and
 * footnotes, and the acronyms left over that resolve to nothing.
 *
 * One matcher is built from all surfaces and run once over each text (see
 * pipelines/text/matcher.ts for the matching rules: case-sensitive, word
 * boundaries, leftmost-longest, non-overlapping). `surface` in a row is the text
 * as printed (text.slice(char_start, char_end)); it can differ from the registry
 * string only by layout (a line break for a space, ’ for ').
 *
 * Unresolved acronyms: words of two or more capitals (SOMTC, CoE, NGOs) outside
 * every mention, except roman numerals (I to XCIX), the acronyms listed in
 * nonMechanisms (a listed "NGO" also covers "NGOs"), and acronyms printed inside
 * a listed non-mechanism name ("CD" in "CD-Rom"), and the parts of document
 * symbols ("HRC", "WG", "SVN" in A/HRC/WG.6/7/SVN/1). Footnotes count for the
 * paragraph carrying their marker.
 */
import type { RowOf } from '../catalog/types.ts';
import type { footnotes, paragraphs } from '../catalog/report.ts';
import type { mechanism_references } from '../catalog/registry.ts';
import type { mentions as mentionsSpec, unresolved_acronyms } from '../catalog/evidence.ts';
import { AtlasError } from '../core/errors.ts';
import { SurfaceMatcher, findAcronyms, layoutNormalize, type AcronymHit, type SurfaceMatch } from '../text/matcher.ts';
import { memoByText } from '../text/memo-by-text.ts';
import { symbolSpans } from '../text/symbols.ts';

export type MentionRow = RowOf<typeof mentionsSpec>;
export type UnresolvedAcronymRow = RowOf<typeof unresolved_acronyms>;
export type ParagraphText = Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'text'>;
export type FootnoteText = Pick<RowOf<typeof footnotes>, 'doc_id' | 'note_no' | 'para_no' | 'text'>;
export type ReferenceRow = RowOf<typeof mechanism_references>;

const STAGE = 'resolve-mentions';

/** Build the matcher for a list of references; rejects empty and ambiguous surfaces. */
export function buildReferenceMatcher(references: readonly ReferenceRow[]): { matcher: SurfaceMatcher; refs: ReferenceRow[] } {
  const seen = new Map<string, ReferenceRow>();
  for (const r of references) {
    if (typeof r.surface !== 'string' || r.surface.trim() === '' || r.surface.trim() !== r.surface || /\s{2}|[^\S ]/.test(r.surface)) {
      throw new AtlasError(`reference surface ${JSON.stringify(r.surface)} is empty, has leading or trailing spaces, or whitespace other than single spaces`, {
        stage: STAGE, record: r.mechanism_id, field: 'surface',
      });
    }
    // surfaces that differ only by layout (’ for ') are the same surface to the matcher
    const key = layoutNormalize(r.surface);
    const prev = seen.get(key);
    if (prev && prev.mechanism_id !== r.mechanism_id) {
      throw new AtlasError(`reference "${r.surface}" resolves to both ${prev.mechanism_id} and ${r.mechanism_id}`, {
        stage: STAGE, record: r.surface, field: 'surface', hint: 'give each surface one mechanism in data/registry',
      });
    }
    if (!prev) seen.set(key, r);
  }
  const refs = [...seen.values()];
  return { matcher: new SurfaceMatcher(refs.map((r) => r.surface)), refs };
}

export interface ResolveResult {
  mentions: MentionRow[];
  unresolved: UnresolvedAcronymRow[];
}

export function resolveMentions(
  paras: readonly ParagraphText[],
  notes: readonly FootnoteText[],
  references: readonly ReferenceRow[],
  nonMechanisms: readonly string[],
): ResolveResult {
  const { matcher, refs } = buildReferenceMatcher(references);
  const skip = new Set(nonMechanisms);
  // non-mechanism names also hide the acronyms printed inside them ("CD" in "CD-Rom")
  const skipMatcher = new SurfaceMatcher([...skip].filter((s) => s.trim() === s && s !== '' && !/\s{2}|[^\S ]/.test(s)));
  const out: MentionRow[] = []; // paragraph bodies
  const noteMentions: MentionRow[] = [];
  // doc_id → acronym → { n, paragraphs }
  const acronyms = new Map<string, Map<string, { n: number; paras: Set<number> }>>();

  /**
   * What a text holds: its matches, and the acronyms outside every match that are not known
   * non-mechanisms. It depends on the text only, so a text met again (a repeated paragraph
   * or footnote) is not scanned again.
   */
  const read = memoByText((text: string): { hits: SurfaceMatch[]; acronyms: string[] } => {
    const hits = matcher.findAll(text);
    // acronyms outside every match (both lists are in text order)
    const left: AcronymHit[] = [];
    let k = 0;
    const symbols = symbolSpans(text);
    let s = 0;
    for (const a of findAcronyms(text)) {
      while (k < hits.length && hits[k].end <= a.start) k++;
      if (k < hits.length && hits[k].start < a.end) continue; // inside a mention
      while (s < symbols.length && symbols[s].end <= a.start) s++;
      if (s < symbols.length && symbols[s].start <= a.start && a.end <= symbols[s].end) continue; // part of a document symbol
      if (isKnownNonMechanism(a.acronym, skip)) continue;
      left.push(a);
    }
    const acronyms: string[] = [];
    if (left.length === 0) return { hits, acronyms };
    const hidden = skipMatcher.findAll(text); // only for the few texts that need it
    let h = 0;
    for (const a of left) {
      while (h < hidden.length && hidden[h].end <= a.start) h++;
      if (h < hidden.length && hidden[h].start <= a.start && a.end <= hidden[h].end) continue; // inside a listed non-mechanism name
      acronyms.push(a.acronym);
    }
    return { hits, acronyms };
  }, 20_000);

  const scan = (docId: string, paraNo: number, noteNo: number, text: string) => {
    const { hits, acronyms: found } = read(text);
    const into = noteNo > 0 ? noteMentions : out;
    for (const h of hits) {
      const ref = refs[h.id];
      into.push({
        doc_id: docId, para_no: paraNo, in_footnote: noteNo > 0, note_no: noteNo,
        mechanism_id: ref.mechanism_id, surface: text.slice(h.start, h.end), ref_kind: ref.ref_kind,
        char_start: h.start, char_end: h.end,
      });
    }
    for (const acronym of found) {
      let byDoc = acronyms.get(docId);
      if (!byDoc) acronyms.set(docId, (byDoc = new Map()));
      let rec = byDoc.get(acronym);
      if (!rec) byDoc.set(acronym, (rec = { n: 0, paras: new Set() }));
      rec.n++;
      rec.paras.add(paraNo);
    }
  };

  for (const p of paras) {
    if (typeof p.text !== 'string') throw new AtlasError('paragraph has no text', { stage: STAGE, record: `${p.doc_id} para ${p.para_no}` });
    scan(p.doc_id, p.para_no, 0, p.text);
  }
  for (const f of notes) {
    if (!(f.note_no > 0)) throw new AtlasError(`footnote number must be positive, got ${f.note_no}`, { stage: STAGE, record: `${f.doc_id} footnote ${f.note_no}` });
    if (typeof f.text !== 'string') throw new AtlasError('footnote has no text', { stage: STAGE, record: `${f.doc_id} footnote ${f.note_no}` });
    if (f.para_no === null) continue; // a note on the front matter or a heading: no paragraph to cite
    scan(f.doc_id, f.para_no, f.note_no, f.text);
  }

  const mentions = mergeInOrder(out, noteMentions);

  const unresolved: UnresolvedAcronymRow[] = [];
  for (const [docId, byDoc] of [...acronyms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const [acronym, rec] of [...byDoc].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      unresolved.push({ doc_id: docId, acronym, n_occurrences: rec.n, paragraphs: [...rec.paras].sort((x, y) => x - y) });
    }
  }
  return { mentions, unresolved };
}

/** Text order: document, paragraph, body before footnotes, footnote, offset (unique per mention). */
function byPosition(a: MentionRow, b: MentionRow): number {
  return (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0)
    || a.para_no - b.para_no || a.note_no - b.note_no || a.char_start - b.char_start;
}

/**
 * Body and footnote mentions in text order. The body ones come in the order of the paragraphs,
 * which the runner gives sorted: then they are merged with the (fewer) footnote ones rather than
 * all sorted again; otherwise everything is sorted.
 */
function mergeInOrder(body: MentionRow[], notes: MentionRow[]): MentionRow[] {
  for (let i = 1; i < body.length; i++) if (byPosition(body[i - 1], body[i]) > 0) return [...body, ...notes].sort(byPosition);
  notes.sort(byPosition);
  const out: MentionRow[] = new Array(body.length + notes.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) out[k] = j >= notes.length || (i < body.length && byPosition(body[i], notes[j]) < 0) ? body[i++] : notes[j++];
  return out;
}

/** Listed as not a mechanism, as printed or as the singular of a plural ("NGOs" when "NGO" is listed). */
function isKnownNonMechanism(acronym: string, skip: ReadonlySet<string>): boolean {
  if (skip.has(acronym)) return true;
  return acronym.length > 2 && acronym.endsWith('s') && skip.has(acronym.slice(0, -1));
}
