/**
 * Every paragraph the curated registry cites must exist in the ingested text;
 * a citation to a missing paragraph stops the build, naming the registry file,
 * the record and the field. (Whether the paragraph also names the mechanism is
 * checked by test/registry against the seed.) The registry cites paragraphs of
 * A/HRC/14/32: in a corpus they are checked against that document's
 * paragraphs, and a corpus without it has nothing to check them against (the
 * check is skipped and the log says so).
 */
import { AtlasError } from '../lib/errors.ts';
import type { Row } from '../lib/db.ts';

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
