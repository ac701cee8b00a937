import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNote, insertTopic, signUp, type TestUser, apiCaller } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { noteCounts } from '../counters/note-counters.js';

let t: TestApp;
let ann: TestUser;
let bob: TestUser;
let cat: TestUser;
let dan: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t, 'ann');
  bob = await signUp(t, 'bob');
  cat = await signUp(t, 'cat');
  dan = await signUp(t, 'dan');
});
afterAll(() => t.close());

const call = apiCaller(() => t);
const comment = async (who: TestUser, noteId: string, body: string, parentId?: string) => {
  const response = await call('POST', `/api/notes/${noteId}/comments`, who, { body, ...(parentId ? { parentId } : {}) });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { id: string; parentId: string | null };
};
const discussions = async (topicId: string) => {
  const rows = await t.database.db.selectFrom('topic_counters').select('discussions').where('topic_id', '=', topicId).execute();
  return rows.reduce((sum, row) => sum + Number(row.discussions), 0);
};

describe('comments', () => {
  it('creates a comment, counts it on the note and in its topics', async () => {
    const topicId = await insertTopic(t.database.db, 'TikTokRefugee');
    const noteId = await insertNote(t.database.db, { authorId: ann.id, topicIds: [topicId] });
    const response = await call('POST', `/api/notes/${noteId}/comments`, bob, { body: '  你好 from Ohio  ' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      noteId,
      parentId: null,
      body: '你好 from Ohio',
      createdAt: t.now.toISOString(),
      author: { id: bob.id, handle: 'bob', displayName: 'bob' },
      likes: 0,
      replyCount: 0,
      viewer: { liked: false, canDelete: true },
    });
    expect((await noteCounts(t.database.db, [noteId])).get(noteId)?.comments).toBe(1);
    expect(await discussions(topicId)).toBe(1);
  });

  it('validates the body and the parent', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const other = await insertNote(t.database.db, { authorId: ann.id });
    const elsewhere = await comment(bob, other, 'on another note');
    const cases: Array<[object, number, string]> = [
      [{ body: '    ' }, 400, 'comment_body_invalid'],
      [{ body: 'x'.repeat(501) }, 400, 'comment_body_invalid'],
      [{ body: '' }, 400, 'validation_failed'],
      [{ body: 'hi', parentId: elsewhere.id }, 400, 'parent_invalid'],
      [{ body: 'hi', parentId: '987654321' }, 400, 'parent_invalid'],
      [{ body: 'hi', parentId: 'x' }, 400, 'validation_failed'],
      [{ body: 'hi', extra: 1 }, 400, 'validation_failed'],
    ];
    for (const [payload, status, code] of cases) {
      const response = await call('POST', `/api/notes/${noteId}/comments`, bob, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().error.code, JSON.stringify(payload)).toBe(code);
    }
    expect((await call('POST', `/api/notes/${noteId}/comments`, bob, { body: '😀'.repeat(500) })).statusCode).toBe(201);
    expect((await call('POST', '/api/notes/987654321/comments', bob, { body: 'hi' })).json().error.code).toBe('note_not_found');
  });

  it('files a reply to a reply under the top-level comment and says whom it answers', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const top = await comment(bob, noteId, 'top');
    const reply = await comment(cat, noteId, 'reply to bob', top.id);
    expect(reply.parentId).toBe(top.id);
    expect(reply).not.toHaveProperty('replyTo');
    const nested = await call('POST', `/api/notes/${noteId}/comments`, dan, { body: 'reply to cat', parentId: reply.id });
    expect(nested.json()).toMatchObject({ parentId: top.id, replyTo: { handle: 'cat' } });

    const list = (await call('GET', `/api/notes/${noteId}/comments`, ann)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: top.id, replyCount: 2, viewer: { liked: false, canDelete: true } });
    expect(list.items[0].replies.map((r: { body: string }) => r.body)).toEqual(['reply to bob', 'reply to cat']);
    expect(list.items[0].replies[1].replyTo).toEqual({ handle: 'cat' });
  });

  it('lists top-level comments by likes or newest, two replies each, paging replies oldest first', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const first = await comment(bob, noteId, 'first');
    t.advance(1);
    const second = await comment(cat, noteId, 'second');
    t.advance(1);
    const third = await comment(dan, noteId, 'third');
    for (const i of [1, 2, 3, 4, 5]) {
      t.advance(1);
      await comment(i % 2 ? ann : dan, noteId, `reply ${i}`, first.id);
    }
    await call('PUT', `/api/comments/${second.id}/like`, bob);
    await call('PUT', `/api/comments/${second.id}/like`, dan);
    await call('PUT', `/api/comments/${first.id}/like`, cat);

    const top = (await call('GET', `/api/notes/${noteId}/comments?sort=top`, bob)).json();
    expect(top.items.map((c: { id: string }) => c.id)).toEqual([second.id, first.id, third.id]);
    expect(top.items[0]).toMatchObject({ likes: 2, viewer: { liked: true, canDelete: false } });
    expect(top.items[1]).toMatchObject({ replyCount: 5 });
    expect(top.items[1].replies.map((r: { body: string }) => r.body)).toEqual(['reply 1', 'reply 2']);

    const newest = (await call('GET', `/api/notes/${noteId}/comments?sort=newest`)).json();
    expect(newest.items.map((c: { id: string }) => c.id)).toEqual([third.id, second.id, first.id]);
    expect(newest.items[0].viewer).toBeNull();

    // Keyset pages for both orders.
    for (const sort of ['top', 'newest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/notes/${noteId}/comments?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await call('GET', url, bob)).json();
        seen.push(...page.items.map((c: { id: string }) => c.id));
        cursor = page.cursor;
      } while (cursor);
      expect(seen, sort).toHaveLength(3);
      expect(new Set(seen).size).toBe(3);
    }

    const repliesPage = (await call('GET', `/api/comments/${first.id}/replies?limit=3`)).json();
    expect(repliesPage.items.map((r: { body: string }) => r.body)).toEqual(['reply 1', 'reply 2', 'reply 3']);
    const rest = (await call('GET', `/api/comments/${first.id}/replies?limit=3&cursor=${repliesPage.cursor}`)).json();
    expect(rest).toMatchObject({ cursor: null });
    expect(rest.items.map((r: { body: string }) => r.body)).toEqual(['reply 4', 'reply 5']);
  });

  it('rejects tampered cursors and a cursor of the other sort order', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    await comment(bob, noteId, 'a');
    await comment(bob, noteId, 'b');
    const newestCursor = (await call('GET', `/api/notes/${noteId}/comments?sort=newest&limit=1`)).json().cursor as string;
    const bad = [
      'not-a-cursor!',
      Buffer.from('[1,"2026-01-01T00:00:00Z","1; drop table"]').toString('base64url'),
      Buffer.from('"just a string"').toString('base64url'),
      newestCursor,
    ];
    for (const cursor of bad) {
      const response = await call('GET', `/api/notes/${noteId}/comments?sort=top&cursor=${encodeURIComponent(cursor)}`);
      expect(response.statusCode, cursor).toBe(400);
      expect(response.json().error.code).toBe('cursor_invalid');
    }
    expect((await call('GET', `/api/notes/${noteId}/comments?sort=best`)).statusCode).toBe(400);
    expect((await call('GET', `/api/notes/${noteId}/comments?limit=500`)).statusCode).toBe(400);
  });

  it('deletes: author or note author; a top-level comment takes its replies and the counters along', async () => {
    const topicId = await insertTopic(t.database.db, 'CatsOfQiao');
    const noteId = await insertNote(t.database.db, { authorId: ann.id, topicIds: [topicId] });
    const top = await comment(bob, noteId, 'top');
    await comment(cat, noteId, 'r1', top.id);
    await comment(dan, noteId, 'r2', top.id);
    const other = await comment(cat, noteId, 'other');
    expect((await noteCounts(t.database.db, [noteId])).get(noteId)?.comments).toBe(4);
    expect(await discussions(topicId)).toBe(4);

    expect((await call('DELETE', `/api/comments/${top.id}`, cat)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/comments/${top.id}`, cat)).json().error.code).toBe('forbidden');
    expect((await call('DELETE', `/api/comments/${top.id}`)).statusCode).toBe(401);
    expect((await call('DELETE', `/api/comments/${top.id}`, ann)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/comments/${top.id}`, ann)).statusCode).toBe(404);
    expect((await noteCounts(t.database.db, [noteId])).get(noteId)?.comments).toBe(1);
    expect(await discussions(topicId)).toBe(1);
    expect((await call('GET', `/api/comments/${top.id}/replies`)).statusCode).toBe(404);

    expect((await call('DELETE', `/api/comments/${other.id}`, cat)).statusCode).toBe(204);
    expect((await noteCounts(t.database.db, [noteId])).get(noteId)?.comments).toBe(0);
    expect((await call('GET', `/api/notes/${noteId}/comments`)).json().items).toEqual([]);
  });

  it('likes comments idempotently', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const c = await comment(bob, noteId, 'like me');
    expect((await call('PUT', `/api/comments/${c.id}/like`, cat)).json()).toEqual({ liked: true, likes: 1 });
    expect((await call('PUT', `/api/comments/${c.id}/like`, cat)).json()).toEqual({ liked: true, likes: 1 });
    expect((await call('PUT', `/api/comments/${c.id}/like`, dan)).json()).toEqual({ liked: true, likes: 2 });
    expect((await call('DELETE', `/api/comments/${c.id}/like`, cat)).json()).toEqual({ liked: false, likes: 1 });
    expect((await call('DELETE', `/api/comments/${c.id}/like`, cat)).json()).toEqual({ liked: false, likes: 1 });
    expect((await call('PUT', '/api/comments/987654321/like', cat)).json().error.code).toBe('comment_not_found');
  });

  it("hides blocked and muted people's comments from the viewer", async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    await comment(bob, noteId, 'from bob');
    const catTop = await comment(cat, noteId, 'from cat');
    await comment(bob, noteId, 'bob replies', catTop.id);
    await call('PUT', '/api/users/bob/mute', dan);
    const seen = (await call('GET', `/api/notes/${noteId}/comments`, dan)).json().items;
    expect(seen.map((c: { body: string }) => c.body)).toEqual(['from cat']);
    expect(seen[0]).toMatchObject({ replyCount: 0, replies: [] });
    await call('DELETE', '/api/users/bob/mute', dan);
    expect((await call('GET', `/api/notes/${noteId}/comments`, dan)).json().items).toHaveLength(2);
  });
});
