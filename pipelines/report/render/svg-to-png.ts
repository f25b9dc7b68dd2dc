/** SVG → PNG with resvg, drawing text with the DejaVu fonts only (system fonts off). */
import { Resvg } from '@resvg/resvg-js';
import { fontPaths } from './fonts.ts';

/** Rasterise an SVG with resvg and the DejaVu fonts only. */
export function svgToPng(svg: string, scale = 2): { png: Uint8Array; width: number; height: number; pixels: Uint8Array } {
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: fontPaths(),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const img = r.render();
  return { png: new Uint8Array(img.asPng()), width: img.width, height: img.height, pixels: new Uint8Array(img.pixels) };
}
