/**
 * Turn the assembled structure into catalog rows: join each paragraph's
 * pieces (single spaces, de-hyphenated line breaks), take out footnote
 * markers and markup, fill the structural columns and the part, link the
 * footnotes, and check the table of contents against the body.
 */
import type { FootnoteRow, HeadingRow, ParagraphRow, TocRow } from './row-types.ts';
import type { Assembled, HeadingBuild, Piece } from './assemble.ts';
import { fail } from './fail.ts';
import { linkFootnotes, type MarkerSeen } from './extract-footnotes.ts';
import { derivePart } from './parts.ts';
import { checkNotTruncated, tocRows, type BodyRange } from './parse-toc.ts';
import {
  collapseWhitespace, findMarkers, hyphenatedWords, isMostlyBold, joinPieces, plain, removeMarkers, stripMarkup,
} from './text.ts';

export type { FootnoteRow, HeadingRow, ParagraphRow, TocRow };

export interface ReportTables {
  paragraphs: ParagraphRow[];
  headings: HeadingRow[];
  footnotes: FootnoteRow[];
  toc: TocRow[];
}

/** Markers of each piece recorded in `out`; returns the pieces' text without markers. */
function takeMarkers(pieces: readonly Piece[], para: number | null, where: string, out: MarkerSeen[]): string[] {
  return pieces.map((p) => {
    const found = findMarkers(p.text);
    if (found.length === 0) return p.text;
    for (const m of found) out.push({ note: m.note, line: p.line, para, where });
    return removeMarkers(p.text);
  });
}

export function buildRows(a: Assembled, file: string, docId: string, lines: readonly string[]): ReportTables {
  let compoundSet: Set<string> | null = null;
  const compounds = () => (compoundSet ??= hyphenatedWords(lines));
  // A truncated file explains every later symptom (missing footnotes, …): check it first.
  const last = a.paragraphs[a.paragraphs.length - 1];
  checkNotTruncated(file, a.toc, last ? { no: last.no, line: last.line } : null);

  const markers: MarkerSeen[] = [];
  const labels = new Map<HeadingBuild, string>();
  const headingRows: HeadingRow[] = a.headings.map((h) => {
    const where = `heading "${plain(h.labelPieces[0].text)}"`;
    const label = plain(joinPieces(takeMarkers(h.labelPieces, null, where, markers), compounds));
    labels.set(h, label);
    const intro = takeMarkers(h.introPieces, null, `the text under ${where}`, markers);
    return {
      doc_id: docId, heading_id: h.id, level: h.level, label, number: h.number,
      first_para: h.first, last_para: h.last,
      intro: intro.length ? plain(joinPieces(intro, compounds)) : null,
      line: h.line,
    };
  });
  const labelOf = (h: HeadingBuild) => labels.get(h) ?? '';

  const paragraphRows: ParagraphRow[] = a.paragraphs.map((p) => {
    const first = markers.length;
    const joined = joinPieces(takeMarkers(p.pieces, p.no, `paragraph ${p.no}`, markers), compounds);
    const refs = new Set<number>();
    for (let i = first; i < markers.length; i++) refs.add(markers[i].note);
    const text = collapseWhitespace(stripMarkup(joined));
    if (text === '') {
      throw fail(file, p.line, `paragraph ${p.no} has no text`, 'restore the paragraph text after its number');
    }
    const [, chapter, section, subsection, theme, cluster] = p.active;
    if (!chapter) {
      throw fail(file, p.line, `paragraph ${p.no} is not under a chapter heading`,
        'the body must open with a chapter heading such as "I. Introduction" before the first paragraph');
    }
    const part = derivePart([subsection, section, chapter].filter((h): h is HeadingBuild => !!h).map(labelOf));
    if (part === null) {
      const path = [chapter, section, subsection].filter(Boolean).map((h) => `"${labelOf(h!)}"`).join(' > ');
      throw fail(file, p.line,
        `cannot tell which part of the report paragraph ${p.no} belongs to: no heading above it (${path}) names one`,
        'chapter, section or subsection labels must contain one of: introduction, activities, framework, description, achievements, challenges, recommendations');
    }
    return {
      doc_id: docId, para_no: p.no,
      chapter: chapter.number ?? '',
      section: section?.number ?? null,
      subsection: subsection?.number ? Number(subsection.number) : null,
      heading: theme ? labelOf(theme) : null,
      cluster: cluster?.number ?? null,
      part, text,
      is_bold: isMostlyBold(joined),
      footnote_refs: [...refs],
      line_start: p.line,
      line_end: p.pieces[p.pieces.length - 1].line,
    };
  });

  markers.sort((x, y) => x.line - y.line);
  const footnoteRows = linkFootnotes(file, a.footnotes, markers, docId);

  const byPath = new Map<string, BodyRange>();
  for (const h of headingRows) if (h.level <= 3 && !byPath.has(h.heading_id)) byPath.set(h.heading_id, h);

  return { paragraphs: paragraphRows, headings: headingRows, footnotes: footnoteRows, toc: tocRows(a.toc, byPath, docId) };
}
