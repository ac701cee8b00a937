import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, policyEnv, setUserFields, signUp, TEST_POLICY, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// A view is counted only from someone who may see the note: otherwise a
// blocked person (or one whose region hides the note) could still push its
// counters, and the author's stats would count people the author shut out.
let t: TestApp;
const call = apiCaller(() => t);
let author: TestUser;
let blockedByAuthor: TestUser;
let blocker: TestUser;
let inCn: TestUser;
let friend: TestUser;
let note: string;
let gamblingNote: string;
let watchedNote: string;

beforeAll(async () => {
  t = await createTestApp({ env: policyEnv(TEST_POLICY) });
  author = await signUp(t, 'view_author');
  blockedByAuthor = await signUp(t, 'view_shut_out');
  blocker = await signUp(t, 'view_blocker');
  inCn = await signUp(t, 'view_in_cn');
  friend = await signUp(t, 'view_friend');
  await setUserFields(t.database.db, inCn.id, { region: 'CN' });
  note = await insertNote(t.database.db, { authorId: author.id });
  watchedNote = await insertNote(t.database.db, { authorId: author.id, title: 'Watched' });
  gamblingNote = await insertNote(t.database.db, { authorId: author.id, title: 'Odds' });
  await t.database.db
    .updateTable('notes')
    .set({ labels: ['gambling'] })
    .where('id', '=', gamblingNote)
    .execute();
  expect((await call('PUT', `/api/users/${blockedByAuthor.handle}/block`, author)).statusCode).toBe(200);
  expect((await call('PUT', `/api/users/${author.handle}/block`, blocker)).statusCode).toBe(200);
});
afterAll(() => t.close());

const views = async (noteId: string) => {
  await t.app.content.views.flush(t.now);
  return (await call('GET', `/api/notes/${noteId}`, friend)).json().counts.views as number;
};

describe('views of notes the viewer may not see', () => {
  it('are not counted through /api/views, either way of a block or when the region hides the note', async () => {
    for (const who of [blockedByAuthor, blocker]) {
      const response = await call('POST', '/api/views', who, { noteIds: [note] });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ counted: 0 });
    }
    expect((await call('POST', '/api/views', inCn, { noteIds: [gamblingNote, note] })).json()).toEqual({ counted: 1 });
    expect(await views(note)).toBe(1);
    expect(await views(gamblingNote)).toBe(0);
    expect((await call('POST', '/api/views', friend, { noteIds: [gamblingNote] })).json()).toEqual({ counted: 1 });
    expect(await views(gamblingNote)).toBe(1);
  });

  it('are not counted from telemetry impressions either', async () => {
    const event = { type: 'impression', noteId: watchedNote, at: t.now.getTime(), sessionId: randomUUID(), seq: 1, source: 'explore' };
    expect((await call('POST', '/api/events', blockedByAuthor, { events: [event] })).statusCode).toBe(202);
    expect(await views(watchedNote)).toBe(0);
    expect((await call('POST', '/api/events', friend, { events: [{ ...event, sessionId: randomUUID() }] })).statusCode).toBe(202);
    expect(await views(watchedNote)).toBe(1);
  });
});
