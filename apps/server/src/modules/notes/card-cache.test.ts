import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, policyEnv, setUserFields, signUp, TEST_POLICY, type TestUser } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// The shared card cache as production runs it (READ_CACHE_MS on, so cards and
// note pages live for minutes): every write that changes what a card shows
// makes the very next read show it, through HTTP on the real database.

let t: TestApp;
let author: TestUser;
let reader: TestUser;
let mod: TestUser;
const call = apiCaller(() => t);

beforeAll(async () => {
  t = await createTestApp({ env: { ...policyEnv(TEST_POLICY), READ_CACHE_MS: '60000' } });
  author = await signUp(t, 'cc_author');
  reader = await signUp(t, 'cc_reader');
  mod = await signUp(t, 'cc_mod');
  await setUserFields(t.database.db, mod.id, { role: 'moderator' });
  await call('PUT', '/api/users/cc_author/follow', reader);
});
afterAll(() => t.close());

async function post(title: string): Promise<string> {
  const imageIds = await uploadImages(t, author.cookie, 1);
  const response = await call('POST', '/api/notes', author, { title, body: `#cardcache ${title}`, imageIds });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

type Card = { id: string; title: string; author: { handle: string; displayName: string }; warnings?: string[]; counts: { likes: number } };
const following = async (who: TestUser) => (await call('GET', '/api/feed?tab=following&limit=50', who)).json().items as Card[];
const profile = async (who?: TestUser) => (await call('GET', '/api/users/cc_author/notes?limit=50', who)).json().items as Card[];
const cardOf = async (noteId: string, who: TestUser) => (await following(who)).find((card) => card.id === noteId);

async function moderate(noteId: string, action: { action: string; label: string }) {
  const opened = await call('POST', '/api/moderation/cases', mod, { subject: { type: 'note', id: noteId } });
  expect(opened.statusCode, opened.body).toBe(201);
  const acted = await call('POST', `/api/moderation/cases/${opened.json().id}/actions`, mod, {
    rule: `community-guidelines/${action.label}`,
    reason: 'Test.',
    ...action,
  });
  expect(acted.statusCode, acted.body).toBeLessThan(300);
}

describe('cached cards', () => {
  it('show an edit at once on every card and on the note page', async () => {
    const noteId = await post('Before');
    expect((await cardOf(noteId, reader))?.title).toBe('Before');
    expect((await profile(reader)).find((card) => card.id === noteId)?.title).toBe('Before');
    expect((await call('GET', `/api/notes/${noteId}`, reader)).json().title).toBe('Before');

    await call('PATCH', `/api/notes/${noteId}`, author, { title: 'After' });
    expect((await cardOf(noteId, reader))?.title).toBe('After');
    expect((await profile(reader)).find((card) => card.id === noteId)?.title).toBe('After');
    expect((await call('GET', `/api/notes/${noteId}`, reader)).json().title).toBe('After');

    await call('DELETE', `/api/notes/${noteId}`, author);
    expect(await cardOf(noteId, reader)).toBeUndefined();
    expect((await call('GET', `/api/notes/${noteId}`, reader)).statusCode).toBe(404);
  });

  it("show a moderator's label and removal at once", async () => {
    const noteId = await post('Moderated');
    expect((await cardOf(noteId, reader))?.warnings).toBeUndefined();
    expect((await call('GET', `/api/notes/${noteId}`, reader)).json().warnings).toBeUndefined();

    await moderate(noteId, { action: 'label', label: 'graphic-violence' });
    expect((await cardOf(noteId, reader))?.warnings).toEqual(['graphic-violence']);
    expect((await call('GET', `/api/notes/${noteId}`, reader)).json().warnings).toEqual(['graphic-violence']);

    await moderate(noteId, { action: 'label', label: 'spam' });
    expect(await cardOf(noteId, reader)).toBeUndefined();
    expect((await call('GET', `/api/notes/${noteId}`, reader)).statusCode).toBe(404);
    expect((await call('GET', `/api/notes/${noteId}/comments`, reader)).statusCode).toBe(404);
    // Authors still see their own note, and what happened to it.
    expect((await call('GET', `/api/notes/${noteId}`, author)).statusCode).toBe(200);
  });

  it("show the author's new name at once, on cards and on the note page", async () => {
    const noteId = await post('Named');
    expect((await cardOf(noteId, reader))?.author.displayName).toBe('cc author');
    expect((await call('GET', `/api/notes/${noteId}`, reader)).json().author.displayName).toBe('cc author');

    expect((await call('PATCH', '/api/me', author, { displayName: 'Renamed Author' })).statusCode).toBe(200);
    expect((await cardOf(noteId, reader))?.author.displayName).toBe('Renamed Author');
    expect((await profile()).find((card) => card.id === noteId)?.author.displayName).toBe('Renamed Author');
    expect((await call('GET', `/api/notes/${noteId}`, reader)).json().author.displayName).toBe('Renamed Author');
  });

  it('count a like at once for the one who liked', async () => {
    const noteId = await post('Liked');
    expect((await cardOf(noteId, reader))?.counts.likes).toBe(0);
    expect((await call('GET', `/api/notes/${noteId}`, reader)).json().counts.likes).toBe(0);
    await call('PUT', `/api/notes/${noteId}/like`, reader);
    expect((await cardOf(noteId, reader))?.counts.likes).toBe(1);
    const page = (await call('GET', `/api/notes/${noteId}`, reader)).json();
    expect(page.counts.likes).toBe(1);
    expect(page.viewer).toMatchObject({ liked: true, followingAuthor: true });
  });

  it('hide at once when the author goes private, from strangers and not from followers', async () => {
    const noteId = await post('Going private');
    const stranger = await signUp(t, 'cc_stranger');
    const topic = async (who: TestUser) => ((await call('GET', '/api/topics/cardcache/notes?sort=latest&limit=50', who)).json().items ?? []) as Card[];
    expect((await topic(stranger)).map((card) => card.id)).toContain(noteId);
    expect((await call('GET', `/api/notes/${noteId}`, stranger)).statusCode).toBe(200);

    await call('PATCH', '/api/me/privacy-controls', author, { private: true });
    expect((await topic(stranger)).map((card) => card.id)).not.toContain(noteId);
    expect((await call('GET', `/api/notes/${noteId}`, stranger)).statusCode).toBe(404);
    expect((await call('GET', `/api/notes/${noteId}/comments`, stranger)).statusCode).toBe(404);
    expect((await call('GET', '/api/users/cc_author/notes', stranger)).statusCode).toBe(403);
    // The follower was approved before the switch: they keep every path.
    expect((await cardOf(noteId, reader))?.title).toBe('Going private');
    expect((await call('GET', `/api/notes/${noteId}`, reader)).statusCode).toBe(200);
    await call('PATCH', '/api/me/privacy-controls', author, { private: false });
    expect((await call('GET', `/api/notes/${noteId}`, stranger)).statusCode).toBe(200);
  });
});
