/**
 * Read data/registry/data_collection.yaml: the cues of data collection (initiative) and of
 * missing data (gap), each with a comment saying what it catches. The collect-data-initiatives
 * stage reads them, and the claims model takes the initiative cues as the data_collection theme's.
 */
import { isMap, isSeq, isScalar, type Node } from 'yaml';
import { AtlasError } from '../core/errors.ts';
import { readYamlFile, parseYaml, type YamlFile } from '../core/yaml.ts';
import { compileCue } from '../text/cue-regex.ts';

export type CueKind = 'initiative' | 'gap';

export interface DataCollectionCue {
  kind: CueKind;
  /** Case-insensitive regular expression. */
  pattern: string;
  comment: string;
  /** Where the cue is defined, for error messages. */
  line?: number;
}

const STAGE = 'load-data-collection-cues';
export const DATA_COLLECTION_FILE = 'data/registry/data_collection.yaml';

/** Read and check data/registry/data_collection.yaml. */
export function loadDataCollectionCues(path: string = DATA_COLLECTION_FILE): DataCollectionCue[] {
  return cuesOf(readYamlFile(path, { stage: STAGE }));
}

export function parseDataCollectionCues(src: string, file = DATA_COLLECTION_FILE): DataCollectionCue[] {
  return cuesOf(parseYaml(src, { file, stage: STAGE }));
}

function cuesOf({ file, doc, lc }: YamlFile): DataCollectionCue[] {
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : undefined);
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
      compileCue(obj.pattern, where);
      out.push({ kind: key, pattern: obj.pattern, comment: obj.comment, line });
    }
  }
  if (!out.some((c) => c.kind === 'initiative') || !out.some((c) => c.kind === 'gap')) {
    throw new AtlasError('need at least one initiative cue and one gap cue', { file, stage: STAGE });
  }
  return out;
}
