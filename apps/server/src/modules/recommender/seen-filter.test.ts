import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { addToSeen, SEEN_FILTER_BYTES, SEEN_FILTER_CAPACITY, SeenNotes } from './seen-filter.js';

// The seen filters as the served log writes them: added notes are remembered,
// a full or old generation rotates into `previous` (still remembered), and the
// generation before that is forgotten.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;

async function seenOf(userId: string): Promise<{ seen: SeenNotes; count: number; since: Date; hasPrevious: boolean }> {
  const row = await db()
    .selectFrom('rec_seen')
    .select(['current', 'previous', 'current_count', 'current_since'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { seen: SeenNotes.fromRow(row.current, row.previous), count: row.current_count, since: row.current_since, hasPrevious: row.previous !== null };
}

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('seen filters', () => {
  it('remember notes across flushes for several people at once, and rotate a full generation into the previous one', async () => {
    const [ann, bob] = await Promise.all([signUp(t, 'seen_ann'), signUp(t, 'seen_bob')]);
    const now = new Date('2026-12-01T00:00:00Z');
    await addToSeen(
      db(),
      new Map([
        [ann.id, ['9000001', '9000002']],
        [bob.id, ['9000003']],
      ]),
      now,
      30,
    );
    await addToSeen(
      db(),
      new Map([
        [ann.id, ['9000004']],
        [bob.id, ['9000005']],
      ]),
      new Date(now.getTime() + 1000),
      30,
    );
    const a = await seenOf(ann.id);
    const b = await seenOf(bob.id);
    for (const id of ['9000001', '9000002', '9000004']) expect(a.seen.has(id)).toBe(true);
    for (const id of ['9000003', '9000005']) expect(b.seen.has(id)).toBe(true);
    expect(b.seen.has('9000001')).toBe(false);
    expect([a.count, b.count, a.hasPrevious]).toEqual([3, 2, false]);
    expect(a.since.getTime()).toBe(now.getTime());

    // A full generation: the next flush starts a new one and keeps the full one as previous.
    const first = ids('71', SEEN_FILTER_CAPACITY);
    await addToSeen(db(), new Map([[ann.id, first]]), new Date(now.getTime() + 2000), 30);
    await addToSeen(db(), new Map([[ann.id, ['8000001']]]), new Date(now.getTime() + 3000), 30);
    const rotated = await seenOf(ann.id);
    expect(rotated.count).toBe(1);
    expect(rotated.hasPrevious).toBe(true);
    for (const id of ['9000001', first[0]!, first.at(-1)!, '8000001']) expect(rotated.seen.has(id)).toBe(true);
    // A later flush that does not rotate leaves the previous generation as it was.
    await addToSeen(db(), new Map([[ann.id, ['8000002']]]), new Date(now.getTime() + 4000), 30);
    const after = await seenOf(ann.id);
    expect(after.count).toBe(2);
    for (const id of ['9000001', first[0]!, '8000001', '8000002']) expect(after.seen.has(id)).toBe(true);

    // Half the seen window later the current generation rotates again: what was previous is forgotten.
    await addToSeen(db(), new Map([[ann.id, ['8000003']]]), new Date(now.getTime() + 16 * 86_400_000), 30);
    const old = await seenOf(ann.id);
    expect(old.seen.has('9000001')).toBe(false);
    for (const id of ['8000001', '8000002', '8000003']) expect(old.seen.has(id)).toBe(true);
    const row = await db().selectFrom('rec_seen').select(['current']).where('user_id', '=', ann.id).executeTakeFirstOrThrow();
    expect(row.current.length).toBe(SEEN_FILTER_BYTES);
  });

  it('skips an account deleted meanwhile without failing the others', async () => {
    const cat = await signUp(t, 'seen_cat');
    await addToSeen(
      db(),
      new Map([
        ['987654321', ['1']],
        [cat.id, ['9100001']],
      ]),
      new Date('2026-12-01T00:00:00Z'),
      30,
    );
    expect((await seenOf(cat.id)).seen.has('9100001')).toBe(true);
  });
});
