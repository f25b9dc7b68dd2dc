/**
 * A PNG from resvg's pixels, compressed on libuv's thread pool. resvg rasterises off this
 * thread (renderAsync) but its PNG encoder, asPng(), runs on it: about 0.8 s of the seed's
 * charts. Here this thread only copies rows (and un-premultiplies the rare pixels that are
 * not opaque); node:zlib deflates in the pool.
 *
 * Every row uses filter 0 (none): on these flat-coloured charts it deflates as small as
 * resvg's own adaptive filters and costs no pass over the pixels. Same pixels in, same bytes
 * out (zlib at a fixed level), on every build.
 */
import { crc32, createDeflate, deflateSync } from 'node:zlib';
import { endianness } from 'node:os';

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * zlib level 3: the seed's eleven PNGs deflate in a third of level 6's time (150 against 450 ms,
 * on the pool but on the render stage's critical path) at 2.5 MB against 1.9 MB, still under
 * resvg's own 2.8 MB; level 1 saved little more and gave 2.8 MB.
 */
const LEVEL = 3;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The PNG's scanlines before compression: each row's filter byte (0) then its RGBA bytes,
 * un-premultiplied as tiny-skia's own encoder does it (resvg's pixels are premultiplied).
 */
export function scanlines(premultiplied: Uint8Array, width: number, height: number): Buffer {
  // not zero-filled (a chart's rows are megabytes): every byte is written, filter byte and row
  const raw = Buffer.allocUnsafeSlow(height * (width * 4 + 1));
  writeRows(premultiplied, width, 0, height, allOpaque(premultiplied), raw);
  return raw;
}

/** Rows y0 to y0 + n - 1 as scanlines, into the start of `into`. */
function writeRows(premultiplied: Uint8Array, width: number, y0: number, n: number, opaque: boolean, into: Buffer): void {
  const stride = width * 4;
  const src = Buffer.from(premultiplied.buffer, premultiplied.byteOffset, premultiplied.byteLength);
  for (let y = 0; y < n; y++) {
    into[y * (stride + 1)] = 0;
    src.copy(into, y * (stride + 1) + 1, (y0 + y) * stride, (y0 + y + 1) * stride);
  }
  if (opaque) return;
  for (let y = 0; y < n; y++) {
    const row = y * (stride + 1) + 1;
    for (let i = row + 3; i < row + stride; i += 4) {
      const a = into[i]!;
      if (a === 255) continue;
      // tiny-skia's demultiply: (c / (a / 255) + 0.5) as u8, which saturates (and gives 0 for 0 / 0)
      for (let k = i - 3; k < i; k++) into[k] = a === 0 ? 0 : Math.min(255, Math.floor(into[k]! / (a / 255) + 0.5));
    }
  }
}

/** Is every pixel opaque? (A chart with a background is: then the rows are copied as they are.) */
function allOpaque(px: Uint8Array): boolean {
  if (LITTLE_ENDIAN && px.byteOffset % 4 === 0 && px.byteLength % 4 === 0) {
    // alpha is the high byte of each little-endian 32-bit pixel: a quarter of the reads
    const words = new Uint32Array(px.buffer, px.byteOffset, px.byteLength / 4);
    for (let i = 0; i < words.length; i++) if (words[i]! < 0xff000000) return false;
    return true;
  }
  for (let i = 3; i < px.length; i += 4) if (px[i] !== 255) return false;
  return true;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

function assemble(width: number, height: number, idat: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, deflate, filters per row, not interlaced
  return new Uint8Array(Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]));
}

/**
 * Bytes of scanlines handed to zlib at a time. A chart's scanlines are 3-22 MB: made whole, each
 * was a fresh buffer whose pages the kernel had to map one by one (about 15 us a page on this
 * VM). Two blocks of this size, refilled in turn, serve a whole chart: the seed's eleven PNGs
 * took 160 ms of this thread and the pool instead of 490 ms. zlib's output does not depend on
 * how its input is cut (tested), so the PNGs are the same bytes.
 */
const BLOCK_BYTES = 256 * 1024;

/** The PNG of premultiplied RGBA pixels, deflated on libuv's pool a block of rows at a time. */
export async function encodePng(premultiplied: Uint8Array, width: number, height: number, blockBytes = BLOCK_BYTES): Promise<Uint8Array> {
  const rowBytes = width * 4 + 1;
  const rowsPerBlock = Math.max(1, Math.floor(blockBytes / rowBytes));
  const opaque = allOpaque(premultiplied);
  const z = createDeflate({ level: LEVEL });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => { z.on('end', resolve); z.on('error', reject); });
  // two blocks: one filled here while zlib reads the other; a block is refilled once zlib is done with it
  const blocks = [Buffer.allocUnsafeSlow(rowsPerBlock * rowBytes), Buffer.allocUnsafeSlow(rowsPerBlock * rowBytes)];
  const read: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  for (let y = 0, k = 0; y < height; y += rowsPerBlock, k ^= 1) {
    await read[k];
    const n = Math.min(rowsPerBlock, height - y);
    const block = blocks[k]!.subarray(0, n * rowBytes);
    writeRows(premultiplied, width, y, n, opaque, block);
    read[k] = new Promise((resolve, reject) => z.write(block, (e) => (e ? reject(e) : resolve())));
  }
  z.end();
  await Promise.all([ended, ...read]);
  return assemble(width, height, Buffer.concat(out));
}

/** The same bytes, on this thread (tests, and callers with nothing else to do meanwhile). */
export function encodePngSync(premultiplied: Uint8Array, width: number, height: number): Uint8Array {
  return assemble(width, height, deflateSync(scanlines(premultiplied, width, height), { level: LEVEL }));
}
