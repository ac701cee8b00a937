import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { decodeCursor, encodeCursor, pageOf } from './pagination.js';

describe('cursors', () => {
  it('round-trips typed values', () => {
    const cursor = encodeCursor(['2026-11-24T12:00:00.000Z', '42', 3.5]);
    const [date, id, score] = decodeCursor(cursor, ['date', 'id', 'number']);
    expect(date.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(id).toBe('42');
    expect(score).toBe(3.5);
  });

  it('refuses tampered cursors with cursor_invalid', () => {
    for (const cursor of ['', 'not base64 at all!', encodeCursor(['x']), encodeCursor(['2026-01-01', 'abc']), Buffer.from('{"a":1}').toString('base64url')]) {
      try {
        decodeCursor(cursor, ['date', 'id']);
        throw new Error('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('cursor_invalid');
      }
    }
  });

  it('pages with limit+1 rows', () => {
    const rows = [1, 2, 3].map((n) => ({ id: String(n) }));
    expect(
      pageOf(
        rows,
        2,
        (r) => r.id,
        (r) => [r.id],
      ),
    ).toEqual({ items: ['1', '2'], cursor: encodeCursor(['2']) });
    expect(
      pageOf(
        rows,
        3,
        (r) => r.id,
        (r) => [r.id],
      ).cursor,
    ).toBeNull();
  });
});
