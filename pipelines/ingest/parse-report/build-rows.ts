/**
 * Turn the assembled structure into catalog rows: join each paragraph's
 * pieces (single spaces, de-hyphenated line breaks), take out footnote
 * markers and markup, fill the structural columns and the part, link the
 * footnotes, list sub-items and blocks, and check the table of contents
 * against the body. Positions are read back from the intermediate, so a PDF's
 * rows carry the page and the line on it, a text's the file line.
 */
import type { BlockRow, FootnoteRow, HeadingRow, ItemRow, ParagraphRow, TocRow } from './row-types.ts';
import type { Assembled, HeadingBuild, ItemBuild, Piece } from './assemble.ts';
import { fail } from './fail.ts';
import { linkFootnotes, type MarkerSeen, type Position } from './extract-footnotes.ts';
import { derivePart } from './parts.ts';
import { checkNotTruncated, tocRows, type BodyRange } from './parse-toc.ts';
import { applyProfile, type Profile } from './profiles.ts';
import { recommendingStates } from './recommending-states.ts';
import { inlineItems } from './inline-items.ts';
import {
  collapseWhitespace, findMarkers, hyphenatedWords, isMostlyBold, joinPieces, needsCleaning, plain, removeMarkers, stripMarkup,
  SUPERSCRIPT_RUN,
} from './text.ts';

export type { BlockRow, FootnoteRow, HeadingRow, ItemRow, ParagraphRow, TocRow };

export interface ReportTables {
  paragraphs: ParagraphRow[];
  headings: HeadingRow[];
  footnotes: FootnoteRow[];
  toc: TocRow[];
  items: ItemRow[];
  blocks: BlockRow[];
}

/** Does no piece need the clean-up (needsCleaning)? */
function allPlain(pieces: readonly Piece[]): boolean {
  for (const p of pieces) if (needsCleaning(p.text)) return false;
  return true;
}

/** Markers of each piece recorded in `out`; returns the pieces' text without markers. */
function takeMarkers(pieces: readonly Piece[], para: number | null, where: string, out: MarkerSeen[]): string[] {
  return pieces.map((p) => {
    const found = findMarkers(p.text);
    if (found.length === 0) return p.text;
    for (const m of found) out.push({ note: m.note, line: p.line, para, where });
    return p.text.replace(SUPERSCRIPT_RUN, ''); // (removeMarkers would first search for a marker again)
  });
}

export interface BuildContext {
  file: string;
  docId: string;
  /** Every line of the intermediate, for compound words (read only if a line ends in a hyphen). */
  lines: readonly { text: string }[];
  pos: Position;
  at: (no: number) => string;
  profile: Profile | null;
  /** A footnote marker may be printed again to refer back to its note (Council session reports do). */
  repeatedMarkers: boolean;
  /** Known State names (normalised), to read recommending States; null reads only a closing parenthesis. */
  stateNames: ReadonlySet<string> | null;
}

export function buildRows(a: Assembled, ctx: BuildContext): ReportTables {
  const { file, docId, pos, at } = ctx;
  let compoundSet: Set<string> | null = null;
  const compounds = () => (compoundSet ??= hyphenatedWords(ctx.lines.map((l) => l.text)));
  const plainText = (pieces: readonly string[]) => collapseWhitespace(stripMarkup(joinPieces(pieces, compounds)));
  // A truncated file explains every later symptom (missing footnotes, …): check it first.
  const last = a.paragraphs[a.paragraphs.length - 1];
  checkNotTruncated(file, a.toc, last ? { no: last.no, line: last.line } : null, at);

  const markers: MarkerSeen[] = [];
  for (const f of a.front) takeMarkers([{ text: f.text, line: f.line }], null, 'the front matter', markers);
  const labels = new Map<HeadingBuild, string>();
  const headingRows: HeadingRow[] = a.headings.map((h) => {
    const where = `heading "${plain(h.labelPieces[0].text)}"`;
    const label = plain(joinPieces(takeMarkers(h.labelPieces, null, where, markers), compounds));
    labels.set(h, label);
    const intro = takeMarkers(h.introPieces, null, `the text under ${where}`, markers);
    const at0 = pos(h.line);
    return {
      doc_id: docId, heading_id: h.id, level: h.level, label, number: h.number,
      first_para: h.first, last_para: h.last,
      intro: intro.length ? plain(joinPieces(intro, compounds)) : null,
      line: at0.line, page: at0.page,
    };
  });
  const labelOf = (h: HeadingBuild) => labels.get(h) ?? '';
  // Paragraphs under the same headings have the same part: derived once per heading path, and
  // a paragraph under the headings of the one before takes its part without building the key.
  const parts = new Map<string, ReturnType<typeof derivePart>>();
  // (Under no heading no label names a part: the first "under" is right.)
  let under: { chapter?: HeadingBuild; section?: HeadingBuild; subsection?: HeadingBuild; part: ReturnType<typeof derivePart> } = { part: null };
  const partUnder = (chapter?: HeadingBuild, section?: HeadingBuild, subsection?: HeadingBuild) => {
    if (under.chapter === chapter && under.section === section && under.subsection === subsection) return under.part;
    const hs = [subsection, section, chapter].filter((h): h is HeadingBuild => !!h);
    const key = hs.map((h) => h.id).join('\u0000');
    let part = parts.get(key);
    if (part === undefined) parts.set(key, part = derivePart(hs.map(labelOf)));
    under = { chapter, section, subsection, part };
    return part;
  };

  const itemRows: ItemRow[] = [];
  const paragraphRows: ParagraphRow[] = a.paragraphs.map((p) => {
    const first = markers.length;
    // Most paragraphs are plain: no marker, no markup, one space between words. One regex test
    // a piece finds them, and their joined text is already what the clean-up below would give.
    const clean = allPlain(p.pieces);
    const own = clean ? p.pieces.map((x) => x.text) : takeMarkers(p.pieces, p.no, `paragraph ${p.no}`, markers);
    const joinedOwn = joinPieces(own, compounds);
    const chapter = p.active[1];
    const section = p.active[2];
    const subsection = p.active[3];
    const theme = p.active[4];
    const cluster = p.active[5];
    const part = partUnder(chapter, section, subsection);
    const itemTexts = p.items.map((it: ItemBuild) => {
      const text = plainText(takeMarkers(it.pieces, p.no, `paragraph ${p.no}, item ${it.label}`, markers));
      const at0 = pos(it.line);
      itemRows.push({
        doc_id: docId, para_no: p.no, item_no: it.no, label: it.label, text,
        states: part === 'recommendations' ? recommendingStates(text, ctx.stateNames) : null,
        line: at0.line, page: at0.page,
      });
      return `${it.label} ${text}`;
    });
    const refs = new Set<number>();
    for (let i = first; i < markers.length; i++) refs.add(markers[i].note);
    const ownText = clean ? joinedOwn : collapseWhitespace(stripMarkup(joinedOwn));
    // collapsing is idempotent: with no items the paragraph's own text is already collapsed
    const text = itemTexts.length === 0 ? ownText : collapseWhitespace([ownText, ...itemTexts].join(' '));
    if (text === '') {
      throw fail(file, p.line, `paragraph ${p.no} has no text`, 'restore the paragraph text after its number');
    }
    if (p.items.length === 0) {
      const at0 = pos(p.line);
      for (const it of inlineItems(text)) {
        itemRows.push({ doc_id: docId, para_no: p.no, item_no: it.no, label: it.label, text: it.text, states: null, line: at0.line, page: at0.page });
      }
    }
    const lastLine = p.items.length ? p.items[p.items.length - 1].pieces : p.pieces;
    const start = pos(p.line);
    const end = pos(lastLine[lastLine.length - 1].line);
    return {
      doc_id: docId, para_no: p.no,
      chapter: chapter?.number ?? null,
      section: section?.number ?? null,
      subsection: subsection?.number && /^\d+$/.test(subsection.number) ? Number(subsection.number) : null,
      heading: theme ? labelOf(theme) : null,
      cluster: cluster?.number ?? null,
      part, text,
      is_bold: isMostlyBold(joinedOwn),
      footnote_refs: [...refs],
      line_start: start.line,
      line_end: end.line,
      page_start: start.page,
      page_end: end.page,
    };
  });
  if (ctx.profile) applyProfile(ctx.profile, a, paragraphRows, labelOf, file);

  const blockRows: BlockRow[] = a.blocks.map((b, i) => {
    const text = b.kind === 'table'
      ? removeMarkers(b.pieces.map((x) => x.text).join(' | '))
      : plainText(takeMarkers(b.pieces, null, `a ${b.kind} block`, markers));
    if (b.kind === 'table') takeMarkers(b.pieces, null, 'a table', markers);
    const at0 = pos(b.line);
    return {
      doc_id: docId, block_no: i + 1, kind: b.kind, heading_id: b.heading?.id ?? null, after_para: b.after,
      number: b.number, text, line: at0.line, page: at0.page,
    };
  });

  markers.sort((x, y) => x.line - y.line);
  const footnoteRows = linkFootnotes(file, a.footnotes, markers, docId, pos, at, ctx.repeatedMarkers);

  const byPath = new Map<string, BodyRange>();
  for (const h of headingRows) if (h.level <= 3 && !byPath.has(h.heading_id)) byPath.set(h.heading_id, h);

  return {
    paragraphs: paragraphRows, headings: headingRows, footnotes: footnoteRows, toc: tocRows(a.toc, byPath, docId),
    items: itemRows, blocks: blockRows,
  };
}
