import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { coveredBySubset, subsetCharacters, subsetFontPaths } from '../../../pipelines/report/render/font-subset.ts';
import { svgToPng, svgToPngAsync } from '../../../pipelines/report/render/svg-to-png.ts';

const cache = mkdtempSync(join(tmpdir(), 'atlas-fonts-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Lines of text in the four faces, 60 characters a line. */
function textSvg(text: string): string {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += 60) lines.push(chars.slice(i, i + 60).join(''));
  const faces = ['', ' font-weight="bold"', ' font-style="italic"', ' font-weight="bold" font-style="italic"'];
  const rows = lines.flatMap((l, i) => faces.map((f, k) => `<text x="4" y="${16 + (i * 4 + k) * 16}" font-family="DejaVu Sans" font-size="12"${f}>${esc(l)}</text>`));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="560" height="${24 + lines.length * 64}"><rect width="100%" height="100%" fill="white"/>${rows.join('')}</svg>`;
}

function pixels(svg: string, fontFiles: string[]): Buffer {
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans' } }).render().pixels);
}

describe('the subset DejaVu faces', () => {
  it('draw every character they keep exactly as the whole faces do', async () => {
    const paths = await subsetFontPaths(cache);
    expect(paths).not.toBeNull();
    const svg = textSvg(subsetCharacters());
    expect(coveredBySubset(svg)).toBe(true);
    const whole = svgToPng(svg, 1).pixels;
    expect(pixels(svg, paths!).equals(Buffer.from(whole))).toBe(true);
  });

  it('are made once and then read from the cache', async () => {
    const first = await subsetFontPaths(cache);
    const mtimes = first!.map((p) => statSync(p).mtimeMs);
    const again = await subsetFontPaths(cache);
    expect(again).toEqual(first);
    expect(again!.map((p) => statSync(p).mtimeMs)).toEqual(mtimes);
    expect(readdirSync(cache)).toHaveLength(1); // no temporary folder left behind
  });

  it('are not used for a chart with a character they lack: it is drawn with the whole faces', async () => {
    const svg = textSvg('Ratio Ω of the Côte d’Ivoire');
    expect(coveredBySubset(svg)).toBe(false);
    const paths = (await subsetFontPaths(cache))!;
    // the subset alone would drop the Ω (so this test can tell the two apart) ...
    expect(pixels(svg, paths).equals(Buffer.from(svgToPng(svg, 1).pixels))).toBe(false);
    // ... and the chart is drawn as with the whole faces
    expect(Buffer.from((await svgToPngAsync(svg, 1)).png).equals(Buffer.from(svgToPng(svg, 1).png))).toBe(true);
  });
});

describe('coveredBySubset', () => {
  it('reads characters and character references', () => {
    expect(coveredBySubset('<text>Côte d’Ivoire – 3 … ✓</text>')).toBe(true);
    expect(coveredBySubset('<text>&#233;t&#xE9; &#8230;</text>')).toBe(true);
    expect(coveredBySubset('<text>中国</text>')).toBe(false);
    expect(coveredBySubset('<text>&#x4E2D;</text>')).toBe(false);
    expect(coveredBySubset('<text>&#937;</text>')).toBe(false);
    expect(coveredBySubset('<text>😀</text>')).toBe(false);
  });
});
