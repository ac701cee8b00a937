import type { Db } from './database.js';
import { type CopyOptions, type CopySource, copyStream } from './bulk-copy.js';

// COPY in PostgreSQL's binary format, for the seeder's largest table (millions
// of events): no text to build in Node and none to parse in PostgreSQL, which
// for timestamps is most of a row's cost. Each column declares its type, since
// binary values must match the column's type exactly. One-dimensional bigint
// and real arrays too: the recommender's neighbour lists and pools, hundreds
// of numbers a row, which as text would be formatted and parsed one by one.

export type BinaryType = 'int4' | 'int8' | 'float4' | 'float8' | 'text' | 'timestamptz' | 'int8[]' | 'float4[]';

/**
 * int8 as a number (or decimal string), timestamptz as a Date or epoch
 * milliseconds, int8[] and float4[] as any array-like of numbers (int8[] also
 * of decimal strings), without nulls.
 */
export type BinaryValue = string | number | Date | ArrayLike<number | string> | null | undefined;

// Element type oids, as an array value names them.
const ELEMENT_OID = { 'int8[]': 20, 'float4[]': 700 } as const;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
// PostgreSQL's epoch is 2000-01-01; its timestamps are microseconds from then.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const CHUNK_BYTES = 1 << 20;

class Writer {
  buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  offset = 0;

  ensure(bytes: number, flushed: Buffer[]): void {
    if (this.offset + bytes <= this.buffer.length) return;
    if (this.offset) flushed.push(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.offset = 0;
  }

  /** A signed 64-bit integer from a double (exact up to 2^53, which ids and microseconds stay below). */
  int64(value: number): void {
    const high = Math.floor(value / 4294967296);
    this.offset = this.buffer.writeInt32BE(high, this.offset);
    this.offset = this.buffer.writeUInt32BE(value - high * 4294967296, this.offset);
  }
}

function writeField(writer: Writer, type: BinaryType, value: Exclude<BinaryValue, null | undefined>): void {
  const b = writer.buffer;
  switch (type) {
    case 'int4':
      writer.offset = b.writeInt32BE(4, writer.offset);
      writer.offset = b.writeInt32BE(value as number, writer.offset);
      return;
    case 'int8':
      writer.offset = b.writeInt32BE(8, writer.offset);
      writer.int64(Number(value));
      return;
    case 'float4':
      writer.offset = b.writeInt32BE(4, writer.offset);
      writer.offset = b.writeFloatBE(value as number, writer.offset);
      return;
    case 'float8':
      writer.offset = b.writeInt32BE(8, writer.offset);
      writer.offset = b.writeDoubleBE(value as number, writer.offset);
      return;
    case 'timestamptz': {
      const ms = value instanceof Date ? value.getTime() : (value as number);
      if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
      writer.offset = b.writeInt32BE(8, writer.offset);
      writer.int64(Math.round((ms - PG_EPOCH_MS) * 1000));
      return;
    }
    case 'text': {
      const length = b.write(value as string, writer.offset + 4, 'utf8');
      b.writeInt32BE(length, writer.offset);
      writer.offset += 4 + length;
      return;
    }
    case 'int8[]':
    case 'float4[]': {
      const items = value as ArrayLike<number | string>;
      const int8 = type === 'int8[]';
      // Header: dimensions, has-nulls flag, element type; then (for one dimension) its length and lower bound.
      const bytes = items.length === 0 ? 12 : 20 + items.length * (int8 ? 12 : 8);
      writer.offset = b.writeInt32BE(bytes, writer.offset);
      writer.offset = b.writeInt32BE(items.length === 0 ? 0 : 1, writer.offset);
      writer.offset = b.writeInt32BE(0, writer.offset);
      writer.offset = b.writeInt32BE(ELEMENT_OID[type], writer.offset);
      if (items.length === 0) return;
      writer.offset = b.writeInt32BE(items.length, writer.offset);
      writer.offset = b.writeInt32BE(1, writer.offset);
      for (let k = 0; k < items.length; k += 1) {
        if (int8) {
          writer.offset = b.writeInt32BE(8, writer.offset);
          writer.int64(Number(items[k]));
        } else {
          writer.offset = b.writeInt32BE(4, writer.offset);
          writer.offset = b.writeFloatBE(items[k] as number, writer.offset);
        }
      }
      return;
    }
  }
}

/** The most bytes a field can take (its length word included). */
function fieldBound(type: BinaryType, value: BinaryValue): number {
  if (type === 'text' && typeof value === 'string') return 4 + value.length * 3;
  if ((type === 'int8[]' || type === 'float4[]') && value !== null && value !== undefined) return 24 + (value as ArrayLike<unknown>).length * 12;
  return 12;
}

async function* binaryChunks(types: readonly BinaryType[], rows: Iterable<readonly BinaryValue[]>): AsyncGenerator<Buffer> {
  const writer = new Writer();
  const flushed: Buffer[] = [];
  writer.buffer.set(SIGNATURE, 0);
  writer.offset = SIGNATURE.length;
  writer.offset = writer.buffer.writeInt32BE(0, writer.offset); // flags
  writer.offset = writer.buffer.writeInt32BE(0, writer.offset); // header extension length
  for (const row of rows) {
    // The largest a row can be: 2 for the field count, then each field's bound.
    let bound = 2;
    for (let i = 0; i < types.length; i += 1) bound += fieldBound(types[i]!, row[i]);
    writer.ensure(bound, flushed);
    writer.offset = writer.buffer.writeInt16BE(types.length, writer.offset);
    for (let i = 0; i < types.length; i += 1) {
      const value = row[i];
      if (value === null || value === undefined) writer.offset = writer.buffer.writeInt32BE(-1, writer.offset);
      else writeField(writer, types[i]!, value);
    }
    if (flushed.length) yield flushed.shift()!;
  }
  writer.ensure(2, flushed);
  writer.offset = writer.buffer.writeInt16BE(-1, writer.offset); // trailer
  flushed.push(writer.buffer.subarray(0, writer.offset));
  yield* flushed;
}

/** Binary-format rows as a COPY source (bulk-copy.ts copyInto), `types` in column order. */
export function binarySource(types: readonly BinaryType[], rows: Iterable<readonly BinaryValue[]>): CopySource {
  return { format: 'binary', chunks: binaryChunks(types, rows) };
}

/**
 * Loads `rows` into `table` with COPY in binary format; `columns` pairs each
 * column with its PostgreSQL type. One transaction: all rows or none.
 */
export function copyBinaryRows(
  db: Db,
  table: string,
  columns: ReadonlyArray<readonly [name: string, type: BinaryType]>,
  rows: Iterable<readonly BinaryValue[]>,
  options: CopyOptions = {},
): Promise<number> {
  const types = columns.map(([, type]) => type);
  return copyStream(
    db,
    table,
    columns.map(([name]) => name),
    binarySource(types, rows),
    options,
  );
}
