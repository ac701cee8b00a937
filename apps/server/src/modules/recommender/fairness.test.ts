import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { gini } from './fairness-service.js';

let t: TestApp;
let admin: TestUser;
let reader: TestUser;
const call = apiCaller(() => t);
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'operator');
  reader = await signUp(t, 'reader');
  await t.database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.id).execute();
});
afterAll(() => t.close());

describe('gini', () => {
  it('is 0 for equal shares and for nothing, and (n−1)/n when one gets everything', () => {
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
    expect(gini([5, 5, 5, 5])).toBeCloseTo(0, 10);
    expect(gini([0, 0, 0, 12])).toBeCloseTo(3 / 4, 10);
    // Sorted 1, 3, 6: 2·(1·1 + 2·3 + 3·6)/(3·10) − 4/3 = 50/30 − 40/30 = 1/3.
    expect(gini([6, 1, 3])).toBeCloseTo(1 / 3, 10);
  });
});

describe('GET /api/admin/feed-fairness', () => {
  it('is for administrators only', async () => {
    expect((await call('GET', '/api/admin/feed-fairness')).statusCode).toBe(401);
    const refused = await call('GET', '/api/admin/feed-fairness', reader);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
  });

  it("reports the last day's impressions per creator, small-creator share, Gini and stage reach", async () => {
    const db = t.database.db;
    const now = t.now;
    const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
    const famous = await signUp(t, 'famous');
    const newcomer = await signUp(t, 'newcomer');
    const regular = await signUp(t, 'regular');

    // Exactly 1,000 followers is not "under 1,000"; two is.
    // Followers without a phone number (as seeded people are), told apart by their handles.
    await sql`insert into users (handle, language, region)
      select 'fan1999_' || lpad(i::text, 4, '0'), 'en', 'US' from generate_series(1, 1000) as i`.execute(db);
    await sql`insert into follows (follower_id, followee_id, created_at)
      select id, ${famous.id}, ${now} from users where handle like 'fan1999\_%'`.execute(db);
    await db
      .insertInto('follows')
      .values([admin, reader].map((who) => ({ follower_id: who.id, followee_id: regular.id, created_at: now })))
      .execute();

    const famousOld = await insertNote(db, { authorId: famous.id, createdAt: ago(48) });
    const newcomerNote = await insertNote(db, { authorId: newcomer.id, createdAt: ago(2) });
    const newcomerOld = await insertNote(db, { authorId: newcomer.id, createdAt: ago(30) });
    const regularNote = await insertNote(db, { authorId: regular.id, createdAt: ago(1) });
    const promoted = await insertNote(db, { authorId: regular.id, createdAt: ago(20) });
    await insertNote(db, { authorId: regular.id, createdAt: ago(3) }); // not judged yet: no quality row
    const deleted = await insertNote(db, { authorId: regular.id, createdAt: ago(4) });
    await db.updateTable('notes').set({ deleted_at: now }).where('id', '=', deleted).execute();
    // Removed by a moderator: out of the feed, so out of the fairness figures (counted apart).
    const removed = await insertNote(db, { authorId: regular.id, createdAt: ago(5) });
    await db.updateTable('notes').set({ mod_state: 'removed' }).where('id', '=', removed).execute();
    const quality = (noteId: string, stage: number) => ({ note_id: noteId, stage, stage_changed_at: now, updated_at: now });
    await db
      .insertInto('rec_note_quality')
      .values([quality(newcomerNote, 1), quality(regularNote, 2), quality(promoted, 3), quality(newcomerOld, 3), quality(deleted, 3), quality(removed, 3)])
      .execute();

    const impression = (noteId: string, at: Date, type: 'impression' | 'like' = 'impression') => ({
      user_id: reader.id,
      note_id: noteId,
      type,
      source: 'explore',
      occurred_at: at,
      received_at: at,
    });
    await db
      .insertInto('events')
      .values([
        ...Array.from({ length: 6 }, (_, i) => impression(famousOld, ago(i + 1))),
        ...Array.from({ length: 3 }, () => impression(newcomerOld, ago(23.5))),
        impression(regularNote, ago(0.5)),
        // Outside the window, or not an impression: not counted.
        ...Array.from({ length: 5 }, () => impression(regularNote, ago(25))),
        impression(newcomerNote, now),
        impression(newcomerNote, ago(1), 'like'),
      ])
      .execute();

    const response = await call('GET', '/api/admin/feed-fairness', admin);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      since: '2026-11-23T12:00:00.000Z',
      until: '2026-11-24T12:00:00.000Z',
      impressions: 10,
      creators: 3,
      // newcomer 3 + regular 1 of 10; famous (1,000 followers) got 6.
      shareUnder1kFollowers: 0.4,
      // Creators 6, 3, 1: see the gini test above.
      impressionGini: 0.3333,
      // newcomerNote, regularNote, promoted and the unjudged one; not the old or deleted ones.
      newNotes: 4,
      moderatedOut: 1,
      stageReach: [
        { stage: 1, notes: 3, share: 0.75 },
        { stage: 2, notes: 2, share: 0.5 },
        { stage: 3, notes: 1, share: 0.25 },
      ],
    });
  });
});
