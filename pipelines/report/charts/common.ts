/**
 * Helpers shared by the chart builders: the spec type, options every builder
 * takes, and the formatting of paragraph lists and mechanism lists that the
 * tooltips show. Pure functions only.
 */
import type { TopLevelSpec } from 'vega-lite';
import { REGIONS } from '../../catalog/registry.ts';
import type { CitedParagraph } from '../../catalog/types.ts';
import { chartConfig, DOC_SYMBOL, SIZES } from './theme.ts';

export type VegaLiteSpec = TopLevelSpec;

export const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface BaseOptions {
  /** The corpus as subtitles and descriptions name it (default A/HRC/14/32; see corpusName). */
  docSymbol?: string;
  /** Mechanism id → label (acronym) for tooltips; ids are shown where missing. */
  mechanismLabels?: Readonly<Record<string, string>>;
  /**
   * doc_id → symbol of every document of the corpus. With more than one, every tooltip
   * names each paragraph's document; with one (or none given) it gives the paragraphs
   * alone, since the subtitle names the document.
   */
  documents?: Readonly<Record<string, string>>;
}

export type { CitedParagraph };

/** The document the curated registry's paragraph lists cite (mechanisms, instruments, members). */
export const REGISTRY_SYMBOL = 'A/HRC/14/32';

/** True when the corpus has several documents, so a paragraph number needs its document. */
export function isCorpus(o: BaseOptions | undefined): boolean {
  return Object.keys(o?.documents ?? {}).length > 1;
}

/**
 * "A/HRC/14/32, paras. 24, 62; A/HRC/WG.6/20/SVN/3, para. 30": documents by symbol, each
 * one's paragraphs ascending and once (the SQL macro cite() writes the same); "no paragraph"
 * for none. A doc_id missing from `documents` is shown as itself.
 */
export function formatSources(sources: readonly CitedParagraph[] | null | undefined, documents: Readonly<Record<string, string>>): string {
  const byDoc = sourcesBySymbol(sources, documents);
  if (byDoc.length === 0) return 'no paragraph';
  return byDoc.map(([symbol, paras]) => formatCitation(symbol, paras())).join('; ');
}

/**
 * Each cited document's symbol with its paragraph numbers, symbols sorted. A list runs to tens of
 * thousands at 1,000 documents, mostly in runs of one document, and a tooltip shows five of them:
 * the runs are found first (the map looked up once a run), and a symbol's numbers read when asked for.
 */
function sourcesBySymbol(sources: readonly CitedParagraph[] | null | undefined, documents: Readonly<Record<string, string>>): [string, () => number[]][] {
  const list = sources ?? [];
  const runs = new Map<string, number[]>(); // symbol → [from, to, from, to, …] of its runs in the list
  let doc: string | undefined;
  let at: number[] = [];
  for (let i = 0; i < list.length; i++) {
    if (list[i]!.doc_id === doc) continue;
    if (doc !== undefined) at.push(i);
    doc = list[i]!.doc_id;
    const symbol = documents[doc] ?? doc;
    at = runs.get(symbol) ?? [];
    runs.set(symbol, at);
    at.push(i);
  }
  if (doc !== undefined) at.push(list.length);
  const parasOf = (ranges: number[]) => () => {
    const ps: number[] = [];
    for (let r = 0; r < ranges.length; r += 2) for (let i = ranges[r]!; i < ranges[r + 1]!; i++) ps.push(list[i]!.para_no);
    return ps;
  };
  return [...runs].sort((a, b) => compareText(a[0], b[0])).map(([symbol, ranges]) => [symbol, parasOf(ranges)]);
}

/** Documents a tooltip names before "and N more documents": the tables' cited columns have them all. */
export const TOOLTIP_DOCUMENTS = 5;

/**
 * A citation cut to its first TOOLTIP_DOCUMENTS documents for a tooltip (a cell of a
 * 1,000-document corpus would otherwise carry a thousand):
 * "A/1, para. 3; A/2, para. 5; … and 12 more documents (the table's cited column has them)".
 */
export function tooltipCitation(cited: string): string {
  const docs = cited.split('; ');
  if (docs.length <= TOOLTIP_DOCUMENTS) return cited;
  return withMore(docs.slice(0, TOOLTIP_DOCUMENTS).join('; '), docs.length - TOOLTIP_DOCUMENTS);
}

function withMore(shown: string, more: number): string {
  return `${shown} and ${more} more document${more === 1 ? '' : 's'} (the table's cited column has them)`;
}

/**
 * tooltipCitation(formatSources(sources, documents)), formatting only the documents the
 * tooltip shows: a cell of a 1,000-document corpus cites hundreds, and all but five were
 * formatted only to be cut. (A symbol holding "; " would split differently: then the long way.)
 */
export function tooltipSources(sources: readonly CitedParagraph[] | null | undefined, documents: Readonly<Record<string, string>>): string {
  const byDoc = sourcesBySymbol(sources, documents);
  if (byDoc.length === 0) return 'no paragraph';
  if (byDoc.some(([symbol]) => symbol.includes('; '))) return tooltipCitation(formatSources(sources, documents));
  const shown = byDoc.slice(0, TOOLTIP_DOCUMENTS).map(([symbol, paras]) => formatCitation(symbol, paras())).join('; ');
  return byDoc.length <= TOOLTIP_DOCUMENTS ? shown : withMore(shown, byDoc.length - TOOLTIP_DOCUMENTS);
}

/** A tooltip's paragraphs: "paras. 85, 88" in a one-document corpus, each paragraph's document in a corpus of several. */
export function formatCited(paras: readonly number[] | null | undefined, sources: readonly CitedParagraph[] | null | undefined, o: BaseOptions | undefined): string {
  return isCorpus(o) ? tooltipSources(sources, o!.documents!) : formatParas(paras);
}

/** The same from a table's ready-made citation column (the *_cited columns). */
export function citedText(paras: readonly number[] | null | undefined, cited: string | null | undefined, o: BaseOptions | undefined): string {
  return isCorpus(o) ? (cited ? tooltipCitation(cited) : 'no paragraph') : formatParas(paras);
}

/** Paragraphs the registry cites (always A/HRC/14/32's): named so in a corpus of several documents. */
export function formatRegistryParas(paras: readonly number[] | null | undefined, o: BaseOptions | undefined): string {
  if (!isCorpus(o)) return formatParas(paras);
  return (paras ?? []).length ? formatCitation(REGISTRY_SYMBOL, paras) : 'no paragraph';
}

/** Cited paragraphs once each, by document then paragraph. */
export function uniqueSources(xs: readonly CitedParagraph[]): CitedParagraph[] {
  // Sorted by comparison, not by building a string key for each (same order as the key doc_id, NUL,
  // zero-padded para_no), and only when out of order: the tables' lists come sorted.
  const sorted = isSorted(xs, compareSources) ? xs : [...xs].sort(compareSources);
  const out: CitedParagraph[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (!last || last.doc_id !== x.doc_id || last.para_no !== x.para_no) out.push({ doc_id: x.doc_id, para_no: x.para_no });
  }
  return out;
}

function compareSources(a: CitedParagraph, b: CitedParagraph): number {
  // one comparison of the ids where they are the same, as they mostly are in a merge
  if (a.doc_id === b.doc_id) return a.para_no - b.para_no;
  return a.doc_id < b.doc_id ? -1 : 1;
}

/**
 * The union of lists each ordered and once (uniqueSources), ordered and once: merged pairwise,
 * where sorting their concatenation would compare each of a mechanism's thousands of paragraphs again.
 */
export function mergeSources(lists: readonly (readonly CitedParagraph[])[]): CitedParagraph[] {
  if (lists.length <= 1) return [...(lists[0] ?? [])];
  let merged = lists;
  while (merged.length > 1) {
    const next: (readonly CitedParagraph[])[] = [];
    for (let i = 0; i < merged.length; i += 2) next.push(i + 1 < merged.length ? mergeTwo(merged[i]!, merged[i + 1]!) : merged[i]!);
    merged = next;
  }
  return merged[0] as CitedParagraph[];
}

function mergeTwo(a: readonly CitedParagraph[], b: readonly CitedParagraph[]): CitedParagraph[] {
  const out: CitedParagraph[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c = compareSources(a[i]!, b[j]!);
    out.push(c <= 0 ? a[i]! : b[j]!);
    if (c <= 0) i++;
    if (c >= 0) j++;
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** True when `xs` is in `compare`'s order (ties allowed): one pass, cheaper than a sort. */
function isSorted<T>(xs: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < xs.length; i++) if (compare(xs[i - 1]!, xs[i]!) > 0) return false;
  return true;
}

/** "para. 85", "paras. 85, 88, 89", or "no paragraph" for an empty list. */
export function formatParas(paras: readonly number[] | null | undefined): string {
  const ps = uniqueSorted(paras ?? []);
  if (ps.length === 0) return 'no paragraph';
  return `${ps.length === 1 ? 'para.' : 'paras.'} ${ps.join(', ')}`;
}

/** "A/HRC/14/32, paras. 85, 87, 88" (the symbol alone when there are none). */
export function formatCitation(docSymbol: string, paras: readonly number[] | null | undefined): string {
  const ps = uniqueSorted(paras ?? []);
  return ps.length === 0 ? docSymbol : `${docSymbol}, ${formatParas(ps)}`;
}

export function uniqueSorted(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** Mechanism ids as labels, sorted, comma-separated; "none" when empty. */
export function formatMechanisms(ids: readonly string[] | null | undefined, labels?: Readonly<Record<string, string>>): string {
  const names = [...new Set((ids ?? []).map((id) => labels?.[id] ?? id))].sort(compareText);
  return names.length === 0 ? 'none' : names.join(', ');
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of a region in the report's order (unknown regions after, alphabetically). */
export function regionRank(region: string): number {
  const i = (REGIONS as readonly string[]).indexOf(region);
  return i < 0 ? REGIONS.length : i;
}

export function compareRegions(a: string, b: string): number {
  return regionRank(a) - regionRank(b) || compareText(a, b);
}

/** Regions present in rows, in the report's order. */
export function regionsOf(rows: readonly { region: string }[]): string[] {
  return [...new Set(rows.map((r) => r.region))].sort(compareRegions);
}

/** Split a label into lines of at most `width` characters, at spaces. */
export function wrapLabel(label: string, width = 18): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > width) { lines.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [label];
}

/** "cross-regional" → "Cross-regional": labels start with a capital, values keep the registry's spelling. */
export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/**
 * A Vega expression mapping an axis/header label to its display form (capitalised)
 * wrapped into lines, for the labels that need it; others are left as they are.
 */
export function wrapLabelExpr(labels: readonly string[], width = 18, field = 'datum.label'): string | undefined {
  const map: Record<string, string | string[]> = {};
  for (const l of labels) {
    const lines = wrapLabel(capitalize(l), width);
    if (lines.length > 1) map[l] = lines;
    else if (lines[0] !== l) map[l] = lines[0]!;
  }
  if (Object.keys(map).length === 0) return undefined;
  return `(${JSON.stringify(map)})[(${field})] || (${field})`;
}

/** The subtitle line naming the source: the counts are the kit's coding, not the report's own figures. */
export function sourceLine(docSymbol: string): string {
  return `Source: Mechanism Atlas coding of ${docSymbol}.`;
}

/** Characters per title line before it wraps (15 px bold DejaVu Sans: about 640 px). */
export const TITLE_WIDTH = 70;

/**
 * A title block: the title (a finding, wrapped over lines when long) and the
 * source as the first subtitle line, plus extra subtitle lines.
 */
export function titleBlock(text: string, docSymbol: string, ...more: string[]) {
  const lines = wrapLabel(text, TITLE_WIDTH);
  return {
    text: lines.length === 1 ? lines[0]! : lines,
    subtitle: [sourceLine(docSymbol), ...more],
  };
}

/** Subtitle lines for a long list: "Head: a, b, c" wrapped at `width` characters. */
export function wrapNote(text: string, width = 110): string[] {
  return wrapLabel(text, width);
}

/** Fields every spec starts with. */
export function specBase(name: string, docSymbol: string) {
  return {
    $schema: VL_SCHEMA,
    padding: SIZES.padding,
    config: chartConfig(),
    usermeta: { chart: name, source: docSymbol },
  };
}

export function docOf(o: BaseOptions | undefined): string {
  return o?.docSymbol ?? DOC_SYMBOL;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A row as a chart's data holds it. In a corpus of several documents, without the keyed
 * `sources`, the `cited` columns (the tooltip texts carry the citation, cut to
 * TOOLTIP_DOCUMENTS documents) and the paragraph-number lists, which are ambiguous there
 * and grow with the corpus (a member state's lists at 100 documents made a 43 MB map spec).
 * With one document the row stays whole.
 */
export function slim<T extends object>(row: T, o: BaseOptions | undefined): T {
  if (!isCorpus(o)) return row;
  return Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'sources' && k !== 'cited' && !k.endsWith('_cited')
    && k !== 'paragraphs' && !k.endsWith('_paragraphs'))) as T;
}

/**
 * A row as a chart's data holds it (slim), deep-copied so a spec never shares arrays with its input.
 * Slimmed before the copy: in a corpus the lists it drops (hundreds of thousands of entries) are not copied.
 */
export function chartRow<T extends object>(row: T, o: BaseOptions | undefined): T {
  return structuredClone(slim(row, o));
}
