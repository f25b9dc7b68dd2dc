/**
 * Export a table to Parquet, CSV (DuckDB COPY) and Arrow IPC (the Parquet file read by
 * parquet-wasm, written by apache-arrow), rows ordered by the table's key so the bytes
 * are the same on every build.
 * The CSV starts with a UTF-8 byte-order mark: without it Excel reads the file
 * in the machine's legacy code page and garbles accents and curly quotes.
 * Each file's sha256 and size are taken as it is made, for the manifest. An exported view is
 * checked here, on its Parquet file (core/checks.ts checkedAtExport).
 */
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DataType, Field, List, RecordBatch, RecordBatchFileWriter, Schema, Struct, Table, makeData, tableFromIPC, vectorFromArray } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSpec } from '../catalog/types.ts';
import { checkedAtExport, checkTable, parquetRows } from './checks.ts';
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

/** The table as Parquet, rows in key order; its sha256 and size. */
export function writeParquet(conn: DuckDBConnection, spec: TableSpec, file: string): Promise<{ sha256: string; bytes: number }> {
  return copyAndHash(conn, orderedSelect(spec), file, 'FORMAT parquet, COMPRESSION zstd');
}

async function copyAndHash(conn: DuckDBConnection, select: string, file: string, options: string): Promise<{ sha256: string; bytes: number }> {
  await conn.run(`COPY (${select}) TO ${sqlString(file)} (${options})`);
  return hashFile(file);
}

/**
 * Write the table as Parquet, then CSV and Arrow from it at the same time: DuckDB writes the CSV on a
 * spare connection while this thread turns the Parquet file into Arrow IPC (parquet-wasm reads
 * it in WebAssembly, a row group at a time). Reading DuckDB's result value by value into Arrow
 * buffers here took 3-4 times as long (claims at 1,000 documents: 3.5 s against 0.9 s). Each
 * file is the same whichever finishes first. Returns the files in EXPORT_FORMATS order.
 */
export async function exportTable(db: Db, spec: TableSpec, dir: string): Promise<ExportedFile[]> {
  const base = join(dir, spec.name);
  const files = await db.spare(0);
  const parquet = await writeParquet(files, spec, `${base}.parquet`);
  if (checkedAtExport(spec)) await checkTable(db, spec, 'export', parquetRows(`${base}.parquet`));
  // from the Parquet file, whose rows are already in key order: sorting the table again cost more
  // than reading the file (evidence at 1,000 documents: 2.2 s against 1.0 s); the bytes are the same
  const csv = copyAndHash(files, `SELECT ${csvColumns(spec)} FROM read_parquet(${sqlString(`${base}.parquet`)})`, `${base}.csv`, 'FORMAT csv, HEADER true');
  const arrow = (async () => writeArrowFile(await arrowBatches(`${base}.parquet`), `${base}.arrow`))();
  // both settle before returning (no write left running); the first error in format order wins
  const done = await Promise.allSettled([arrow, csv]);
  return [parquet, ...done.map((d) => {
    if (d.status === 'rejected') throw d.reason;
    return d.value;
  })].map((h, i) => ({ name: `${spec.name}.${EXPORT_FORMATS[i]}`, ...h }));
}

/** Rows of each Arrow record batch the Parquet file is read in: about 11 MB of a `_named` table's text. */
export const ARROW_BATCH_ROWS = 16_384;

interface WasmTable { intoIPCStream(): Uint8Array }
interface ParquetFile {
  metadata(): { fileMetadata(): { numRows(): number }; free(): void };
  read(options?: { batchSize?: number }): Promise<WasmTable>;
  stream(options: { batchSize: number; concurrency: number }): Promise<ReadableStream<WasmTable>>;
  free(): void;
}
type ParquetWasm = { ParquetFile: { fromFile(blob: Blob): Promise<ParquetFile> } };
let parquetWasm: ParquetWasm | undefined;

/**
 * The Parquet file's rows as Arrow record batches of ARROW_BATCH_ROWS rows (none crosses a row
 * group), read by parquet-wasm from the file on disk as they are needed. parquet-wasm's
 * WebAssembly memory only grows: reading a row group at a time from the file's bytes, it had
 * grown to about 0.45 GB at 1,000 documents and stayed so for the rest of the build; read in such
 * batches it stays near 0.15 GB. A file without rows gives its schema alone.
 */
async function arrowBatches(parquetFile: string): Promise<Table | AsyncIterable<RecordBatch>> {
  parquetWasm ??= createRequire(import.meta.url)('parquet-wasm/node') as ParquetWasm;
  const file = await parquetWasm.ParquetFile.fromFile(await openAsBlob(parquetFile));
  const meta = file.metadata();
  const rows = meta.fileMetadata().numRows();
  meta.free();
  if (rows === 0) {
    try {
      return withListItems(tableFromIPC((await file.read()).intoIPCStream()));
    } finally {
      file.free();
    }
  }
  return (async function* () {
    try {
      for await (const batch of await file.stream({ batchSize: ARROW_BATCH_ROWS, concurrency: 1 })) {
        yield* withListItems(tableFromIPC(batch.intoIPCStream())).batches;
      }
    } finally {
      file.free();
    }
  })();
}

/**
 * The table with each list's child field named "item", as apache-arrow and pyarrow name it
 * (a Parquet reader names it "element"); the buffers are the reader's.
 */
function withListItems(table: Table): Table {
  const fields = table.schema.fields.map((f) => new Field(f.name, itemNamed(f.type), f.nullable, f.metadata));
  if (fields.every((f, i) => f.type === table.schema.fields[i]!.type)) return table;
  const schema = new Schema(fields, table.schema.metadata);
  // no rows: one empty batch, made by arrow's builders (an empty table's placeholder batch has no list children to write)
  if (table.numRows === 0) {
    return new Table(new RecordBatch(schema, makeData({
      type: new Struct(fields), length: 0, nullCount: 0, children: fields.map((f) => vectorFromArray([], f.type).data[0]!),
    })));
  }
  const batches = table.batches.map((b) => new RecordBatch(schema, makeData({
    type: new Struct(fields), length: b.numRows, nullCount: 0,
    children: b.data.children.map((d, i) => (fields[i]!.type === d.type ? d : makeData({
      type: fields[i]!.type as List, offset: d.offset, length: d.length, nullCount: d.nullCount,
      nullBitmap: d.nullBitmap, valueOffsets: d.valueOffsets, child: d.children[0]!,
    }))),
  })));
  return new Table(schema, batches);
}

function itemNamed(type: DataType): DataType {
  if (!DataType.isList(type)) return type;
  const child = type.children[0]!;
  return new List(new Field('item', itemNamed(child.type), child.nullable, child.metadata));
}

/**
 * Write an Arrow IPC file piece by piece, hashing as it goes: the writer hands out views
 * of the batches' own buffers (and small headers), so the file is never assembled in memory.
 * The pieces go to a write stream (libuv's threads write them, several at once), so this thread
 * converts the next batch while the disk takes the last: written one by one with writeSync,
 * waiting for the disk took 2.9 s of this thread at 1,000 documents.
 */
export async function writeArrowFile(source: Table | AsyncIterable<RecordBatch>, path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const writer = source instanceof Table ? RecordBatchFileWriter.writeAll(source) : await RecordBatchFileWriter.writeAll(source);
  await pipeline(async function* () {
    for await (const piece of writer) {
      hash.update(piece);
      bytes += piece.length;
      yield piece;
    }
  }, createWriteStream(path, { highWaterMark: 16 << 20 }));
  return { sha256: hash.digest('hex'), bytes };
}
