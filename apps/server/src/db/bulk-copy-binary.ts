import type { Db } from './database.js';
import { type CopyOptions, copyStream } from './bulk-copy.js';

// COPY in PostgreSQL's binary format, for the seeder's largest table (millions
// of events): no text to build in Node and none to parse in PostgreSQL, which
// for timestamps is most of a row's cost. Each column declares its type, since
// binary values must match the column's type exactly.

export type BinaryType = 'int4' | 'int8' | 'float4' | 'float8' | 'text' | 'timestamptz';

/** int8 as a number (or decimal string), timestamptz as a Date or epoch milliseconds. */
export type BinaryValue = string | number | Date | null | undefined;

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
  }
}

async function* binaryChunks(types: readonly BinaryType[], rows: Iterable<readonly BinaryValue[]>): AsyncGenerator<Buffer> {
  const writer = new Writer();
  const flushed: Buffer[] = [];
  writer.buffer.set(SIGNATURE, 0);
  writer.offset = SIGNATURE.length;
  writer.offset = writer.buffer.writeInt32BE(0, writer.offset); // flags
  writer.offset = writer.buffer.writeInt32BE(0, writer.offset); // header extension length
  for (const row of rows) {
    // The largest a row can be: 2 for the field count, 12 per fixed-size field, 4 + 3 bytes per UTF-16 unit of text.
    let bound = 2;
    for (let i = 0; i < types.length; i += 1) bound += types[i] === 'text' && typeof row[i] === 'string' ? 4 + (row[i] as string).length * 3 : 12;
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
    'binary',
    binaryChunks(types, rows),
    options,
  );
}
