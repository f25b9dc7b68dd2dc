/**
 * The DejaVu faces cut down to the Latin script and common punctuation, for resvg.
 *
 * resvg (@resvg/resvg-js 2.6.2, thx/resvg-js#367) reads a font file whole from disk every time it
 * shapes a run of text: the seed's eleven charts read DejaVuSans.ttf (757 KB) about 7,000 times,
 * 5.3 GB in all. The same faces holding only the glyphs charts use here are 73-85 KB, and the
 * eleven charts rasterise to the same pixels with them (tested) in about two thirds of the CPU
 * time (2.9 -> 1.9 CPU-s; alone, three runs each). A chart whose text has any character outside
 * the subset is drawn with the whole faces, as before.
 *
 * The subset is made once per machine (harfbuzz's hb-subset, through subset-font: about 0.2 s)
 * and kept under node_modules/.cache (core/cache-dir.ts), named by a hash of the font files, the
 * characters and the subsetter's version; where it cannot be written, the whole faces are used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cacheRoot, madeOnce } from '../../core/cache-dir.ts';
import { fontPaths } from './fonts.ts';
import { packageDir } from './package-assets.ts';

/** Code point ranges kept, inclusive: Basic Latin to Latin Extended-B, General Punctuation, and a few symbols. */
export const SUBSET_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x2000, 0x206f],
  ...[...'→←↑↓✓✗•…–—'].map((c) => [c.codePointAt(0)!, c.codePointAt(0)!] as const),
];

/** Is the character in the subset (control characters need no glyph)? */
export function inSubset(cp: number): boolean {
  return cp < 0x20 || SUBSET_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/**
 * Does every character of the SVG lie in the subset? The whole text is scanned (markup too,
 * which is ASCII), and character references are decoded; a tab or newline is whitespace.
 */
export function coveredBySubset(svg: string): boolean {
  for (let i = 0; i < svg.length; i++) {
    const c = svg.charCodeAt(i);
    if (c === 0x26 && svg.charCodeAt(i + 1) === 0x23) { // "&#"
      const m = /^&#(x[0-9a-fA-F]+|[0-9]+);/.exec(svg.slice(i, i + 12));
      if (m && !inSubset(m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : Number(m[1]))) return false;
      continue;
    }
    if (c < 0x7f) continue;
    if (!inSubset(svg.codePointAt(i)!)) return false;
  }
  return true;
}

const CACHE = cacheRoot('mechanism-atlas-fonts');

/** The characters kept: every one of SUBSET_RANGES. */
export function subsetCharacters(): string {
  return SUBSET_RANGES.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, k) => String.fromCodePoint(lo + k))).join('');
}

/**
 * Paths of the subset faces, in the order of fontPaths(); made if the cache has none. Null when
 * they cannot be made or kept (then the whole faces serve).
 */
export async function subsetFontPaths(cacheDir = CACHE): Promise<string[] | null> {
  try {
    const faces = fontPaths();
    const data = faces.map((f) => readFileSync(f));
    const chars = subsetCharacters();
    const hash = createHash('sha256').update(chars).update(subsetterVersion());
    for (const d of data) hash.update(d);
    const dir = await madeOnce(join(cacheDir, hash.digest('hex').slice(0, 16)), async (into) => {
      const { default: subsetFont } = await import('subset-font');
      const cut = await Promise.all(data.map((d) => subsetFont(d, chars, { targetFormat: 'truetype' })));
      mkdirSync(into);
      cut.forEach((b, i) => writeFileSync(join(into, basename(faces[i]!)), b));
    });
    return faces.map((f) => join(dir, basename(f)));
  } catch {
    return null;
  }
}

function subsetterVersion(): string {
  return ['subset-font', 'harfbuzzjs'].map((p) => {
    const { version } = JSON.parse(readFileSync(join(packageDir(p), 'package.json'), 'utf8')) as { version: string };
    return `${p}@${version}`;
  }).join(' ');
}
