/**
 * A ZIP file from named entries (an .xlsx or .docx is one), each entry deflated on libuv's thread pool
 * and dated with one given date, so the same entries give the same bytes on every build.
 * Entries are written in the order given; no ZIP64 (an entry or the whole file under 4 GB).
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

/** MS-DOS time and date words (2-second resolution, years 1980–2107), from the date's UTC fields. */
export function dosDateTime(d: Date): { time: number; date: number } {
  const year = d.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new RangeError(`a ZIP date must fall in 1980–2107, not ${d.toISOString()}`);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** `store`: written as it is, not deflated (a PNG, deflated already). */
export interface ZipEntry { name: string; data: string | Uint8Array; store?: boolean }

/**
 * @example
 *   const bytes = await zipBytes([{ name: 'a.txt', data: 'hello' }], new Date('2010-05-04T00:00:00Z'));
 */
export async function zipBytes(entries: readonly ZipEntry[], when: Date): Promise<Uint8Array> {
  const { time, date } = dosDateTime(when);
  const raw = entries.map((e) => (typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data));
  const packed = await Promise.all(raw.map((d, i) => (entries[i]!.store ? d : deflateRawAsync(d, { level: 6 }))));
  const pieces: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [i, e] of entries.entries()) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(raw[i]!);
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      h.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      h.writeUInt16LE(e.store ? 0 : 8, at + 4); // stored or deflated
      h.writeUInt16LE(time, at + 6);
      h.writeUInt16LE(date, at + 8);
      h.writeUInt32LE(crc, at + 10);
      h.writeUInt32LE(packed[i]!.length, at + 14);
      h.writeUInt32LE(raw[i]!.length, at + 18);
      h.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    fields(dir, 6);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    pieces.push(local, name, packed[i]!);
    offset += local.length + name.length + packed[i]!.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...pieces, dirBytes, end]));
}
