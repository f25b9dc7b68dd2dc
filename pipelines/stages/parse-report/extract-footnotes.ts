/**
 * Footnotes are printed far from their markers (at the foot of a page, often
 * in the middle of a paragraph broken across the page). The assembler keeps
 * their lines out of paragraph bodies; here each footnote is linked to the
 * paragraph whose text carries its superscript marker, and every marker must
 * have a footnote and every footnote a marker.
 */
import type { FootnoteRow } from './row-types.ts';
import { fail } from './fail.ts';
import { plain, superscriptValue } from './text.ts';

export interface FootnoteBuild {
  /** The printed superscript run, e.g. '⁵'. */
  mark: string;
  line: number;
  pieces: string[];
}

export interface MarkerSeen {
  note: number;
  line: number;
  /** Paragraph number when the marker is in a paragraph, else null. */
  para: number | null;
  /** Where a non-paragraph marker was found, e.g. 'heading "Redress"'. */
  where: string;
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function sup(n: number): string {
  return String(n).split('').map((d) => SUP[Number(d)]).join('');
}

export function linkFootnotes(
  file: string, notes: readonly FootnoteBuild[], markers: readonly MarkerSeen[], docId: string,
): FootnoteRow[] {
  const byNote = new Map<number, FootnoteBuild>();
  for (const f of notes) {
    const n = superscriptValue(f.mark);
    const prev = byNote.get(n);
    if (prev) {
      throw fail(file, f.line, `footnote ${f.mark} (${n}) is printed twice (lines ${prev.line} and ${f.line})`,
        'keep one copy of the footnote and renumber the other if it is a different note');
    }
    byNote.set(n, f);
  }
  const markerOf = new Map<number, MarkerSeen>();
  for (const m of markers) {
    const prev = markerOf.get(m.note);
    if (prev) {
      throw fail(file, m.line,
        `footnote marker ${sup(m.note)} (${m.note}) appears twice (line ${prev.line}, ${prev.where}, and line ${m.line}, ${m.where})`,
        'each footnote number may be marked once; check for a mis-typed superscript');
    }
    markerOf.set(m.note, m);
    if (!byNote.has(m.note)) {
      throw fail(file, m.line, `footnote marker ${sup(m.note)} (${m.note}) in ${m.where} has no footnote`,
        `add the footnote line "${sup(m.note)} …" or remove the marker`);
    }
    if (m.para === null) {
      throw fail(file, m.line, `footnote marker ${sup(m.note)} (${m.note}) is in ${m.where}, not in a numbered paragraph`,
        'footnotes are linked to paragraphs; move the marker into the paragraph it annotates');
    }
  }
  const rows: FootnoteRow[] = [];
  for (const [n, f] of byNote) {
    const m = markerOf.get(n);
    if (!m || m.para === null) {
      throw fail(file, f.line, `footnote ${f.mark} (${n}) has no marker in the text`,
        `add the superscript marker ${f.mark} where the note applies, or remove the footnote`);
    }
    rows.push({ doc_id: docId, note_no: n, para_no: m.para, text: plain(f.pieces.join(' ')), line: f.line });
  }
  return rows.sort((a, b) => a.note_no - b.note_no);
}
