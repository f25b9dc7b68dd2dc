/**
 * The DejaVu fonts: their files (for resvg) and the advance widths read from
 * them (for vega's text layout), so text is laid out and drawn with the same
 * font on any machine, whatever canvas or system fonts are installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasError } from '../../core/errors.ts';
import { packageDir } from './package-assets.ts';

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  boldOblique: 'DejaVuSans-BoldOblique.ttf',
} as const;

export function fontPaths(): string[] {
  const dir = join(packageDir('dejavu-fonts-ttf'), 'ttf');
  return Object.values(FONT_FILES).map((f) => join(dir, f));
}

interface FontMetrics { unitsPerEm: number; advance: Map<number, number>; fallback: number }

function parseTtf(buf: Buffer): FontMetrics {
  const numTables = buf.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const need = (t: string) => {
    const off = tables.get(t);
    if (off === undefined) throw new AtlasError(`font has no ${t} table`, { stage: 'render' });
    return off;
  };
  const unitsPerEm = buf.readUInt16BE(need('head') + 18);
  const numberOfHMetrics = buf.readUInt16BE(need('hhea') + 34);
  const hmtx = need('hmtx');
  const advanceOf = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  // cmap: the Windows Unicode BMP subtable (3, 1), format 4.
  const cmap = need('cmap');
  const n = buf.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1) sub = cmap + buf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) throw new AtlasError('font has no format-4 Unicode cmap', { stage: 'render' });
  const segX2 = buf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const advance = new Map<number, number>();
  for (let s = 0; s < segX2 / 2; s++) {
    const end = buf.readUInt16BE(ends + 2 * s);
    const start = buf.readUInt16BE(starts + 2 * s);
    const delta = buf.readInt16BE(deltas + 2 * s);
    const ro = buf.readUInt16BE(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = buf.readUInt16BE(rangeOffsets + 2 * s + ro + 2 * (c - start));
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) advance.set(c, advanceOf(glyph));
    }
  }
  return { unitsPerEm, advance, fallback: advanceOf(0) };
}

let metricsCache: { regular: FontMetrics; bold: FontMetrics } | undefined;
function fontMetrics() {
  if (!metricsCache) {
    const dir = join(packageDir('dejavu-fonts-ttf'), 'ttf');
    metricsCache = {
      regular: parseTtf(readFileSync(join(dir, FONT_FILES.regular))),
      bold: parseTtf(readFileSync(join(dir, FONT_FILES.bold))),
    };
  }
  return metricsCache;
}

export interface TextItem { fontSize?: number; fontWeight?: string | number; limit?: number; ellipsis?: string }

function isBold(w: string | number | undefined): boolean {
  if (w === undefined) return false;
  if (typeof w === 'number') return w >= 600;
  return w === 'bold' || w === 'bolder' || Number(w) >= 600;
}

/** Width in px of one line of text set in DejaVu Sans (no kerning). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const m = bold ? fontMetrics().bold : fontMetrics().regular;
  let units = 0;
  for (const ch of text) units += m.advance.get(ch.codePointAt(0)!) ?? m.fallback;
  return (units * fontSize) / m.unitsPerEm;
}

/** Width of a vega text item as vega-scenegraph's textMetrics.width computes it, from the DejaVu metrics. */
export function measureText(item: TextItem, text: unknown): number {
  let t = text == null ? '' : String(text).trim();
  const size = item.fontSize ?? 11;
  const bold = isBold(item.fontWeight);
  const limit = Number(item.limit ?? 0);
  if (limit > 0 && t && textWidth(t, size, bold) >= limit) {
    const ell = item.ellipsis ?? '\u2026';
    const room = limit - textWidth(ell, size, bold);
    let lo = 0; let hi = t.length;
    while (lo < hi) { const mid = 1 + ((lo + hi) >>> 1); if (textWidth(t.slice(0, mid), size, bold) < room) lo = mid; else hi = mid - 1; }
    t = t.slice(0, lo) + ell;
  }
  return textWidth(t, size, bold);
}
