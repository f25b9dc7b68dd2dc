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
 *   do not close it.
 */
import { fail } from './fail.ts';
import type { Line, LineKind } from './classify-lines.ts';
import { assignTocPaths, parseTocLine, type TocEntry, type TocLine } from './parse-toc.ts';
import type { FootnoteBuild } from './extract-footnotes.ts';
import { endsSentence, labelKey, looksLikeHeading, plain } from './text.ts';

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

export interface ParaBuild {
  no: number;
  line: number;
  pieces: Piece[];
  /** Headings in force when the paragraph started, indexed by level 1–5. */
  active: readonly (HeadingBuild | undefined)[];
}

export interface Assembled {
  paragraphs: ParaBuild[];
  headings: HeadingBuild[];
  footnotes: FootnoteBuild[];
  toc: TocEntry[];
}

type Receiver =
  | { type: 'para'; p: ParaBuild }
  | { type: 'intro'; h: HeadingBuild }
  | { type: 'heading'; h: HeadingBuild }
  | { type: 'footnote'; f: FootnoteBuild };

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

  constructor(private readonly lines: readonly Line[], private readonly file: string) {}

  run(): Assembled {
    for (let i = 0; i < this.lines.length; i++) this.step(i);
    if (this.paras.length === 0) {
      const where = this.inBody ? 'after the first heading' : 'in the file';
      throw fail(this.file, this.lines.length,
        `no numbered paragraph found ${where} (read to the last line, ${this.lines.length})`,
        'numbered paragraphs start a line with their number, e.g. "1. In her first report …"; check that this is the report text');
    }
    return { paragraphs: this.paras, headings: this.heads, footnotes: this.notes, toc: assignTocPaths(this.tocLines) };
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
    if (!this.inBody) this.front(i);
    if (this.inBody) this.body(i);
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
    if (k.kind === 'chapter') { this.inBody = true; return; }
    if (k.kind === 'numbered' && k.period && !looksLikeHeading(k.rest)) {
      if (k.number === 1) { this.inBody = true; return; }
      throw fail(this.file, ln.no,
        `line looks like numbered paragraph ${k.number} but comes before the body (no chapter heading or paragraph 1 yet)`,
        'remove the stray number from the front matter, or restore the text before it if the start of the body is missing');
    }
  }

  // ---- body ---------------------------------------------------------------

  private body(i: number): void {
    const ln = this.lines[i];
    const k = ln.k;
    switch (k.kind) {
      case 'footnote': {
        const f: FootnoteBuild = { mark: k.note, line: ln.no, pieces: [k.text] };
        this.notes.push(f);
        this.current = { type: 'footnote', f };
        return;
      }
      case 'chapter':
      case 'section':
        if (this.boundary()) { this.openHeading(k.kind === 'chapter' ? 1 : 2, k.number, k.label, ln.no); return; }
        break;
      case 'cluster':
        if (this.boundary()) { this.openHeading(5, k.letter, k.label, ln.no); return; }
        break;
      case 'numbered':
        if (this.numbered(ln, k)) return;
        break;
      default:
        break;
    }
    this.text(i);
  }

  /** May a new item (heading, paragraph) start on this line? */
  private boundary(): boolean {
    const c = this.current;
    if (this.blockStart || c === null) return true;
    switch (c.type) {
      case 'heading':
      case 'footnote':
        return true;
      case 'para':
        return lastEnds(c.p.pieces);
      case 'intro':
        return lastEnds(c.h.introPieces);
    }
  }

  private unfinishedPara(): boolean {
    return this.openPara !== null && !lastEnds(this.openPara.pieces);
  }

  private numbered(ln: Line, k: Extract<LineKind, { kind: 'numbered' }>): boolean {
    const n = k.number;
    const boundary = this.boundary();
    const headingLike = k.period && looksLikeHeading(k.rest);
    if (boundary && headingLike && (this.tocSubsections.has(`${n}|${labelKey(k.rest)}`) || this.nextIsParagraph(ln.no - 1, n))) {
      this.openHeading(3, String(n), k.rest, ln.no);
      return true;
    }
    if (boundary && n === this.expected && (k.period || /^(?:\*\*|<|["“‘(\p{Lu}\p{N}])/u.test(k.rest))) {
      this.newPara(n, k.rest, ln.no);
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
      return fail(this.file, line, `paragraph number ${n} is repeated (first at line ${last.line})`, SEQ_HINT);
    }
    if (n < last.no) {
      const seen = before === undefined ? '' : ` (paragraph ${n} is already at line ${before})`;
      return fail(this.file, line, `paragraph ${n} is out of order: it comes after paragraph ${last.no} (line ${last.line})${seen}`, SEQ_HINT);
    }
    const gap = n - 1 > this.expected ? `${this.expected}–${n - 1}` : String(this.expected);
    return fail(this.file, line,
      `paragraph number ${n} skips ${gap}: expected ${this.expected} after paragraph ${last.no} (line ${last.line})`, SEQ_HINT);
  }

  private text(i: number): void {
    const ln = this.lines[i];
    const piece = { text: ln.text, line: ln.no };
    const c = this.current;
    if (!this.blockStart && c !== null) {
      if ((c.type === 'para' || c.type === 'intro') && this.boundary() && looksLikeHeading(ln.text) && this.headingBlockEnds(i)) {
        // A heading printed right under a finished paragraph, with no blank line.
        this.openHeading(4, null, ln.text, ln.no);
        return;
      }
      switch (c.type) {
        case 'para': c.p.pieces.push(piece); return;
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
      this.openPara.pieces.push(piece);
      this.current = { type: 'para', p: this.openPara };
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
      || next === 'chapter' || next === 'section' || next === 'footnote';
  }

  private openHeading(level: Level, number: string | null, label: string, line: number): void {
    for (let l = level; l <= 5; l++) this.stack[l] = undefined;
    const path = [1, 2, 3].map((l) => this.stack[l]?.number).filter((x) => x != null);
    if (level <= 3 && number !== null) path.push(number);
    const base = path.join('.');
    let id: string;
    if (level <= 3) id = base;
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

  private newPara(n: number, rest: string, line: number): void {
    const p: ParaBuild = { no: n, line, pieces: [{ text: rest, line }], active: this.stack.slice() };
    for (let l = 1; l <= 5; l++) {
      const h = this.stack[l];
      if (h) { h.first ??= n; h.last = n; }
    }
    this.paras.push(p);
    this.paraLine.set(n, line);
    this.openPara = p;
    this.current = { type: 'para', p };
    this.expected = n + 1;
  }
}

export function assemble(lines: readonly Line[], file: string): Assembled {
  return new Assembler(lines, file).run();
}
