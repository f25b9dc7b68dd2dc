/**
 * Placed lines → the parser's intermediate: one SourceLine a printed block,
 * blank lines between blocks, as in a text seed. A block ends at a vertical
 * gap wider than a line's leading, at a change of type size, at a bold line
 * after a finished regular one (or the reverse), at a line that
 * opens with a list label followed by a tab stop ("115.2", "(b)", "3."), at a
 * new footnote and where a table starts or stops. A block's lines are joined
 * by the text route's rule (one space; a word hyphenated at the line end is
 * joined unless the document prints the hyphenated form elsewhere).
 */
import type { LineRole, SourceLine } from '../parse-report/source-lines.ts';
import { hyphenatedWords, joinPieces } from '../parse-report/text.ts';
import type { PlacedLine } from './page-regions.ts';

/** A gap between baselines wider than this many font sizes separates blocks. */
const BLOCK_GAP_EM = 1.5;
/** A list label as the first column of a line. */
const LABEL = /^(?:\(?[a-z]{1,4}\)|\(?\d{1,3}\)|\d{1,4}(?:\.\d{1,3})*\.?|[IVXL]{1,6}\.?|[A-Z]\.|[-•–—▪◦])$/;

interface Block { lines: PlacedLine[]; role?: LineRole }

function roleOf(l: PlacedLine): LineRole | undefined {
  if (l.region === 'table') return 'table';
  if (l.region === 'footnote') return /^[*†‡]/.test(l.text) ? 'note' : 'footnote';
  return undefined;
}

function startsBlock(prev: PlacedLine, l: PlacedLine): boolean {
  if (prev.region !== l.region) return true;
  if (l.region === 'footnote') return !!l.opensNote;
  if (l.region === 'table') return prev.y - l.y > 2.5 * Math.max(prev.size, l.size);
  if (prev.y - l.y > BLOCK_GAP_EM * Math.max(prev.size, l.size)) return true;
  if (Math.abs(prev.size - l.size) > 0.6) return true;
  // a bold heading printed at the leading of the paragraph above it
  if (prev.bold !== l.bold && /\p{L}/u.test(l.text) && (prev.bold || /[.:;!?]["”’)]*$|[⁰¹²³⁴⁵⁶⁷⁸⁹]$/.test(prev.text))) return true;
  return l.segments.length >= 2 && LABEL.test(l.segments[0].text);
}

/** Group one page's lines (furniture and masthead already taken out) into blocks. */
function pageBlocks(lines: readonly PlacedLine[]): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let prev: PlacedLine | null = null;
  for (const l of lines) {
    if (!cur || !prev || startsBlock(prev, l)) {
      cur = { lines: [l], role: roleOf(l) };
      blocks.push(cur);
    } else {
      cur.lines.push(l);
    }
    prev = l;
  }
  return blocks;
}

/** Numbers printed as a label over several lines of the label column: "40., 41., 42.," then "43., 44.". */
const LABEL_NUMBERS = /^(?:\d{1,4}\.,?\s?)+$/;

const GROUP_PREFIX = /^((?:\d{1,4}\.,\s?)+(?:\d{1,4}\.)?)\s*/;

/** The lines' texts, with a label continued in the label column moved up to the first line's label. */
function withLabelColumn(lines: readonly PlacedLine[]): string[] {
  const first = lines[0];
  const head = GROUP_PREFIX.exec(first.text);
  if (!head || lines.length < 2) return lines.map((l) => l.text);
  let label = head[1].trim();
  const rest = [first.text.slice(head[0].length)];
  for (const l of lines.slice(1)) {
    const s0 = l.segments[0];
    if (Math.abs(s0.x - first.x) < 2 && LABEL_NUMBERS.test(s0.text)) {
      label = `${label} ${s0.text}`;
      if (l.segments.length > 1) rest.push(l.segments.slice(1).map((s) => s.text).join('\t'));
    } else {
      rest.push(l.text);
    }
  }
  return [`${label.replace(/,$/, '')}\t${rest[0]}`, ...rest.slice(1)];
}

/** Table rows keep their line breaks (as " | " between rows); tabs between cells. */
function blockText(b: Block, compounds: () => Set<string>): string {
  if (b.role === 'table') return b.lines.map((l) => l.text).join(' | ');
  const text = joinPieces(withLabelColumn(b.lines), compounds);
  if (b.role) return text;
  // a numbered paragraph printed in bold (recommendations) keeps its bold as markup, as in the text seeds
  const m = /^(\d{1,4}\.?(?:\t| ))(\S[\s\S]*)$/.exec(text);
  const bold = b.lines.filter((l) => l.bold).length * 2 > b.lines.length;
  return m && bold ? `${m[1]}**${m[2]}**` : text;
}

/** A caption is the block that opens with "Table 3" (or "Figure 3") next to a table. */
function markCaptions(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.role || !/^(?:Table|Figure|Chart|Graph)\s+[\dIVX]+\b/i.test(b.lines[0].text)) continue;
    if (blocks[i - 1]?.role === 'table' || blocks[i + 1]?.role === 'table' || blocks[i + 2]?.role === 'table') b.role = 'caption';
  }
}

/** The document's blocks as SourceLines, pages in order, a blank line between blocks. */
export function toSourceLines(pages: readonly PlacedLine[][]): SourceLine[] {
  const kept = pages.map((lines) => lines.filter((l) => l.region !== 'furniture' && l.region !== 'masthead'));
  let compoundSet: Set<string> | null = null;
  const compounds = () => (compoundSet ??= hyphenatedWords(kept.flat().map((l) => l.text)));
  const out: SourceLine[] = [];
  for (const lines of kept) {
    const blocks = pageBlocks(lines);
    markCaptions(blocks);
    for (const b of blocks) {
      const first = b.lines[0];
      const last = b.lines[b.lines.length - 1];
      if (out.length > 0) out.push({ text: '', page: first.page, line: first.pageLine, endPage: first.page, endLine: first.pageLine });
      out.push({
        text: blockText(b, compounds), page: first.page, line: first.pageLine, endPage: last.page, endLine: last.pageLine,
        ...(b.role ? { role: b.role } : {}),
      });
    }
  }
  return out;
}
