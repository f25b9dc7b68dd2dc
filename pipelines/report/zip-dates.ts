/**
 * Set every entry's modification time in a ZIP file (an .xlsx is one) to one date,
 * so the same content gives the same bytes on every build: zip writers stamp each
 * entry with the time it was added. The date is written in place, in the central
 * directory and in each local header; nothing else changes.
 */
import { AtlasError } from '../core/errors.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** MS-DOS time and date words (2-second resolution, years 1980–2107), from the date's UTC fields. */
export function dosDateTime(d: Date): { time: number; date: number } {
  const year = d.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new RangeError(`a ZIP date must fall in 1980–2107, not ${d.toISOString()}`);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * The same ZIP with every entry dated `when`.
 *
 * @example
 *   const fixed = setZipDates(await workbook.xlsx.writeBuffer(), new Date('2010-05-04T00:00:00Z'));
 */
export function setZipDates(zip: Uint8Array, when: Date, name = 'zip'): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time, date } = dosDateTime(when);
  const bad = (what: string) => new AtlasError(`not a ZIP file this code can date: ${what}`, { file: name });

  // The end-of-central-directory record: the last 22 bytes, unless a comment follows it.
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) { end = i; break; }
  }
  if (end < 0) throw bad('no end-of-central-directory record');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (at === 0xffffffff || entries === 0xffff) throw bad('ZIP64 is not supported');

  for (let k = 0; k < entries; k++) {
    if (at + 46 > out.length || view.getUint32(at, true) !== CENTRAL) throw bad(`central directory entry ${k + 1} is not where the directory says`);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (local + 30 > out.length || view.getUint32(local, true) !== LOCAL) throw bad(`local header of entry ${k + 1} is not where the directory says`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
