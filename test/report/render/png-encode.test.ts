import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { encodePng, encodePngSync, scanlines } from '../../../pipelines/report/render/png-encode.ts';
import { svgToPng, svgToPngAsync } from '../../../pipelines/report/render/svg-to-png.ts';
import { decodePng } from '../../fixtures/charts/png-decode.ts';

// no background: opaque, half-transparent, faint and empty pixels, antialiased edges
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">
<rect x="2" y="2" width="20" height="12" fill="#3366cc"/>
<circle cx="25" cy="18" r="9.5" fill="#dc3912" fill-opacity="0.5"/>
<path d="M0 29 L39 0" stroke="#109618" stroke-width="1.3" stroke-opacity="0.07"/>
</svg>`;

describe('encodePng', () => {
  it('shows the pixels resvg\'s own PNG encoder shows, transparent ones included', async () => {
    const img = new Resvg(SVG).render();
    const px = new Uint8Array(img.pixels);
    const alphas = new Set([...px.filter((_, i) => i % 4 === 3)]);
    expect(alphas.has(0) && alphas.has(255) && alphas.size > 5).toBe(true);
    const theirs = decodePng(img.asPng());
    const ours = decodePng(await encodePng(px, img.width, img.height));
    expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
    expect(Buffer.compare(Buffer.from(ours.rgba), Buffer.from(theirs.rgba))).toBe(0);
  });

  it('gives the same bytes on the pool and on this thread, every time', async () => {
    const img = new Resvg(SVG).render();
    const px = new Uint8Array(img.pixels);
    const a = await encodePng(px, img.width, img.height);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(encodePngSync(px, img.width, img.height)))).toBe(0);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(await encodePng(px, img.width, img.height)))).toBe(0);
  });

  it('svgToPng and svgToPngAsync write the same PNG', async () => {
    const sync = svgToPng(SVG, 2);
    const async_ = await svgToPngAsync(SVG, 2);
    expect(Buffer.compare(Buffer.from(sync.png), Buffer.from(async_.png))).toBe(0);
    expect(Buffer.compare(Buffer.from(decodePng(sync.png).rgba), Buffer.from(decodePng(new Resvg(SVG, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: false } }).render().asPng()).rgba))).toBe(0);
  });

  it('lays every row out as filter byte 0 then the row, in a buffer it writes whole', () => {
    // opaque pixels are copied as they are; the buffer is not zero-filled first, so each byte must be written
    const width = 3, height = 4;
    const px = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : (7 * i + 1) % 256));
    for (let n = 0; n < 50; n++) Buffer.allocUnsafeSlow(height * (width * 4 + 1)).fill(0xab); // leave dirty memory about
    const raw = scanlines(px, width, height);
    expect(raw.length).toBe(height * (width * 4 + 1));
    for (let y = 0; y < height; y++) {
      const row = raw.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
      expect(row[0], `row ${y}`).toBe(0);
      expect([...row.subarray(1)]).toEqual([...px.subarray(y * width * 4, (y + 1) * width * 4)]);
    }
  });
});

describe('encodePng, a block of rows at a time', () => {
  it('gives the bytes of one deflate over all the rows, however the rows are cut into blocks', async () => {
    // premultiplied pixels (no channel above its alpha), some not opaque, on rows of 3 pixels
    const width = 3, height = 41;
    const px = new Uint8Array(width * height * 4);
    for (let i = 0; i < px.length; i += 4) {
      const a = i % 36 === 0 ? 0 : i % 20 === 0 ? 128 : 255;
      for (let k = 0; k < 3; k++) px[i + k] = Math.min(a, (i * 7 + k * 31) % 256);
      px[i + 3] = a;
    }
    const whole = Buffer.from(encodePngSync(px, width, height));
    const rowBytes = width * 4 + 1;
    for (const rows of [1, 2, 5, 40, 41, 100]) {
      expect(Buffer.from(await encodePng(px, width, height, rows * rowBytes)).equals(whole), `${rows} rows a block`).toBe(true);
    }
    // and the rows are in it: the pixels read back un-premultiplied
    const back = decodePng(whole);
    expect(back.rgba[4 * 20 + 3]).toBe(128);
  });
});
