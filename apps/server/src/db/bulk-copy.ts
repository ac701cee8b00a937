import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Db, poolOf } from './database.js';

// Bulk loading with COPY ... FROM STDIN (text format): an order of magnitude
// faster than multi-row INSERTs for the seeder's millions of rows, because
// PostgreSQL parses one stream instead of planning a statement per chunk.
// Values are encoded here, so callers pass plain JavaScript values.

/** A jsonb (or json) column's value; wrapped because an array would otherwise become a PostgreSQL array. */
export class JsonValue {
  constructor(readonly value: unknown) {}
}

export type CopyValue = string | number | bigint | boolean | Date | JsonValue | null | undefined | readonly CopyValue[];

/** Text format's own escapes: a raw tab, newline or carriage return would end a field or a row. */
function escapeText(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/** An array literal ({"a","b",NULL}); every element is quoted, so commas, braces and spaces need no thought. */
function arrayLiteral(items: readonly CopyValue[]): string {
  const parts = items.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${scalarText(item as Exclude<CopyValue, readonly CopyValue[] | null | undefined>).replace(/[\\"]/g, '\\$&')}"`;
  });
  return `{${parts.join(',')}}`;
}

function scalarText(value: Exclude<CopyValue, readonly CopyValue[] | null | undefined>): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) {
    // toISOString throws on an invalid date, instead of writing garbage.
    return value.toISOString();
  }
  if (value instanceof JsonValue) return JSON.stringify(value.value) ?? 'null';
  return String(value);
}

/** One field of a text-format row: \N for null, else the value with the format's escapes. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(scalarText(value as Exclude<CopyValue, readonly CopyValue[] | null | undefined>));
}

const CHUNK_CHARS = 1 << 18;

/** Rows as text chunks of about 256 KB: few writes to the socket, and memory stays flat however many rows come. */
async function* textChunks(rows: Iterable<readonly CopyValue[]>): AsyncGenerator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i += 1) line += (i ? '\t' : '') + copyField(row[i]);
    chunk += `${line}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface CopyOptions {
  /**
   * When the table is empty (a fresh database: the first start's demo, a benchmark),
   * its secondary indexes are dropped for the load and built again after it, in the
   * same transaction: one sorted build is many times faster than millions of random
   * index inserts once the indexes outgrow shared_buffers. The table is locked
   * meanwhile and a failure rolls everything back, indexes included. A table that
   * holds rows keeps its indexes (rebuilding them would cost more than it saves).
   * Primary keys and unique constraints always stay.
   */
  deferIndexesWhenEmpty?: boolean;
  /**
   * Every reference in the rows points at rows the caller itself wrote and committed
   * (the seeder's ids): the foreign-key checks, a lookup per row and reference that
   * costs more than the load itself, are skipped, as pg_restore's --disable-triggers
   * does. Only for a superuser (the embedded database's role); others keep the checks.
   */
  trustedReferences?: boolean;
}

/** The table's indexes that back no constraint, as the statements that build them again. */
async function dropSecondaryIndexes(client: PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [identifier(table)],
  );
  for (const row of rows) await client.query(`drop index ${row.name}`);
  return rows.map((row) => row.definition);
}

/** What a COPY reads: encoded rows of one format (the text encoder here, the binary one in bulk-copy-binary.ts). */
export interface CopySource {
  format: 'text' | 'binary';
  chunks: AsyncIterable<string | Buffer>;
}

/** Text-format rows as a COPY source. */
export function textSource(rows: Iterable<readonly CopyValue[]>): CopySource {
  return { format: 'text', chunks: textChunks(rows) };
}

/** One COPY ... FROM STDIN on `client` (inside whatever transaction it is in); returns the rows written. */
export async function copyInto(client: PoolClient, table: string, columns: readonly string[], source: CopySource): Promise<number> {
  const stream = client.query(copyFrom(`copy ${identifier(table)} (${columns.map(identifier).join(', ')}) from stdin with (format ${source.format})`));
  await pipeline(source.chunks, stream);
  return stream.rowCount;
}

/**
 * Runs `work` in one transaction on one pooled connection, for writes that
 * load rows with COPY (copyInto) into a staging table and then apply them in
 * a set-based statement or two: temporary tables live on that connection.
 * Commits when `work` returns, rolls back when it throws.
 */
export async function inCopyTransaction<T>(db: Db, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  try {
    await client.query('begin');
    // Only this transaction's commit waits on the disk: nothing is lost but a crash's last moment, and the writers can rerun.
    await client.query('set local synchronous_commit = off');
    const result = await work(client);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    // A connection left mid-COPY or mid-transaction cannot go back to the pool.
    client.release(error as Error);
    throw error;
  }
}

/**
 * Runs one COPY of `source` into `table` in a transaction of its own on one
 * pooled connection; returns the rows written.
 * Shared by the text (copyRows) and binary (bulk-copy-binary.ts) loaders.
 */
export function copyStream(db: Db, table: string, columns: readonly string[], source: CopySource, options: CopyOptions = {}): Promise<number> {
  return inCopyTransaction(db, async (client) => {
    if (options.trustedReferences) {
      const { rows: role } = await client.query<{ superuser: boolean }>(`select current_setting('is_superuser') = 'on' as superuser`);
      // Replica mode fires no ordinary triggers, and foreign keys are triggers; `local`: for this transaction only.
      if (role[0]?.superuser) await client.query('set local session_replication_role = replica');
    }
    let rebuild: string[] = [];
    if (options.deferIndexesWhenEmpty) {
      // The lock first, so no row can arrive between the emptiness check and the drop.
      await client.query(`lock table ${identifier(table)} in access exclusive mode`);
      const { rows: any } = await client.query(`select 1 from ${identifier(table)} limit 1`);
      if (any.length === 0) rebuild = await dropSecondaryIndexes(client, table);
    }
    const written = await copyInto(client, table, columns, source);
    // Sorting millions of index entries in memory instead of in temporary files; for this transaction only.
    if (rebuild.length) await client.query(`set local maintenance_work_mem = '1GB'`);
    for (const definition of rebuild) await client.query(definition);
    return written;
  });
}

/**
 * Loads `rows` (each one value per column, in `columns` order) into `table` with
 * COPY in text format. One transaction: all rows or none. Returns the rows written.
 */
export function copyRows(db: Db, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>, options: CopyOptions = {}): Promise<number> {
  return copyStream(db, table, columns, textSource(rows), options);
}
