/**
 * Footnotes are printed far from their markers (at the foot of a page, often
 * in the middle of a paragraph broken across the page). The assembler keeps
 * their lines out of paragraph bodies; here each footnote is linked to the
 * paragraph whose text carries its superscript marker, and every marker must
 * have a footnote and every footnote a marker. A marker in a heading, a table
 * or the front matter links its footnote to no paragraph (para_no null).
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

/** Where a line of the intermediate was printed. */
export type Position = (no: number) => { line: number; page: number | null };

export function linkFootnotes(
  file: string, notes: readonly FootnoteBuild[], markers: readonly MarkerSeen[], docId: string, pos: Position,
  at: (no: number) => string = (no) => `line ${no}`,
  repeatedMarkers = false,
): FootnoteRow[] {
  const byNote = new Map<number, FootnoteBuild>();
  for (const f of notes) {
    const n = superscriptValue(f.mark);
    const prev = byNote.get(n);
    if (prev) {
      throw fail(file, f.line, `footnote ${f.mark} (${n}) is printed twice (${at(prev.line)} and ${at(f.line)})`,
        'keep one copy of the footnote and renumber the other if it is a different note');
    }
    byNote.set(n, f);
  }
  const markerOf = new Map<number, MarkerSeen>();
  for (const m of markers) {
    const prev = markerOf.get(m.note);
    if (prev && repeatedMarkers) {
      // a note referred to again keeps the marker printed on its own page (Word puts a note on the page of its
      // reference; an editor's repeat of the number elsewhere refers back to it), else the first marker
      const page = pos(byNote.get(m.note)?.line ?? m.line).page;
      if (page !== null && pos(prev.line).page !== page && pos(m.line).page === page) markerOf.set(m.note, m);
      continue;
    }
    if (prev) {
      throw fail(file, m.line,
        `footnote marker ${sup(m.note)} (${m.note}) appears twice (${at(prev.line)}, ${prev.where}, and ${at(m.line)}, ${m.where})`,
        'each footnote number may be marked once; check for a mis-typed superscript');
    }
    markerOf.set(m.note, m);
    if (!byNote.has(m.note)) {
      throw fail(file, m.line, `footnote marker ${sup(m.note)} (${m.note}) in ${m.where} has no footnote`,
        `add the footnote line "${sup(m.note)} …" or remove the marker`);
    }
  }
  const rows: FootnoteRow[] = [];
  for (const [n, f] of byNote) {
    const m = markerOf.get(n);
    if (!m) {
      throw fail(file, f.line, `footnote ${f.mark} (${n}) has no marker in the text`,
        `add the superscript marker ${f.mark} where the note applies, or remove the footnote`);
    }
    const at = pos(f.line);
    rows.push({ doc_id: docId, note_no: n, para_no: m.para, text: plain(f.pieces.join(' ')), line: at.line, page: at.page });
  }
  return rows.sort((a, b) => a.note_no - b.note_no);
}
