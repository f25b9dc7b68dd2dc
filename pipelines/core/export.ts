/**
 * Export a table to Parquet, CSV (DuckDB COPY) and Arrow IPC (apache-arrow),
 * rows ordered by the table's key so the bytes are the same on every build.
 * The CSV starts with a UTF-8 byte-order mark: without it Excel reads the file
 * in the machine's legacy code page and garbles accents and curly quotes.
 * Each file's sha256 and size are taken as it is made, for the manifest.
 */
import { createReadStream, openSync, writeSync, closeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  RecordBatchFileWriter, makeData, makeVector, Table, Utf8, Int32, Int64, Float64, Bool, DateDay, List, Field, Struct,
  type Data, type DataType, type Vector,
} from 'apache-arrow';
import { DuckDBBlobVector, type DuckDBConnection, type DuckDBVector } from '@duckdb/node-api';
import { CITES, type ColumnType, type TableSpec } from '../catalog/types.ts';
import type { Db } from './db.ts';
import { orderedSelect, sqlIdent, sqlString } from './sql.ts';

export const EXPORT_FORMATS = ['parquet', 'arrow', 'csv'] as const;

/** The UTF-8 byte-order mark. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A file an export wrote: its name in the tables folder, sha256 and size. */
export interface ExportedFile { name: string; sha256: string; bytes: number }

/**
 * The CSV's columns: the first one renamed to start with the byte-order mark, so that
 * DuckDB writes the mark as the first bytes of the header line. (Prepending it after the
 * COPY meant reading and writing the whole file again.)
 */
export function csvColumns(spec: TableSpec): string {
  return spec.columns.map((c, j) => (j === 0 ? `${sqlIdent(c.name)} AS ${sqlIdent(`\uFEFF${c.name}`)}` : sqlIdent(c.name))).join(', ');
}

/** sha256 and size of a file just written, read in pieces (the whole file is never in memory). */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const piece of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(piece as Buffer);
    bytes += (piece as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function copyAndHash(conn: DuckDBConnection, select: string, file: string, options: string): Promise<{ sha256: string; bytes: number }> {
  await conn.run(`COPY (${select}) TO ${sqlString(file)} (${options})`);
  return hashFile(file);
}

/**
 * Write the table as Parquet, CSV and Arrow. DuckDB writes the Parquet file, then the CSV,
 * on a spare connection while the Arrow table is assembled here, so the database's threads
 * and this one work at the same time. Not three at once: each COPY sorts the whole table,
 * and on the 1,000-document corpus a third concurrent sort raised the peak memory of the
 * exports from 1.85 to 2.26 GB for no gain in time on two cores. Each file is the same
 * whichever finishes first. Returns the files in EXPORT_FORMATS order.
 */
export async function exportTable(db: Db, spec: TableSpec, dir: string): Promise<ExportedFile[]> {
  const base = join(dir, spec.name);
  const files = await db.spare(0);
  const parquet = copyAndHash(files, orderedSelect(spec), `${base}.parquet`, 'FORMAT parquet, COMPRESSION zstd');
  const csv = parquet.then(() => copyAndHash(files, orderedSelect(spec, csvColumns(spec)), `${base}.csv`, 'FORMAT csv, HEADER true'));
  const arrow = (async () => writeArrowFile(await arrowTable(db, spec), `${base}.arrow`))();
  // every one settles before returning (no write left running); the first error in format order wins
  const done = await Promise.allSettled([parquet, arrow, csv]);
  return done.map((d, i) => {
    if (d.status === 'rejected') throw d.reason;
    return { name: `${spec.name}.${EXPORT_FORMATS[i]}`, ...d.value };
  });
}

/**
 * Write an Arrow IPC file piece by piece, hashing as it goes: the writer hands out views
 * of the table's own buffers (and small headers), so the file is never assembled in memory
 * beside the table, as tableToIPC would. The bytes are tableToIPC(table, 'file')'s.
 */
export async function writeArrowFile(table: Table, path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const fd = openSync(path, 'w');
  try {
    for await (const piece of RecordBatchFileWriter.writeAll(table)) {
      hash.update(piece);
      for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at); // a write may take less than asked
      bytes += piece.length;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

function arrowType(t: ColumnType): DataType {
  switch (t) {
    case 'VARCHAR': return new Utf8();
    case 'INTEGER': return new Int32();
    case 'BIGINT': return new Int64();
    case 'DOUBLE': return new Float64();
    case 'BOOLEAN': return new Bool();
    case 'DATE': return new DateDay();
    case 'VARCHAR[]': return new List(new Field('item', new Utf8(), true));
    case 'INTEGER[]': return new List(new Field('item', new Int32(), true));
    case CITES: return new List(new Field('item', CITED_STRUCT, true));
  }
}

const CITED_STRUCT = new Struct([new Field('doc_id', new Utf8(), true), new Field('para_no', new Int32(), true)]);

/**
 * The table as an Arrow table with the catalog's types: one record batch, each
 * column built straight into Arrow buffers (offsets, UTF-8 bytes, typed arrays,
 * validity bitmaps) while the ordered result is read chunk by chunk. The buffers
 * hold exactly what apache-arrow's builders (vectorFromArray) would, so the IPC
 * bytes do not depend on how the table was assembled.
 */
export async function arrowTable(db: Db, spec: TableSpec): Promise<Table> {
  const result = await db.conn.run(orderedSelect(spec, arrowColumns(spec)));
  const cols = spec.columns.map((c) => columnBuilder(c.type));
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    for (let j = 0; j < cols.length; j++) cols[j].add(chunk.getColumnVector(j), n);
  }
  const vectors: Record<string, Vector> = {};
  spec.columns.forEach((c, j) => { vectors[c.name] = makeVector(cols[j].finish()); });
  return new Table(vectors);
}

/**
 * The columns as the Arrow builders read them: VARCHAR as its UTF-8 bytes (encode() gives a
 * BLOB, whose vector hands out the bytes through node-api's public getItemBytes), so the
 * strings are copied as bytes, not decoded to JS strings and encoded again.
 */
function arrowColumns(spec: TableSpec): string {
  return spec.columns.map((c) => (c.type === 'VARCHAR' ? `encode(${sqlIdent(c.name)}) AS ${sqlIdent(c.name)}` : sqlIdent(c.name))).join(', ');
}

// ---------------------------------------------------------------- column builders

/** A growable buffer of one typed-array kind. */
class Growable<A extends Int32Array | Float64Array | BigInt64Array | Uint8Array> {
  length = 0;
  constructor(private readonly make: (n: number) => A, public data: A = make(1024)) {}
  reserve(extra: number): A {
    const need = this.length + extra;
    if (need > this.data.length) {
      let size = this.data.length * 2;
      while (size < need) size *= 2;
      const bigger = this.make(size);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    return this.data;
  }
  view(): A { return this.data.subarray(0, this.length) as A; }
}

/** A growable bitmap, least significant bit first (Arrow's layout). */
class Bits {
  private readonly bytes = new Growable((n) => new Uint8Array(n));
  length = 0;
  push(bit: boolean): void {
    const i = this.length++;
    const byte = i >> 3;
    if (byte >= this.bytes.length) { this.bytes.reserve(1); this.bytes.length = byte + 1; }
    if (bit) this.bytes.data[byte] |= 1 << (i & 7);
  }
  /**
   * The bitmap in a buffer of a multiple of 64 bytes (at least 64), as the builders
   * size theirs: the IPC writer writes a whole aligned bitmap buffer, padding included.
   */
  view(): Uint8Array {
    const bytes = (this.length + 7) >> 3;
    const out = new Uint8Array(Math.max(64, Math.ceil(bytes / 64) * 64));
    out.set(this.bytes.view().subarray(0, bytes));
    return out;
  }
}

/** Validity bitmap (1 = valid) and null count; the bitmap is left out when nothing is null, as the builders do. */
class Validity {
  private readonly bits = new Bits();
  nullCount = 0;
  get length(): number { return this.bits.length; }
  push(valid: boolean): void {
    this.bits.push(valid);
    if (!valid) this.nullCount++;
  }
  bitmap(): Uint8Array | undefined { return this.nullCount > 0 ? this.bits.view() : undefined; }
}

interface ColumnBuilder { add(v: DuckDBVector, n: number): void; finish(): Data }

const utf8 = new TextEncoder();

/** UTF-8 strings: offsets (Int32) and bytes; a null adds no bytes. */
class Utf8Column {
  readonly validity = new Validity();
  private readonly offsets = new Growable((n) => new Int32Array(n));
  private readonly bytes = new Growable((n) => new Uint8Array(n));
  constructor() { this.offsets.reserve(1); this.offsets.length = 1; }
  push(s: string | null): void {
    this.validity.push(s !== null);
    if (s !== null) {
      const max = s.length * 3; // UTF-8 bytes per UTF-16 unit, at most
      const buf = this.bytes.reserve(max);
      this.bytes.length += utf8.encodeInto(s, buf.subarray(this.bytes.length)).written;
    }
    this.offsets.reserve(1)[this.offsets.length++] = this.bytes.length;
  }
  add(v: DuckDBVector, n: number): void {
    if (!(v instanceof DuckDBBlobVector)) {
      for (let i = 0; i < n; i++) this.push(v.getItem(i) as string | null);
      return;
    }
    for (let i = 0; i < n; i++) {
      const b = v.getItemBytes(i);
      this.validity.push(b !== null);
      if (b !== null) {
        this.bytes.reserve(b.length).set(b, this.bytes.length);
        this.bytes.length += b.length;
      }
      this.offsets.reserve(1)[this.offsets.length++] = this.bytes.length;
    }
  }
  finish(): Data {
    return makeData({
      type: new Utf8(), length: this.validity.length, nullCount: this.validity.nullCount, nullBitmap: this.validity.bitmap(),
      valueOffsets: this.offsets.view(), data: this.bytes.view(),
    }) as Data;
  }
}

/** Fixed-width numbers; a null leaves 0 in its slot. */
class FixedColumn<A extends Int32Array | Float64Array | BigInt64Array> {
  readonly validity = new Validity();
  private readonly values: Growable<A>;
  constructor(private readonly type: DataType, make: (n: number) => A, private readonly read: (x: unknown) => number | bigint) {
    this.values = new Growable(make);
  }
  push(x: unknown): void {
    const valid = x !== null && x !== undefined;
    this.validity.push(valid);
    const data = this.values.reserve(1);
    if (valid) data[this.values.length] = this.read(x) as never;
    this.values.length++;
  }
  add(v: DuckDBVector, n: number): void {
    for (let i = 0; i < n; i++) this.push(v.getItem(i));
  }
  finish(): Data {
    return makeData({
      type: this.type as never, length: this.validity.length, nullCount: this.validity.nullCount,
      nullBitmap: this.validity.bitmap(), data: this.values.view() as never,
    }) as Data;
  }
}

/** Booleans, one bit each; a null leaves 0. */
class BoolColumn {
  readonly validity = new Validity();
  private readonly values = new Bits();
  add(v: DuckDBVector, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = v.getItem(i) as boolean | null;
      this.validity.push(x !== null);
      this.values.push(x === true);
    }
  }
  finish(): Data {
    return makeData({
      type: new Bool(), length: this.validity.length, nullCount: this.validity.nullCount,
      nullBitmap: this.validity.bitmap(), data: this.values.view(),
    }) as Data;
  }
}

/** Lists of INTEGER or VARCHAR: offsets and one child column; a null list adds no items. */
class ListColumn {
  readonly validity = new Validity();
  private readonly offsets = new Growable((n) => new Int32Array(n));
  private count = 0;
  constructor(private readonly type: DataType, private readonly child: Utf8Column | FixedColumn<Int32Array> | CitedColumn) {
    this.offsets.reserve(1); this.offsets.length = 1;
  }
  add(v: DuckDBVector, n: number): void {
    for (let i = 0; i < n; i++) {
      const list = v.getItem(i) as { items: readonly unknown[] } | null;
      this.validity.push(list !== null);
      if (list !== null) {
        for (const item of list.items) this.child.push(item as never);
        this.count += list.items.length;
      }
      this.offsets.reserve(1)[this.offsets.length++] = this.count;
    }
  }
  finish(): Data {
    const child = this.child.finish();
    return makeData({
      type: this.type, length: this.validity.length, nullCount: this.validity.nullCount, nullBitmap: this.validity.bitmap(),
      valueOffsets: this.offsets.view(), child,
    } as never) as Data;
  }
}

/** Structs of (doc_id, para_no), the items of a CITES list: one child column per field. */
class CitedColumn {
  readonly validity = new Validity();
  private readonly docIds = new Utf8Column();
  private readonly paraNos = new FixedColumn(new Int32(), (n) => new Int32Array(n), asNumber);
  push(item: { entries: { doc_id: string | null; para_no: number | null } } | null): void {
    this.validity.push(item !== null);
    this.docIds.push(item?.entries.doc_id ?? null);
    this.paraNos.push(item?.entries.para_no ?? null);
  }
  finish(): Data {
    return makeData({
      type: CITED_STRUCT, length: this.validity.length, nullCount: this.validity.nullCount,
      nullBitmap: this.validity.bitmap(), children: [this.docIds.finish(), this.paraNos.finish()],
    } as never) as Data;
  }
}

function asNumber(x: unknown): number { return x as number; }

function columnBuilder(t: ColumnType): ColumnBuilder {
  const type = arrowType(t);
  switch (t) {
    case 'VARCHAR': return new Utf8Column();
    case 'INTEGER': return new FixedColumn(type, (n) => new Int32Array(n), asNumber);
    case 'BIGINT': return new FixedColumn(type, (n) => new BigInt64Array(n), (x) => BigInt(x as bigint));
    case 'DOUBLE': return new FixedColumn(type, (n) => new Float64Array(n), asNumber);
    case 'BOOLEAN': return new BoolColumn();
    case 'DATE': return new FixedColumn(type, (n) => new Int32Array(n), (x) => (x as { days: number }).days);
    case 'VARCHAR[]': return new ListColumn(type, new Utf8Column());
    case 'INTEGER[]': return new ListColumn(type, new FixedColumn(arrowType('INTEGER'), (n) => new Int32Array(n), asNumber));
    case CITES: return new ListColumn(type, new CitedColumn());
  }
}
