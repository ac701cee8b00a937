import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNote, signUp, type TestUser, apiCaller } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let ann: TestUser;
let bob: TestUser;
let cat: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t, 'ann');
  bob = await signUp(t, 'bob');
  cat = await signUp(t, 'cat');
});
afterAll(() => t.close());

const call = apiCaller(() => t);

const counterSum = async (noteId: string, column: 'likes' | 'collects') => {
  const rows = await t.database.db.selectFrom('note_counters').select(column).where('note_id', '=', noteId).execute();
  return rows.reduce((sum, row) => sum + Number(row[column]), 0);
};

describe('likes', () => {
  it('likes and unlikes idempotently, counting once', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const first = await call('PUT', `/api/notes/${noteId}/like`, bob);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ liked: true, likes: 1 });
    expect((await call('PUT', `/api/notes/${noteId}/like`, bob)).json()).toEqual({ liked: true, likes: 1 });
    expect((await call('PUT', `/api/notes/${noteId}/like`, cat)).json()).toEqual({ liked: true, likes: 2 });
    expect(await counterSum(noteId, 'likes')).toBe(2);

    expect((await call('DELETE', `/api/notes/${noteId}/like`, bob)).json()).toEqual({ liked: false, likes: 1 });
    expect((await call('DELETE', `/api/notes/${noteId}/like`, bob)).json()).toEqual({ liked: false, likes: 1 });
    expect(await counterSum(noteId, 'likes')).toBe(1);
  });

  it('404s unknown and deleted notes and refuses bad ids', async () => {
    const deleted = await insertNote(t.database.db, { authorId: ann.id });
    await t.database.db.updateTable('notes').set({ deleted_at: t.now }).where('id', '=', deleted).execute();
    for (const id of [deleted, '999999999']) {
      const response = await call('PUT', `/api/notes/${id}/like`, bob);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('note_not_found');
    }
    for (const id of ['abc', '1'.repeat(19), '-1']) {
      const response = await call('PUT', `/api/notes/${id}/like`, bob);
      expect(response.statusCode, id).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    expect((await call('PUT', `/api/notes/${deleted}/like`)).statusCode).toBe(401);
  });

  it('50 people liking one note at once count exactly 50', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const likers: TestUser[] = [];
    for (let i = 0; i < 50; i += 1) likers.push(await signUp(t, `liker_${i}`));
    const responses = await Promise.all(likers.map((liker) => call('PUT', `/api/notes/${noteId}/like`, liker)));
    expect(responses.map((response) => response.statusCode)).toEqual(likers.map(() => 200));
    const likeRows = await t.database.db
      .selectFrom('likes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('note_id', '=', noteId)
      .executeTakeFirstOrThrow();
    expect(Number(likeRows.count)).toBe(50);
    expect(await counterSum(noteId, 'likes')).toBe(50);
    expect((await call('PUT', `/api/notes/${noteId}/like`, likers[0])).json()).toEqual({ liked: true, likes: 50 });

    // And all of them taking it back at once leaves zero.
    await Promise.all(likers.map((liker) => call('DELETE', `/api/notes/${noteId}/like`, liker)));
    expect(await counterSum(noteId, 'likes')).toBe(0);
  }, 120_000);
});

describe('collects and boards', () => {
  it("keeps a private board's notes off the owner's public Collected tab (regression: they were listed)", async () => {
    const kept = await insertNote(t.database.db, { authorId: ann.id, title: 'kept private' });
    const shown = await insertNote(t.database.db, { authorId: ann.id, title: 'shown' });
    const secret = (await call('POST', '/api/boards', cat, { name: 'Secret', isPrivate: true })).json();
    await call('PUT', `/api/notes/${kept}/collect`, cat, { boardId: secret.id });
    await call('PUT', `/api/notes/${shown}/collect`, cat);
    const ids = async (who?: TestUser) => (await call('GET', '/api/users/cat/collects', who)).json().items.map((item: { id: string }) => item.id);
    expect(await ids(bob)).toEqual([shown]);
    expect(await ids()).toEqual([shown]);
    expect(await ids(cat)).toEqual([shown, kept]);
  });

  it('collects into a board, moves between boards without counting twice, and uncollects', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const travel = await call('POST', '/api/boards', bob, { name: ' Travel ' });
    expect(travel.statusCode).toBe(201);
    expect(travel.json()).toMatchObject({ name: 'Travel', isPrivate: false, noteCount: 0, coverImageId: null });
    const food = await call('POST', '/api/boards', bob, { name: 'Food', isPrivate: true });
    const travelId = travel.json().id as string;
    const foodId = food.json().id as string;

    expect((await call('PUT', `/api/notes/${noteId}/collect`, bob)).json()).toEqual({ collected: true, collects: 1, boardId: null });
    expect((await call('PUT', `/api/notes/${noteId}/collect`, bob, { boardId: travelId })).json()).toEqual({ collected: true, collects: 1, boardId: travelId });
    // Omitting boardId keeps the board; null takes it out of any board.
    expect((await call('PUT', `/api/notes/${noteId}/collect`, bob, {})).json()).toMatchObject({ boardId: travelId });
    expect((await call('PUT', `/api/notes/${noteId}/collect`, bob, { boardId: foodId })).json()).toEqual({ collected: true, collects: 1, boardId: foodId });
    expect(await counterSum(noteId, 'collects')).toBe(1);

    const mine = (await call('GET', '/api/boards', bob)).json().items as Array<{ id: string; noteCount: number }>;
    expect(mine.find((board) => board.id === foodId)?.noteCount).toBe(1);
    expect(mine.find((board) => board.id === travelId)?.noteCount).toBe(0);

    const notes = await call('GET', `/api/boards/${foodId}/notes`, bob);
    expect(notes.json()).toEqual({ items: [{ noteId, collectedAt: t.now.toISOString() }], cursor: null });

    expect((await call('DELETE', `/api/notes/${noteId}/collect`, bob)).json()).toEqual({ collected: false, collects: 0 });
    expect((await call('DELETE', `/api/notes/${noteId}/collect`, bob)).json()).toEqual({ collected: false, collects: 0 });
    expect(await counterSum(noteId, 'collects')).toBe(0);
  });

  it("refuses someone else's board and unknown boards", async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    const annBoard = (await call('POST', '/api/boards', ann, { name: 'Mine' })).json().id as string;
    for (const boardId of [annBoard, '99999999']) {
      const response = await call('PUT', `/api/notes/${noteId}/collect`, bob, { boardId });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('board_not_found');
    }
    expect(await counterSum(noteId, 'collects')).toBe(0);
  });

  it('names boards uniquely per owner in any case, renames, and deletes keeping collects', async () => {
    const first = await call('POST', '/api/boards', cat, { name: 'Cats' });
    expect((await call('POST', '/api/boards', cat, { name: 'CATS' })).json().error.code).toBe('board_name_taken');
    expect((await call('POST', '/api/boards', cat, { name: 'CATS' })).statusCode).toBe(409);
    // Another person may use the same name.
    expect((await call('POST', '/api/boards', bob, { name: 'cats' })).statusCode).toBe(201);
    for (const name of ['   ', 'x'.repeat(31)]) {
      const response = await call('POST', '/api/boards', cat, { name });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('board_name_invalid');
    }
    expect((await call('POST', '/api/boards', cat, { name: 'x', color: 'red' })).statusCode).toBe(400);

    const boardId = first.json().id as string;
    const dogs = await call('POST', '/api/boards', cat, { name: 'Dogs' });
    expect((await call('PATCH', `/api/boards/${dogs.json().id}`, cat, { name: 'cats' })).statusCode).toBe(409);
    const renamed = await call('PATCH', `/api/boards/${boardId}`, cat, { name: 'Kittens', isPrivate: true });
    expect(renamed.json()).toMatchObject({ id: boardId, name: 'Kittens', isPrivate: true });
    expect((await call('PATCH', `/api/boards/${boardId}`, bob, { name: 'Stolen' })).statusCode).toBe(404);

    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    await call('PUT', `/api/notes/${noteId}/collect`, cat, { boardId });
    expect((await call('DELETE', `/api/boards/${boardId}`, bob)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/boards/${boardId}`, cat)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/boards/${boardId}`, cat)).statusCode).toBe(404);
    const collects = (await call('GET', '/api/users/cat/collects', cat)).json().items as Array<{ id: string }>;
    expect(collects.map((item) => item.id)).toContain(noteId);
    expect(await counterSum(noteId, 'collects')).toBe(1);
  });

  it("shows others only public boards and guards private boards' notes", async () => {
    const pub = (await call('POST', '/api/boards', ann, { name: 'Public one' })).json().id as string;
    const priv = (await call('POST', '/api/boards', ann, { name: 'Secret', isPrivate: true })).json().id as string;
    const theirs = (await call('GET', '/api/users/ANN/boards', bob)).json().items as Array<{ id: string }>;
    expect(theirs.map((board) => board.id)).toContain(pub);
    expect(theirs.map((board) => board.id)).not.toContain(priv);
    const own = (await call('GET', '/api/users/ann/boards', ann)).json().items as Array<{ id: string }>;
    expect(own.map((board) => board.id)).toContain(priv);

    expect((await call('GET', `/api/boards/${pub}/notes`)).statusCode).toBe(200);
    const hidden = await call('GET', `/api/boards/${priv}/notes`, bob);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().error.code).toBe('board_private');
    expect((await call('GET', `/api/boards/${priv}/notes`, ann)).statusCode).toBe(200);
    expect((await call('GET', '/api/boards/987654321/notes', ann)).json().error.code).toBe('board_not_found');
    expect((await call('GET', '/api/boards', undefined)).statusCode).toBe(401);
  });

  it('pages board notes with a cursor and rejects a tampered one', async () => {
    const board = (await call('POST', '/api/boards', bob, { name: 'Paged' })).json().id as string;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const noteId = await insertNote(t.database.db, { authorId: ann.id });
      ids.push(noteId);
      await call('PUT', `/api/notes/${noteId}/collect`, bob, { boardId: board });
      t.advance(1);
    }
    const first = (await call('GET', `/api/boards/${board}/notes?limit=2`, bob)).json();
    expect(first.items.map((item: { noteId: string }) => item.noteId)).toEqual([ids[4], ids[3]]);
    const second = (await call('GET', `/api/boards/${board}/notes?limit=2&cursor=${first.cursor}`, bob)).json();
    expect(second.items.map((item: { noteId: string }) => item.noteId)).toEqual([ids[2], ids[1]]);
    const third = (await call('GET', `/api/boards/${board}/notes?limit=2&cursor=${second.cursor}`, bob)).json();
    expect(third).toMatchObject({ cursor: null });
    expect(third.items).toHaveLength(1);

    for (const cursor of ['garbage', Buffer.from('["x","1"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      const response = await call('GET', `/api/boards/${board}/notes?cursor=${cursor}`, bob);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('cursor_invalid');
    }
  });
});
