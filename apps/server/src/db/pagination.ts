import { badRequest } from '../lib/errors.js';

// Keyset pagination with opaque cursors (never OFFSET on a feed): a cursor is
// the sort key of the last item served, e.g. [createdAtIso, id] or [score, id],
// base64url-encoded JSON. Tampered cursors are a 400, never a 500.

export type CursorValue = string | number;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor, checking each part against the
 * expected kinds ('string' | 'number' | 'id' | 'date').
 */
export function decodeCursor<const T extends readonly ('string' | 'number' | 'id' | 'date')[]>(
  cursor: string,
  kinds: T,
): { [K in keyof T]: T[K] extends 'number' ? number : T[K] extends 'date' ? Date : string } {
  const invalid = () => badRequest('cursor_invalid', 'This page cursor is not valid. Start again from the first page.');
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== kinds.length) throw invalid();
  return values.map((value, index) => {
    const kind = kinds[index];
    if (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) return value;
    if (kind === 'string' && typeof value === 'string') return value;
    if (kind === 'id' && typeof value === 'string' && /^[0-9]{1,18}$/.test(value)) return value;
    if (kind === 'date' && typeof value === 'string') {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return date;
    }
    throw invalid();
  }) as never;
}

export interface Page<T> {
  items: T[];
  /** null on the last page. */
  cursor: string | null;
}

/** Builds a page from limit+1 fetched rows: the extra row only tells that more exist. */
export function pageOf<Row, Item>(rows: Row[], limit: number, present: (row: Row) => Item, cursorOf: (row: Row) => CursorValue[]): Page<Item> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return { items: kept.map(present), cursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}
