import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNote, signUp, type TestUser, apiCaller } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { insertNotification } from './notifications-queries.js';

let t: TestApp;
let ann: TestUser;
let bob: TestUser;
let cat: TestUser;
let dan: TestUser;
let eve: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t, 'ann');
  bob = await signUp(t, 'bob');
  cat = await signUp(t, 'cat');
  dan = await signUp(t, 'dan');
  eve = await signUp(t, 'eve');
});
afterAll(() => t.close());

const call = apiCaller(() => t);

interface Group {
  id: string;
  kind: string;
  actors: Array<{ handle: string }>;
  actorCount: number;
  note: { id: string; title: string } | null;
  comment: { id: string; body: string } | null;
  latestAt: string;
  read: boolean;
}
const list = async (who: TestUser, query = '') =>
  (await call('GET', `/api/notifications${query}`, who)).json() as { items: Group[]; cursor: string | null; unread: number };
const clear = async (...who: TestUser[]) => {
  for (const user of who) await t.database.db.deleteFrom('notifications').where('recipient_id', '=', user.id).execute();
};

describe('notifications', () => {
  it('groups likes on one note: "cat and 2 others liked your note"', async () => {
    await clear(ann);
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: 'Hello from Chengdu' });
    for (const liker of [bob, dan, cat]) {
      await call('PUT', `/api/notes/${noteId}/like`, liker);
      t.advance(60);
    }
    await call('PUT', `/api/notes/${noteId}/like`, ann); // one's own like tells no one
    const { items, unread } = await list(ann);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'like',
      actorCount: 3,
      note: { id: noteId, title: 'Hello from Chengdu' },
      comment: null,
      read: false,
    });
    expect(items[0]!.actors.map((actor) => actor.handle)).toEqual(['cat', 'dan', 'bob']);
    expect(unread).toBe(3);
    expect((await call('GET', '/api/notifications/unread-count', ann)).json()).toEqual({ count: 3 });

    // Taking a like back withdraws its unread notification.
    await call('DELETE', `/api/notes/${noteId}/like`, dan);
    const after = await list(ann);
    expect(after.items[0]).toMatchObject({ actorCount: 2 });
    expect(after.items[0]!.actors.map((actor) => actor.handle)).toEqual(['cat', 'bob']);
    // A like-unlike-like loop is still one actor.
    await call('DELETE', `/api/notes/${noteId}/like`, bob);
    await call('PUT', `/api/notes/${noteId}/like`, bob);
    expect((await list(ann)).items[0]).toMatchObject({ actorCount: 2 });
  });

  it('keeps collects, follows, comments, replies and comment likes apart as RedNote does', async () => {
    await clear(ann, bob, cat);
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: 'Noodles' });
    await call('PUT', `/api/notes/${noteId}/collect`, bob);
    t.advance(1);
    await call('PUT', `/api/notes/${noteId}/collect`, cat);
    t.advance(1);
    await call('PUT', '/api/users/ann/follow', bob);
    t.advance(1);
    await call('PUT', '/api/users/ann/follow', dan);
    t.advance(1);
    const top = (await call('POST', `/api/notes/${noteId}/comments`, bob, { body: 'Looks great' })).json();
    t.advance(1);
    await call('POST', `/api/notes/${noteId}/comments`, cat, { body: 'Recipe?' });
    t.advance(1);
    const reply = (await call('POST', `/api/notes/${noteId}/comments`, cat, { body: 'Agreed', parentId: top.id })).json();
    t.advance(1);
    await call('POST', `/api/notes/${noteId}/comments`, dan, { body: 'Me too', parentId: reply.id });
    t.advance(1);
    await call('PUT', `/api/comments/${top.id}/like`, cat);
    await call('PUT', `/api/comments/${top.id}/like`, ann);

    const forAnn = (await list(ann)).items;
    expect(forAnn.map((group) => [group.kind, group.actorCount])).toEqual([
      ['comment', 1],
      ['comment', 1],
      ['follow', 2],
      ['collect', 2],
    ]);
    expect(forAnn[0]).toMatchObject({ comment: { body: 'Recipe?' }, note: { id: noteId, title: 'Noodles' } });
    expect(forAnn[2]).toMatchObject({ note: null, comment: null });
    expect(forAnn[2]!.actors.map((actor) => actor.handle)).toEqual(['dan', 'bob']);

    const forBob = (await list(bob)).items;
    expect(forBob.map((group) => [group.kind, group.actorCount])).toEqual([
      ['comment_like', 2],
      ['reply', 1],
    ]);
    expect(forBob[1]).toMatchObject({ comment: { id: reply.id, body: 'Agreed' } });
    // A reply to a reply tells the person answered, not the top comment's author.
    const forCat = (await list(cat)).items;
    expect(forCat).toHaveLength(1);
    expect(forCat[0]).toMatchObject({ kind: 'reply', comment: { body: 'Me too' }, actors: [{ handle: 'dan' }] });
  });

  it('marks everything read', async () => {
    expect((await list(ann)).unread).toBeGreaterThan(0);
    expect((await call('POST', '/api/notifications/read', ann)).statusCode).toBe(204);
    expect((await call('GET', '/api/notifications/unread-count', ann)).json()).toEqual({ count: 0 });
    expect((await list(ann)).items.every((group) => group.read)).toBe(true);
    expect((await call('POST', '/api/notifications/read')).statusCode).toBe(401);
  });

  it('pages groups by time and rejects tampered cursors', async () => {
    await clear(eve);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const noteId = await insertNote(t.database.db, { authorId: eve.id, title: `note ${i}` });
      ids.push(noteId);
      await call('PUT', `/api/notes/${noteId}/like`, bob);
      await call('PUT', `/api/notes/${noteId}/like`, cat);
      t.advance(10);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(eve, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((group) => group.note!.id));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    for (const bad of ['xyz', Buffer.from('["2026-11-24T12:00:00Z","abc"]').toString('base64url')]) {
      const response = await call('GET', `/api/notifications?cursor=${bad}`, eve);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('cursor_invalid');
    }
    expect((await call('GET', '/api/notifications')).statusCode).toBe(401);
  });

  it('skips self-notifications and blocked pairs, hides muted actors and deleted notes', async () => {
    await clear(dan);
    const now = t.now;
    expect(await insertNotification(t.database.db, { recipientId: dan.id, kind: 'mention', actorId: dan.id, now })).toBe(false);
    await call('PUT', '/api/users/eve/block', dan);
    expect(await insertNotification(t.database.db, { recipientId: dan.id, kind: 'mention', actorId: eve.id, now })).toBe(false);
    expect(await insertNotification(t.database.db, { recipientId: eve.id, kind: 'mention', actorId: dan.id, now })).toBe(false);
    await call('DELETE', '/api/users/eve/block', dan);

    const noteId = await insertNote(t.database.db, { authorId: dan.id });
    expect(await insertNotification(t.database.db, { recipientId: dan.id, kind: 'mention', actorId: bob.id, noteId, now })).toBe(true);
    await call('PUT', `/api/notes/${noteId}/like`, cat);
    expect((await list(dan)).items.map((group) => group.kind).sort()).toEqual(['like', 'mention']);

    await call('PUT', '/api/users/cat/mute', dan);
    expect((await list(dan)).items.map((group) => group.kind)).toEqual(['mention']);
    expect((await list(dan)).unread).toBe(1);
    await call('DELETE', '/api/users/cat/mute', dan);

    await t.database.db.updateTable('notes').set({ deleted_at: t.now }).where('id', '=', noteId).execute();
    expect((await list(dan)).items).toEqual([]);
    expect((await call('GET', '/api/notifications/unread-count', dan)).json()).toEqual({ count: 0 });
  });
});

describe('mentions in comments', () => {
  it('tell the people named, once, besides the note author', async () => {
    await clear(ann, bob, cat);
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const response = await call('POST', `/api/notes/${noteId}/comments`, bob, { body: 'look @cat and @ann, and @nobody_here' });
    expect(response.statusCode).toBe(201);
    const catGroups = await list(cat);
    expect(catGroups.items.map((group) => group.kind)).toEqual(['mention']);
    expect(catGroups.items[0]!.actors[0]!.handle).toBe('bob');
    // Ann is the note's author: she hears of the comment, not a second time of the mention.
    expect((await list(ann)).items.map((group) => group.kind)).toEqual(['comment']);
  });
});
