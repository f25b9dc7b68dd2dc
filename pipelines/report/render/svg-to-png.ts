/** SVG → PNG with resvg, drawing text with the DejaVu fonts only (system fonts off). */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontPaths } from './fonts.ts';
import { coveredBySubset, subsetFontPaths } from './font-subset.ts';
import { encodePng, encodePngSync } from './png-encode.ts';

function options(scale: number, fontFiles = fontPaths()): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  };
}

/** Rasterise an SVG with resvg and the whole DejaVu faces (tests, and the reference the subset is tested against). */
export function svgToPng(svg: string, scale = 2): { png: Uint8Array; width: number; height: number; pixels: Uint8Array } {
  const img = new Resvg(svg, options(scale)).render();
  const pixels = new Uint8Array(img.pixels);
  return { png: encodePngSync(pixels, img.width, img.height), width: img.width, height: img.height, pixels };
}

/** The faces cut down to the characters charts use (font-subset.ts): the same pixels, read faster. */
let subsetFaces: Promise<string[] | null> | undefined;

/**
 * The same PNG, rasterised and compressed on libuv's native thread pool (resvg's renderAsync,
 * then png-encode.ts rather than resvg's asPng, which runs on this thread), so this thread can
 * lay out the next chart meanwhile: rasterising is most of a chart's time.
 */
export async function svgToPngAsync(svg: string, scale = 2): Promise<{ png: Uint8Array; width: number; height: number }> {
  const subset = coveredBySubset(svg) ? await (subsetFaces ??= subsetFontPaths()) : null;
  const img = await renderAsync(svg, options(scale, subset ?? undefined));
  return { png: await encodePng(img.pixels, img.width, img.height), width: img.width, height: img.height };
}
