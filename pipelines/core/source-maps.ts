/**
 * Stack traces of the bundled build (core/bundle.ts) in terms of the TypeScript sources, mapped
 * when an internal error is reported. Node's --enable-source-maps did it for every stack, but it
 * reads and parses each file's map as the file loads: about 0.2 s of the main thread and as much
 * of the chart thread in a cold seed build (median wall of four alternating runs 7.97 -> 7.73 s
 * without it). Only the frames of files with a map beside them are mapped; others stay as they are.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A frame's location: a file URL or absolute path of an .mjs file, its line and column. */
const FRAME = /(file:\/\/\/[^\s()]+?\.mjs|\/[^\s()]+?\.mjs):(\d+):(\d+)/g;

/** The stack with each frame in a mapped file given as the source file, line and column. */
export function mapStack(stack: string): string {
  const maps = new Map<string, SourceMap | null>();
  return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
    const path = file.startsWith('file:') ? fileURLToPath(file) : file;
    let map = maps.get(path);
    if (map === undefined) {
      try { map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))); } catch { map = null; }
      maps.set(path, map);
    }
    const at = map?.findEntry(Number(line) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (!at?.originalSource || at.originalLine === undefined || at.originalColumn === undefined) return frame;
    const source = at.originalSource.startsWith('file:') ? fileURLToPath(at.originalSource) : resolve(dirname(path), at.originalSource);
    return `${source}:${at.originalLine + 1}:${at.originalColumn + 1}`;
  });
}
