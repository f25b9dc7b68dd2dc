/**
 * Every paragraph the curated registry cites must exist in the ingested text;
 * a citation to a missing paragraph stops the build, naming the registry file,
 * the record and the field. (Whether the paragraph also names the mechanism is
 * checked by test/registry against the seed.) The registry cites paragraphs of
 * A/HRC/14/32: in a corpus they are checked against that document's
 * paragraphs, and a corpus without it has nothing to check them against (the
 * check is skipped and the log says so).
 *
 * References printed in other documents carry where (cited_in: symbol and
 * paragraph, table reference_citations): each one whose document is in the
 * corpus must name a paragraph of that document whose text or footnotes print
 * the reference.
 */
import { AtlasError } from '../core/errors.ts';
import type { Row } from '../core/db.ts';
import { SurfaceMatcher } from '../text/matcher.ts';

/** The document whose paragraphs the curated registry cites. */
export const REGISTRY_SOURCE_SYMBOL = 'A/HRC/14/32';

export interface CitationSources {
  paragraphs: readonly Row[];
  /** When given, only the paragraphs of the document with REGISTRY_SOURCE_SYMBOL are cited. */
  documents?: readonly Row[];
  mechanisms: readonly Row[];
  instruments: readonly Row[];
  mechanism_members: readonly Row[];
}

/** Returns false when the corpus lacks the registry's source document (nothing checked). */
export function checkRegistryCitations(t: CitationSources, fileOf: (mechanismId: string) => string): boolean {
  let paragraphs = t.paragraphs;
  if (t.documents) {
    const source = new Set(t.documents.filter((d) => d.symbol === REGISTRY_SOURCE_SYMBOL).map((d) => String(d.doc_id)));
    if (source.size === 0) return false;
    paragraphs = paragraphs.filter((p) => source.has(String(p.doc_id)));
  }
  const exists = new Set(paragraphs.map((p) => Number(p.para_no)));
  const check = (mechanismId: string, record: string, field: string, paras: unknown) => {
    for (const p of (paras as number[] | null) ?? []) {
      if (!exists.has(p)) {
        throw new AtlasError(`cites paragraph ${p}, which does not exist in the ingested report (paragraphs ${Math.min(...exists)}–${Math.max(...exists)})`, {
          stage: 'check-citations', file: fileOf(mechanismId), record, field,
          hint: 'cite a paragraph number as printed in the report',
        });
      }
    }
  };
  for (const m of t.mechanisms) check(String(m.mechanism_id), String(m.mechanism_id), 'paragraphs', m.paragraphs);
  for (const i of t.instruments) check(String(i.mechanism_id), `${i.mechanism_id} instrument ${i.instrument_id}`, 'instruments.paragraphs', i.paragraphs);
  for (const m of t.mechanism_members) check(String(m.mechanism_id), `${m.mechanism_id} member ${m.iso3}`, 'members.paragraphs', m.paragraphs);
  return true;
}

export interface ReferenceCitationSources {
  documents: readonly Row[];
  paragraphs: readonly Row[];
  footnotes: readonly Row[];
  reference_citations: readonly Row[];
}

/**
 * Checks every reference citation into a document of the corpus; returns how many were
 * checked and the symbols cited that the corpus does not hold (not checked).
 */
export function checkReferenceCitations(t: ReferenceCitationSources, fileOf: (mechanismId: string) => string): { checked: number; absent: string[] } {
  const docOf = new Map(t.documents.map((d) => [String(d.symbol), String(d.doc_id)]));
  const texts = new Map<string, string[]>();
  const add = (docId: unknown, paraNo: unknown, text: unknown) => {
    if (paraNo === null || paraNo === undefined) return;
    const k = `${docId}\u0000${paraNo}`;
    texts.set(k, [...(texts.get(k) ?? []), String(text)]);
  };
  for (const p of t.paragraphs) add(p.doc_id, p.para_no, p.text);
  const paragraphKeys = new Set(texts.keys());
  for (const f of t.footnotes) add(f.doc_id, f.para_no, f.text);
  let checked = 0;
  const absent = new Set<string>();
  for (const c of t.reference_citations) {
    const symbol = String(c.symbol);
    const docId = docOf.get(symbol);
    if (docId === undefined) { absent.add(symbol); continue; }
    const k = `${docId}\u0000${c.para_no}`;
    const where = { stage: 'check-citations', file: fileOf(String(c.mechanism_id)), record: `${c.mechanism_id} reference "${c.surface}"`, field: 'cited_in' };
    if (!paragraphKeys.has(k)) {
      throw new AtlasError(`cites ${symbol}, para. ${c.para_no}, which does not exist in that document`, { ...where, hint: 'cite a paragraph number as printed in the document' });
    }
    const matcher = new SurfaceMatcher([String(c.surface)]);
    if (!texts.get(k)!.some((text) => matcher.findAll(text).length > 0)) {
      throw new AtlasError(`"${c.surface}" is not printed in ${symbol}, para. ${c.para_no} (its text or its footnotes)`,
        { ...where, hint: 'cite the paragraph that prints the reference, or correct the surface to the text as printed' });
    }
    checked++;
  }
  return { checked, absent: [...absent].sort() };
}
