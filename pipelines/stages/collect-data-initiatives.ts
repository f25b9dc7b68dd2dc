/**
 * Collect data-collection records: sentences about collecting or exchanging
 * data and information, attributed to a mechanism (kind 'initiative'), and
 * sentences stating that data are missing (kind 'gap', no mechanism).
 *
 * Cues come from data/registry/data_collection.yaml. Sentences are attributed to
 * mechanisms the same way evidence passages are (pipelines/text/attribution.ts):
 * a sentence naming a mechanism, or a sentence naming none that follows one that
 * does. Only the parts that make evidence are read (description, achievements,
 * challenges, recommendations).
 *
 * One row per sentence (initiative_id p<para>-s<sentence>, sentences numbered
 * from 1). A sentence attributed to several mechanisms (para 44: "OSCE, COMMIT and
 * the EU ...") is credited to the first one named.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { RowOf } from '../catalog/types.ts';
import type { paragraphs } from '../catalog/report.ts';
import type { data_collection_initiatives, mentions as mentionsSpec } from '../catalog/evidence.ts';
import { AtlasError } from '../lib/errors.ts';
import { attributeSentences } from '../text/attribution.ts';
import { EVIDENCE_PART_OF, bodyMentionsByParagraph } from './attribute-evidence.ts';

/** The row type, with the nullable columns spelled out (RowOf in catalog/types.ts reads `nullable` as optional and drops null). */
export type DataInitiativeRow = Omit<RowOf<typeof data_collection_initiatives>, 'mechanism_id' | 'year'>
  & { mechanism_id: string | null; year: number | null };
export type ParagraphInput = Pick<RowOf<typeof paragraphs>, 'doc_id' | 'para_no' | 'part' | 'text'>;
export type MentionInput = Pick<RowOf<typeof mentionsSpec>, 'doc_id' | 'para_no' | 'in_footnote' | 'mechanism_id' | 'char_start' | 'char_end'>;

export type CueKind = 'initiative' | 'gap';

export interface DataCollectionCue {
  kind: CueKind;
  /** Case-insensitive regular expression. */
  pattern: string;
  comment: string;
  /** Where the cue is defined, for error messages. */
  line?: number;
}

const STAGE = 'collect-data-initiatives';
export const DATA_COLLECTION_FILE = 'data/registry/data_collection.yaml';

/** Read and check data/registry/data_collection.yaml. */
export function loadDataCollectionCues(path: string = DATA_COLLECTION_FILE): DataCollectionCue[] {
  let src: string;
  try {
    src = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AtlasError(`cannot read the data-collection cues: ${(e as Error).message}`, { file: path, stage: STAGE });
  }
  return parseDataCollectionCues(src, path);
}

export function parseDataCollectionCues(src: string, file = DATA_COLLECTION_FILE): DataCollectionCue[] {
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc });
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : undefined);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new AtlasError(`invalid YAML: ${e.message.split('\n')[0]}`, { file, line: e.linePos?.[0]?.line, stage: STAGE });
  }
  const root = doc.contents;
  if (!isMap(root)) throw new AtlasError('expected a mapping with keys initiative and gap', { file, stage: STAGE });
  const out: DataCollectionCue[] = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'initiative' && key !== 'gap') {
      throw new AtlasError(`unknown key "${key}" (expected initiative or gap)`, { file, line: lineOf(pair.key as Node), stage: STAGE });
    }
    if (!isSeq(pair.value)) throw new AtlasError(`${key} must be a list of cues`, { file, line: lineOf(pair.key as Node), stage: STAGE });
    for (const item of pair.value.items) {
      const line = lineOf(item as Node);
      const where = { file, line, stage: STAGE, record: key };
      if (!isMap(item)) throw new AtlasError('a cue must be a mapping with pattern and comment', where);
      const obj = item.toJSON() as Record<string, unknown>;
      for (const k of Object.keys(obj)) {
        if (k !== 'pattern' && k !== 'comment') throw new AtlasError(`unknown field "${k}"`, { ...where, field: k });
      }
      if (typeof obj.pattern !== 'string' || obj.pattern.trim() === '') throw new AtlasError('pattern is missing or empty', { ...where, field: 'pattern' });
      if (typeof obj.comment !== 'string' || obj.comment.trim() === '') {
        throw new AtlasError('comment is missing: say what the cue catches', { ...where, field: 'comment' });
      }
      try {
        new RegExp(obj.pattern, 'i');
      } catch (e) {
        throw new AtlasError(`pattern is not a valid regular expression: ${(e as Error).message}`, { ...where, field: 'pattern' });
      }
      out.push({ kind: key, pattern: obj.pattern, comment: obj.comment, line });
    }
  }
  if (!out.some((c) => c.kind === 'initiative') || !out.some((c) => c.kind === 'gap')) {
    throw new AtlasError('need at least one initiative cue and one gap cue', { file, stage: STAGE });
  }
  return out;
}

function firstMatch(text: string, cues: readonly { re: RegExp }[]): string | null {
  for (const c of cues) {
    const m = c.re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** Does the pattern use an anchor (^, $) or a look-around? Escapes and "[^" (a negated class) do not count. */
function looksAround(pattern: string): boolean {
  const bare = pattern.replace(/\\./g, '').replace(/\[\^/g, '[');
  return /[$^]|\(\?<?[=!]/.test(bare);
}

const YEAR_RE = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/u;

export function collectDataInitiatives(
  paras: readonly ParagraphInput[],
  mentions: readonly MentionInput[],
  cues: readonly DataCollectionCue[],
): DataInitiativeRow[] {
  const compile = (kind: CueKind) => cues.filter((c) => c.kind === kind).map((c) => ({ re: new RegExp(c.pattern, 'i') }));
  const initiativeCues = compile('initiative');
  const gapCues = compile('gap');
  const byPara = bodyMentionsByParagraph(mentions);
  // A cue that matches a sentence also matches the paragraph it is part of (a sentence
  // is a substring bounded by whitespace), so a paragraph no cue matches is skipped
  // without splitting it. Cues that look at their surroundings beyond a word boundary
  // (anchors, look-arounds) could break that, and turn the shortcut off, as do back-references
  // and named groups, which would change meaning inside the combined pattern.
  const prefilter = !cues.some((c) => looksAround(c.pattern) || /\\[1-9]|\\k<|\(\?</.test(c.pattern))
    ? new RegExp(cues.map((c) => `(?:${c.pattern})`).join('|'), 'i') : null;
  const out: DataInitiativeRow[] = [];
  for (const p of paras) {
    if (p.part === null || !EVIDENCE_PART_OF[p.part]) continue;
    if (prefilter && !prefilter.test(p.text)) continue;
    const sentences = attributeSentences(p.text, byPara.get(`${p.doc_id}\u0000${p.para_no}`) ?? []);
    for (const s of sentences) {
      const gap = firstMatch(s.text, gapCues);
      const initiative = gap === null ? firstMatch(s.text, initiativeCues) : null;
      if (gap === null && (initiative === null || s.about.length === 0)) continue;
      const year = YEAR_RE.exec(s.text);
      out.push({
        doc_id: p.doc_id,
        initiative_id: `p${p.para_no}-s${s.index}`,
        kind: gap !== null ? 'gap' : 'initiative',
        mechanism_id: gap !== null ? null : s.about[0],
        description: s.text,
        year: year ? Number(year[1]) : null,
        para_no: p.para_no,
        cue: (gap ?? initiative)!,
      });
    }
  }
  return out;
}
