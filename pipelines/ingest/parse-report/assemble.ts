/**
 * The state machine that walks the classified lines and builds the report's
 * structure: front matter and TOC first, then the body's headings, numbered
 * paragraphs (with their continuation pieces across page breaks), heading
 * intros and footnotes. It keeps raw pieces with their source lines; turning
 * them into rows (markup, markers, joins) is done in build-rows.ts.
 *
 * Rules, in short:
 * - The body starts at the first chapter heading (`I. Introduction`) or at a
 *   paragraph-shaped `1. …` line; before it, a paragraph-shaped numbered line
 *   other than 1 is an error, everything else is front matter.
 * - A numbered line is a subsection heading when its label is a TOC entry
 *   with that number (`1. Africa`), or when it has heading shape and either
 *   the next item is a paragraph with the same number or its number is not
 *   the next paragraph number; otherwise it starts the next paragraph, or is
 *   an error (repeated, skipped, out of order).
 * - After blank lines, a text block continues the open paragraph unless it
 *   is a heading (heading shape, closed previous paragraph, a line of its
 *   own: followed by a blank line or a new item); with no open paragraph it
 *   is the intro of the last heading. Inside a block, a line continues the
 *   current item, except such a stand-alone heading after a finished one.
 * - Footnote lines (leading superscript digits) never enter a paragraph and
 *   do not close it; nor do tables, captions and notes the PDF reader placed,
 *   which become blocks.
 * - An unnumbered heading standing right before paragraph 1 ("Introduction")
 *   opens the body as an unnumbered chapter.
 * - "I." right after section "H." is section I, not chapter I.
 * - Sub-items belong to the open paragraph: "(a)" after a paragraph ending
 *   with a colon (or after its item "(z-1)"), "115.1" under paragraph 115,
 *   "Rec. 18", and a run of numbers restarting at 1 under a paragraph.
 * - Resolutions and decisions printed in a report ("14/2 Trafficking in
 *   persons …") and annexes hold text with a numbering of their own: it
 *   becomes blocks, not paragraphs, until the next part or chapter (for a
 *   resolution) or the end (for an annex).
 */
import { fail } from './fail.ts';
import type { Line, LineKind } from './classify-lines.ts';
import { assignTocPaths, parseTocLine, type TocEntry, type TocLine } from './parse-toc.ts';
import type { FootnoteBuild } from './extract-footnotes.ts';
import { endsSentence, labelKey, looksLikeHeading, plain } from './text.ts';
import type { LineRole } from './source-lines.ts';

export interface Piece {
  text: string;
  line: number;
  /** Cached endsSentence(text). */
  ends?: boolean;
}

export type Level = 1 | 2 | 3 | 4 | 5;

export interface HeadingBuild {
  level: Level;
  number: string | null;
  id: string;
  line: number;
  labelPieces: Piece[];
  introPieces: Piece[];
  first: number | null;
  last: number | null;
}

export interface ItemBuild {
  /** The item's number as printed, without brackets: 'a', '115.1', '3', '18'. */
  no: string;
  /** The label as printed before the text: '(a)', '115.1', '3.', 'Rec. 18'. */
  label: string;
  line: number;
  pieces: Piece[];
}

export interface ParaBuild {
  no: number;
  /** The other numbers of a group printed together ("5., 6., 7. …" → [6, 7]), else undefined. */
  group?: number[];
  line: number;
  pieces: Piece[];
  items: ItemBuild[];
  /** Headings in force when the paragraph started, indexed by level 1–5. */
  active: readonly (HeadingBuild | undefined)[];
}

export type BlockKind = Exclude<LineRole, 'footnote'> | 'resolution' | 'annex' | 'front';

export interface BlockBuild {
  kind: BlockKind;
  /** Printed number of a numbered block (an operative paragraph of a resolution, an annex paragraph). */
  number: string | null;
  line: number;
  pieces: Piece[];
  /** Heading in force (deepest) and the last paragraph before the block. */
  heading: HeadingBuild | null;
  after: number | null;
}

export interface FrontMarkers {
  line: number;
  text: string;
}

export interface Assembled {
  paragraphs: ParaBuild[];
  headings: HeadingBuild[];
  footnotes: FootnoteBuild[];
  toc: TocEntry[];
  blocks: BlockBuild[];
  /** Front-matter lines that carry footnote markers (a summary's note). */
  front: FrontMarkers[];
}

type Receiver =
  | { type: 'para'; p: ParaBuild }
  | { type: 'item'; p: ParaBuild; item: ItemBuild }
  | { type: 'intro'; h: HeadingBuild }
  | { type: 'heading'; h: HeadingBuild }
  | { type: 'footnote'; f: FootnoteBuild }
  | { type: 'block'; b: BlockBuild };

/** Numbered headings with a number above this are not subsections. */
const MAX_SUBSECTION = 30;
/** A numbered line this far from the expected number is text, not a sequence error. */
const SEQUENCE_WINDOW = 50;

const SEQ_HINT = 'paragraph numbers must run 1, 2, 3 … without gaps or repeats: fix the number or restore the missing text';

/** Does the last piece end a sentence? (cached on the piece) */
function lastEnds(pieces: readonly Piece[]): boolean {
  const p = pieces[pieces.length - 1];
  if (!p) return false;
  return (p.ends ??= endsSentence(p.text));
}

/** The pieces a paragraph's next text goes to: its last item's, or its own. */
function tailPieces(p: ParaBuild): Piece[] {
  return p.items.length ? p.items[p.items.length - 1].pieces : p.pieces;
}

const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** Value of a roman numeral of I, V, X, L. */
export function romanValue(r: string): number {
  let n = 0;
  for (let i = 0; i < r.length; i++) {
    const v = ROMAN_VALUE[r[i]] ?? 0;
    n += v < (ROMAN_VALUE[r[i + 1]] ?? 0) ? -v : v;
  }
  return n;
}

/**
 * Is the roman-looking number (I, V, X, L) really the letter after the open
 * section's ("I." after "H.")? Only when it is not the next chapter number.
 */
export function isSectionLetter(number: string, section: string | null | undefined, chapter: string | null | undefined): boolean {
  if (number.length !== 1 || !section || section.length !== 1) return false;
  if (section.charCodeAt(0) + 1 !== number.charCodeAt(0)) return false;
  const next = chapter && /^[IVXL]+$/.test(chapter) ? romanValue(chapter) + 1 : 1;
  return romanValue(number) !== next;
}

class Assembler {
  private inBody = false;
  private expected = 1;
  private readonly stack: (HeadingBuild | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  private openPara: ParaBuild | null = null;
  private lastHeading: HeadingBuild | null = null;
  private blockStart = true;
  private current: Receiver | null = null;
  private pendingTocPrefix: string | null = null;
  private readonly paras: ParaBuild[] = [];
  private readonly paraLine = new Map<number, number>();
  private readonly heads: HeadingBuild[] = [];
  /** Heading ids in use → next #suffix to try for a repeat. */
  private readonly ids = new Map<string, number>();
  private readonly notes: FootnoteBuild[] = [];
  private readonly tocLines: (TocLine & { line: number })[] = [];
  private readonly tocSubsections = new Set<string>();
  private readonly blocks: BlockBuild[] = [];
  private readonly frontMarkers: FrontMarkers[] = [];
  /** Inside a resolution or an annex, text has a numbering of its own and becomes blocks. */
  private scope: 'main' | 'resolution' | 'annex' = 'main';
  /** Number of blocks when the scope opened (a heading opens a new one). */
  private scopeStart = 0;
  /** Numbers already given (a group "77., 78., 82." gives three), so the next expected skips them. */
  private readonly covered = new Set<number>();
  /** The lowest number ≥ 1 not in `covered` (covered only grows, until a restart clears it). */
  private lowestGap = 1;
  /** Paragraphs in `paras` printed as a group of numbers (then paragraphs may come out of numeric order). */
  private groupedParas = 0;
  /** The intro block found between an unnumbered heading and paragraph 1, if any. */
  private introAfterHeading: number | null = null;

  constructor(
    private readonly lines: readonly Line[], private readonly file: string,
    private readonly at: (no: number) => string = (no) => `line ${no}`,
  ) {}

  run(): Assembled {
    for (let i = 0; i < this.lines.length; i++) this.step(i);
    if (this.paras.length === 0) {
      const where = this.inBody ? 'after the first heading' : 'in the file';
      throw fail(this.file, this.lines.length,
        `no numbered paragraph found ${where} (read to the last line, ${this.lines.length})`,
        'numbered paragraphs start a line with their number, e.g. "1. In her first report …"; check that this is the report text');
    }
    return {
      paragraphs: this.paras, headings: this.heads, footnotes: this.notes, toc: assignTocPaths(this.tocLines),
      blocks: this.blocks, front: this.frontMarkers,
    };
  }

  private step(i: number): void {
    const k = this.lines[i].k;
    if (k.kind === 'artefact') return;
    if (k.kind === 'blank') {
      this.blockStart = true;
      this.current = null;
      this.pendingTocPrefix = null;
      return;
    }
    if (k.kind === 'footnote') this.footnote(i);
    else {
      if (!this.inBody) this.front(i);
      if (this.inBody) this.body(i);
    }
    this.blockStart = false;
  }

  private nextKind(i: number): LineKind['kind'] | null {
    for (let j = i + 1; j < this.lines.length; j++) {
      const kind = this.lines[j].k.kind;
      if (kind !== 'artefact') return kind;
    }
    return null;
  }

  // ---- front matter and table of contents -------------------------------

  private front(i: number): void {
    const ln = this.lines[i];
    const k = ln.k;
    if (k.kind === 'toc') {
      let entry = k.entry;
      if (entry.number === null && this.pendingTocPrefix !== null) {
        entry = parseTocLine(`${this.pendingTocPrefix} ${ln.text}`) ?? entry;
      }
      this.pendingTocPrefix = null;
      this.tocLines.push({ ...entry, line: ln.no });
      if (entry.numberKind === 'digit') this.tocSubsections.add(`${entry.number}|${labelKey(entry.label)}`);
      return;
    }
    if (this.nextKind(i) === 'toc') {
      // First line of a TOC entry wrapped over two lines.
      this.pendingTocPrefix = this.pendingTocPrefix === null ? ln.text : `${this.pendingTocPrefix} ${ln.text}`;
      return;
    }
    this.pendingTocPrefix = null;
    if (k.kind === 'chapter' || k.kind === 'part') { this.inBody = true; return; }
    if (k.kind === 'section') {
      // a report may open with a section ("A. Background and framework") under an unnumbered heading
      this.inBody = true;
      const h = this.headingBefore(i);
      if (h !== null) this.openHeading(1, null, this.lines[h].text, this.lines[h].no);
      return;
    }
    if (k.kind === 'text' && /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(ln.text)) this.frontMarkers.push({ line: ln.no, text: ln.text });
    if (k.kind === 'numbered' && k.period && (!looksLikeHeading(k.rest) || this.goesOn(i))) {
      if (k.number === 1) {
        this.inBody = true;
        const h = this.headingBefore(i);
        if (h !== null) {
          this.openHeading(1, null, this.lines[h].text, this.lines[h].no);
          if (this.introAfterHeading !== null) {
            const intro = this.lines[this.introAfterHeading];
            this.heads[this.heads.length - 1].introPieces.push({ text: intro.text, line: intro.no });
          }
        }
        return;
      }
      throw fail(this.file, ln.no,
        `line looks like numbered paragraph ${k.number} but comes before the body (no chapter heading or paragraph 1 yet)`,
        'remove the stray number from the front matter, or restore the text before it if the start of the body is missing');
    }
  }

  /**
   * A stand-alone unnumbered heading printed right before line i
   * ("Introduction"), or before one block of text that is then its intro;
   * returns its index, or null.
   */
  private headingBefore(i: number): number | null {
    const prevBlock = (from: number): number => {
      let j = from - 1;
      while (j >= 0 && (this.lines[j].k.kind === 'blank' || this.lines[j].k.kind === 'artefact' || this.lines[j].k.kind === 'footnote' || this.lines[j].k.kind === 'block')) j--;
      return j;
    };
    const standalone = (j: number) => {
      const before = this.lines[j - 1]?.k.kind;
      const after = this.lines[j + 1]?.k.kind;
      return (before === undefined || before === 'blank' || before === 'artefact') && (after === 'blank' || after === 'artefact');
    };
    const isHeading = (j: number, words: number) => j >= 0 && this.lines[j].k.kind === 'text' && standalone(j)
      && looksLikeHeading(this.lines[j].text) && plain(this.lines[j].text).split(' ').length <= words;
    const j = prevBlock(i);
    if (j < 0 || j === i - 1) return null;
    if (isHeading(j, 6)) return j;
    // a heading, then one block of text introducing the paragraphs
    const k = prevBlock(j);
    if (this.lines[j].k.kind === 'text' && !looksLikeHeading(this.lines[j].text) && standalone(j) && isHeading(k, 15)) {
      this.introAfterHeading = j;
      return k;
    }
    return null;
  }

  // ---- body ---------------------------------------------------------------

  private body(i: number): void {
    const ln = this.lines[i];
    const k = ln.k;
    if (this.scope !== 'main' && this.scoped(i)) return;
    switch (k.kind) {
      case 'block':
        this.addBlock(k.role, null, ln.text, ln.no);
        return;
      case 'part':
        if (this.boundary()) { this.openHeading(1, null, k.label, ln.no); return; }
        break;
      case 'annex':
        if (this.boundary()) { this.openHeading(1, k.number === null ? 'Annex' : `Annex ${k.number}`, k.label || 'Annex', ln.no); this.scope = 'annex'; this.scopeStart = this.blocks.length; return; }
        break;
      case 'resolution':
        if (this.boundary()) { this.openHeading(this.stack[1] ? 2 : 1, k.number, k.label, ln.no); this.scope = 'resolution'; this.scopeStart = this.blocks.length; return; }
        break;
      case 'chapter':
        if (this.boundary()) {
          if (isSectionLetter(k.number, this.stack[2]?.number, this.stack[1]?.number)) this.openHeading(2, k.number, k.label, ln.no);
          else this.openHeading(1, k.number, k.label, ln.no);
          return;
        }
        break;
      case 'section':
        if (this.boundary()) { this.openHeading(2, k.number, k.label, ln.no); return; }
        break;
      case 'cluster':
        if (this.boundary() && this.itemOf(k.letter)) { this.addItem(k.letter, `(${k.letter})`, k.label, ln.no); return; }
        if (this.boundary()) { this.openHeading(5, k.letter, k.label, ln.no); return; }
        break;
      case 'item':
        if (this.openPara?.no === k.para && this.boundary()) { this.addItem(k.item, k.item, k.rest, ln.no); return; }
        break;
      case 'rec':
        if (this.openPara && this.boundary()) { this.addItem(k.item, k.label, k.rest, ln.no); return; }
        break;
      case 'bullet':
        if (this.openPara && this.boundary()) {
          const n = this.openPara.items.filter((it) => it.label === '•').length + 1;
          this.addItem(`•${n}`, '•', k.rest, ln.no);
          return;
        }
        break;
      case 'numbered':
        if (this.numberedItem(i, k)) return;
        if (this.numbered(ln, k)) return;
        break;
      default:
        break;
    }
    this.text(i);
  }

  /** A footnote line (in the front matter too); one without a number goes on with the last footnote. */
  private footnote(i: number): void {
    const ln = this.lines[i];
    const k = ln.k as Extract<LineKind, { kind: 'footnote' }>;
    const last = this.notes[this.notes.length - 1];
    if (k.note === '' && last) { last.pieces.push(k.text); this.current = { type: 'footnote', f: last }; return; }
    if (k.note === '') return;
    const f: FootnoteBuild = { mark: k.note, line: ln.no, pieces: [k.text] };
    this.notes.push(f);
    this.current = { type: 'footnote', f };
  }

  /** A line inside a resolution or an annex; false when it ends the scope (the caller then handles it). */
  private scoped(i: number): boolean {
    const ln = this.lines[i];
    const k = ln.k;
    if (k.kind === 'part' || (this.scope === 'resolution' && (k.kind === 'chapter' || k.kind === 'section'))) {
      this.scope = 'main';
      return false;
    }
    if (k.kind === 'resolution' && this.scope === 'resolution') {
      this.openHeading(this.stack[1] ? 2 : 1, k.number, k.label, ln.no);
      this.scopeStart = this.blocks.length;
      return true;
    }
    if (k.kind === 'annex' && this.scope === 'annex') {
      this.openHeading(1, k.number === null ? 'Annex' : `Annex ${k.number}`, k.label || 'Annex', ln.no);
      this.scopeStart = this.blocks.length;
      return true;
    }
    if (k.kind === 'blank' || k.kind === 'artefact') return true;
    // (blank lines reset `current`; the last block of the scope is still the one text goes on in)
    const lastBlock = this.blocks[this.blocks.length - 1];
    const last = lastBlock && lastBlock.kind === this.scope && this.blocks.length > this.scopeStart ? lastBlock : null;
    // text broken across a page goes on in the same block
    if (last && this.blockStart && !lastEnds(last.pieces) && (k.kind === 'text' || /^\p{Ll}/u.test(ln.text))) {
      last.pieces.push({ text: ln.text, line: ln.no });
      return true;
    }
    // the sub-items (a), (b) … of an operative paragraph stay in its block
    const numbered = [...this.blocks].reverse().find((b) => b.kind === this.scope);
    if (k.kind === 'cluster' && numbered?.number != null && this.scopeItems(numbered, k.letter)) {
      numbered.pieces.push({ text: ln.text, line: ln.no });
      this.current = { type: 'block', b: numbered };
      return true;
    }
    const number = k.kind === 'numbered' ? String(k.number) : null;
    this.addBlock(k.kind === 'block' ? k.role : (this.scope as BlockKind), number, number === null ? ln.text : (k as { rest: string }).rest, ln.no);
    return true;
  }

  /** Does "(letter)" go on the list of sub-items of the numbered block b? */
  private scopeItems(b: BlockBuild, letter: string): boolean {
    if (b !== this.blocks[this.blocks.length - 1]) return false;
    const text = b.pieces.map((p) => p.text).join(' ');
    if (letter === 'a') return /:["”’)]*$/.test(plain(text));
    return new RegExp(`\\(${String.fromCharCode(letter.charCodeAt(0) - 1)}\\)`).test(text);
  }

  private addBlock(kind: BlockKind, number: string | null, text: string, line: number): void {
    const heading = this.lastHeading;
    const after = this.paras.length ? this.paras[this.paras.length - 1].no : null;
    const b: BlockBuild = { kind, number, line, pieces: [{ text, line }], heading, after };
    this.blocks.push(b);
    this.current = { type: 'block', b };
  }

  // ---- sub-items ----------------------------------------------------------

  /** Does a lettered line "(x)" continue or open the open paragraph's list of items? */
  private itemOf(letter: string): boolean {
    const p = this.openPara;
    if (!p) return false;
    const last = p.items[p.items.length - 1];
    if (last) return /^[a-z]$/.test(last.no) && last.no.charCodeAt(0) + 1 === letter.charCodeAt(0);
    return letter === 'a' && /:["”’)]*$/.test(plain(p.pieces[p.pieces.length - 1].text));
  }

  /**
   * A numbered line that is a sub-item of the open paragraph: the next number
   * of its numbered items, or a 1 that opens them (not the expected paragraph
   * number, and not a heading: a heading is complete, an item goes on after it).
   */
  private numberedItem(i: number, k: Extract<LineKind, { kind: 'numbered' }>): boolean {
    const p = this.openPara;
    if (!p || k.number === this.expected || !this.boundary()) return false;
    const last = p.items[p.items.length - 1];
    const numeric = last && /^\d+$/.test(last.no);
    if (numeric ? Number(last.no) + 1 !== k.number : (last !== undefined || k.number !== 1)) return false;
    if (!numeric && looksLikeHeading(k.rest) && !this.continuesAfter(i)) return false;
    this.addItem(String(k.number), `${k.number}.`, k.rest, this.lines[i].no);
    return true;
  }

  /** Does the block of line i go on on the next line (a wrapped line: then it is no heading, which stands alone)? */
  private goesOn(i: number): boolean {
    const next = this.lines[i + 1]?.k.kind;
    return next === 'text' || (next === 'numbered' && !endsSentence(this.lines[i].text));
  }

  /** Does the text of line i go on in the next block (it was cut by a page break)? */
  private continuesAfter(i: number): boolean {
    if (endsSentence(this.lines[i].text)) return false;
    for (let j = i + 1; j < this.lines.length; j++) {
      const k = this.lines[j].k;
      if (k.kind === 'blank' || k.kind === 'artefact' || k.kind === 'footnote' || k.kind === 'block') continue;
      return k.kind === 'text' && /^\p{Ll}/u.test(this.lines[j].text);
    }
    return false;
  }

  private addItem(no: string, label: string, rest: string, line: number): void {
    const p = this.openPara!;
    const item: ItemBuild = { no, label, line, pieces: [{ text: rest, line }] };
    p.items.push(item);
    this.current = { type: 'item', p, item };
  }

  /** May a new item (heading, paragraph) start on this line? */
  private boundary(): boolean {
    const c = this.current;
    if (this.blockStart || c === null) return true;
    switch (c.type) {
      case 'heading':
      case 'footnote':
        return true;
      case 'block':
        return true;
      case 'para':
        return lastEnds(c.p.pieces);
      case 'item':
        return lastEnds(c.item.pieces);
      case 'intro':
        return lastEnds(c.h.introPieces);
    }
  }

  private unfinishedPara(): boolean {
    return this.openPara !== null && !lastEnds(tailPieces(this.openPara));
  }

  private numbered(ln: Line, k: Extract<LineKind, { kind: 'numbered' }>): boolean {
    const n = k.number;
    const boundary = this.boundary();
    if (n === 1 && this.expected !== 1 && boundary && this.restartsUnderFirstChapter()) {
      this.newPara(n, k.rest, ln.no, k.group);
      return true;
    }
    const headingLike = k.period && looksLikeHeading(k.rest) && !this.goesOn(ln.no - 1);
    if (boundary && headingLike && (this.tocSubsections.has(`${n}|${labelKey(k.rest)}`) || this.nextIsParagraph(ln.no - 1, n) || this.nextIsTable(ln.no - 1))) {
      this.openHeading(3, String(n), k.rest, ln.no);
      return true;
    }
    if (boundary && n === this.expected && (k.period || /^(?:\*\*|<|["“‘(\p{Lu}\p{N}])/u.test(k.rest))) {
      this.newPara(n, k.rest, ln.no, k.group);
      return true;
    }
    const unfinished = this.unfinishedPara();
    if (boundary && headingLike && n !== this.expected && n <= MAX_SUBSECTION && !unfinished) {
      this.openHeading(3, String(n), k.rest, ln.no);
      return true;
    }
    if (!boundary || (unfinished && this.blockStart)) return false;
    if (k.period && Math.abs(n - this.expected) <= SEQUENCE_WINDOW) throw this.sequenceError(n, ln.no);
    return false;
  }

  /**
   * A list numbered from 1 printed before the first chapter (a list of
   * abbreviations) looks like paragraphs 1, 2, 3 … until the first chapter
   * opens with paragraph 1 again: the earlier ones were front matter, kept as
   * blocks.
   */
  private restartsUnderFirstChapter(): boolean {
    const chapter = this.stack[1];
    if (!chapter || chapter.number === null || this.paras.some((p) => p.active[1]?.number != null)) return false;
    for (const h of this.heads) if (h !== chapter) { h.first = null; h.last = null; }
    this.covered.clear();
    this.lowestGap = 1;
    for (const p of this.paras.splice(0)) {
      const pieces = [p.pieces, ...p.items.map((it) => it.pieces)].flat();
      this.blocks.push({ kind: 'front', number: String(p.no), line: p.line, pieces, heading: null, after: null });
    }
    this.paraLine.clear();
    this.groupedParas = 0;
    this.expected = 1;
    return true;
  }

  /** Is the next item after line index i a table (so a numbered label above it is its caption heading)? */
  private nextIsTable(i: number): boolean {
    for (let j = i + 1; j < this.lines.length; j++) {
      const k = this.lines[j].k;
      if (k.kind === 'blank' || k.kind === 'artefact' || k.kind === 'footnote') continue;
      return k.kind === 'block' && (k.role === 'table' || k.role === 'caption');
    }
    return false;
  }

  /** Is the next item after line index i a numbered paragraph `n. …` (so line i, also numbered n, is a heading)? */
  private nextIsParagraph(i: number, n: number): boolean {
    for (let j = i + 1; j < this.lines.length; j++) {
      const k = this.lines[j].k;
      if (k.kind === 'blank' || k.kind === 'artefact') continue;
      return k.kind === 'numbered' && k.number === n && !looksLikeHeading(k.rest);
    }
    return false;
  }

  private sequenceError(n: number, line: number) {
    const last = this.paras[this.paras.length - 1];
    if (!last) {
      return fail(this.file, line, `the first numbered paragraph is ${n}; expected 1`, SEQ_HINT);
    }
    const before = this.paraLine.get(n);
    if (n === last.no) {
      return fail(this.file, line, `paragraph number ${n} is repeated (first at ${this.at(last.line)})`, SEQ_HINT);
    }
    if (n < last.no) {
      const seen = before === undefined ? '' : ` (paragraph ${n} is already at ${this.at(before)})`;
      return fail(this.file, line, `paragraph ${n} is out of order: it comes after paragraph ${last.no} (${this.at(last.line)})${seen}`, SEQ_HINT);
    }
    const gap = n - 1 > this.expected ? `${this.expected}–${n - 1}` : String(this.expected);
    return fail(this.file, line,
      `paragraph number ${n} skips ${gap}: expected ${this.expected} after paragraph ${last.no} (${this.at(last.line)})`, SEQ_HINT);
  }

  private text(i: number): void {
    const ln = this.lines[i];
    const piece = { text: ln.text, line: ln.no };
    const c = this.current;
    if (!this.blockStart && c !== null) {
      if ((c.type === 'para' || c.type === 'item' || c.type === 'intro') && this.boundary() && looksLikeHeading(ln.text) && this.headingBlockEnds(i)) {
        // A heading printed right under a finished paragraph, with no blank line.
        this.openHeading(4, null, ln.text, ln.no);
        return;
      }
      switch (c.type) {
        case 'para': c.p.pieces.push(piece); return;
        case 'item': c.item.pieces.push(piece); return;
        case 'block': c.b.pieces.push(piece); return;
        case 'footnote': c.f.pieces.push(ln.text); return;
        case 'intro': c.h.introPieces.push(piece); return;
        case 'heading':
          if (c.h.level !== 4 && c.h.introPieces.length === 0 && /^\p{Ll}/u.test(ln.text)) {
            c.h.labelPieces.push(piece); // heading label wrapped onto a second line
          } else {
            c.h.introPieces.push(piece);
            this.current = { type: 'intro', h: c.h };
          }
          return;
      }
    }
    if (!this.unfinishedPara() && looksLikeHeading(ln.text) && this.headingBlockEnds(i)) {
      this.openHeading(4, null, ln.text, ln.no);
      return;
    }
    if (this.openPara) {
      const p = this.openPara;
      const last = p.items[p.items.length - 1];
      if (last) { last.pieces.push(piece); this.current = { type: 'item', p, item: last }; return; }
      p.pieces.push(piece);
      this.current = { type: 'para', p };
      return;
    }
    if (this.lastHeading) {
      this.lastHeading.introPieces.push(piece);
      this.current = { type: 'intro', h: this.lastHeading };
    }
  }

  /** A heading stands alone: its block ends, or the next line starts a new item. */
  private headingBlockEnds(i: number): boolean {
    const next = this.nextKind(i);
    return next === null || next === 'blank' || next === 'numbered' || next === 'cluster'
      || next === 'chapter' || next === 'section' || next === 'footnote' || next === 'item' || next === 'rec' || next === 'bullet'
      || next === 'part' || next === 'annex' || next === 'resolution' || next === 'block';
  }

  private openHeading(level: Level, number: string | null, label: string, line: number): void {
    for (let l = level; l <= 5; l++) this.stack[l] = undefined;
    const path = [1, 2, 3].map((l) => this.stack[l]?.number).filter((x) => x != null);
    if (level <= 3 && number !== null) path.push(number);
    const base = path.join('.');
    let id: string;
    if (level <= 3) id = number === null ? [base, plain(label)].filter(Boolean).join('/') : base;
    else if (level === 4) id = `${base}/${plain(label)}`;
    else {
      const theme = this.stack[4];
      id = `${base}${theme ? `/${plain(theme.labelPieces[0].text)}` : ''}/(${number})`;
    }
    // Unique ids: a repeated path gets #2, #3 … The map keeps, per id, the next suffix to
    // try, so a label repeated many times stays linear.
    const next = this.ids.get(id);
    if (next === undefined) {
      this.ids.set(id, 2);
    } else {
      let n = next;
      while (this.ids.has(`${id}#${n}`)) n++;
      this.ids.set(id, n + 1);
      id = `${id}#${n}`;
      this.ids.set(id, 2);
    }
    const h: HeadingBuild = {
      level, number, id, line, labelPieces: [{ text: label, line }], introPieces: [], first: null, last: null,
    };
    this.stack[level] = h;
    this.heads.push(h);
    this.openPara = null;
    this.lastHeading = h;
    this.current = { type: 'heading', h };
  }

  private newPara(n: number, rest: string, line: number, group?: readonly number[]): void {
    const p: ParaBuild = { no: n, line, pieces: [{ text: rest, line }], items: [], active: this.stack.slice() };
    if (group) p.group = [...group];
    for (let l = 1; l <= 5; l++) {
      const h = this.stack[l];
      if (h) { h.first ??= n; h.last = n; }
    }
    this.paras.push(p);
    this.paraLine.set(n, line);
    this.openPara = p;
    this.current = { type: 'para', p };
    this.covered.add(n);
    for (const g of group ?? []) this.covered.add(g);
    if (group) this.groupedParas++;
    this.expected = n + 1;
    while (this.covered.has(this.expected)) this.expected++;
    // a group that skipped numbers ("77., 78., 82.") leaves the lowest one missing expected next
    while (this.covered.has(this.lowestGap)) this.lowestGap++;
    if (this.groupedParas > 0 && this.lowestGap < this.expected) this.expected = this.lowestGap;
  }
}

export function assemble(lines: readonly Line[], file: string, at?: (no: number) => string): Assembled {
  return new Assembler(lines, file, at).run();
}
