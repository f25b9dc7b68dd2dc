/**
 * The one YAML reader of the pipeline (registry, seeds manifest, raw data
 * manifests, cues). It refuses a file over LIMITS.maxYamlBytes before reading
 * it, and turns syntax errors and alias bombs into AtlasErrors naming the file,
 * the line, the limit and what to do, instead of a stack trace.
 */
import { statSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { AtlasError } from './errors.ts';
import { LIMITS, formatBytes } from './limits.ts';

export interface YamlFile {
  /** The file as named in messages. */
  file: string;
  doc: Document.Parsed;
  lc: LineCounter;
  /** The document as plain JS values. */
  data: unknown;
}

export interface YamlWhere {
  /** The file as named in messages (default: the path read). */
  file?: string;
  stage?: string;
}

/**
 * Read and parse a YAML file within the limits.
 *
 * @example
 *   const y = readYamlFile('seeds/manifest.yaml');
 *   y.data; // { documents: [...] }
 *   lineOf(y, ['documents', 0, 'file']); // 5
 */
export function readYamlFile(path: string, where: YamlWhere = {}): YamlFile {
  const file = where.file ?? path;
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch (e) {
    throw new AtlasError(`cannot read the YAML file (${(e as Error).message})`, { file, stage: where.stage });
  }
  if (bytes > LIMITS.maxYamlBytes) throw tooLarge(file, bytes, where.stage);
  let src: string;
  try {
    src = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AtlasError(`cannot read the YAML file (${(e as Error).message})`, { file, stage: where.stage });
  }
  return parseYaml(src, { ...where, file });
}

/** Parse YAML text within the limits; `where.file` names it in messages. */
export function parseYaml(src: string, where: YamlWhere & { file: string }): YamlFile {
  const { file, stage } = where;
  const bytes = Buffer.byteLength(src, 'utf8');
  if (bytes > LIMITS.maxYamlBytes) throw tooLarge(file, bytes, stage);
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    throw new AtlasError(`YAML syntax error: ${err.message.split('\n')[0]}`, {
      file, stage, line: lc.linePos(err.pos[0]).line,
      hint: 'fix the YAML at that line (indentation, brackets, quotes, duplicate keys)',
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.maxYamlAliases });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const line = firstAliasLine(doc, lc);
    if (/alias count/i.test(e.message)) {
      throw new AtlasError(`YAML alias limit hit: the aliases (*name) in this file expand past the limit of ${LIMITS.maxYamlAliases} (an alias bomb would exhaust memory)`, {
        file, stage, line,
        hint: 'write the values out instead of nesting aliases; the kit\'s own YAML files use no aliases',
      });
    }
    throw new AtlasError(`YAML error: ${e.message}`, { file, stage, line, hint: 'define each anchor (&name) before its alias (*name)' });
  }
  return { file, doc, lc, data };
}

/** 1-based line of the node at a JS path, or of its deepest existing ancestor. */
export function lineOf(y: YamlFile, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = y.doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node?.range) return y.lc.linePos(node.range[0]).line;
  }
  return undefined;
}

function tooLarge(file: string, bytes: number, stage?: string): AtlasError {
  return new AtlasError(`YAML file is ${formatBytes(bytes)}, over the limit of ${formatBytes(LIMITS.maxYamlBytes)}`, {
    file, stage,
    hint: 'check that this is the intended file (the kit\'s registry and manifest files are a few KB); split a very large manifest into several seeds folders',
  });
}

function firstAliasLine(doc: Document.Parsed, lc: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, { Alias(_, node) { if (node.range) line = lc.linePos(node.range[0]).line; return visit.BREAK; } });
  return line;
}
