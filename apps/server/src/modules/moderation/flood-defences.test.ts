import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, setUserFields, signUp, type TestUser } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// Flood defences through HTTP: mentions per post are capped, a new account's
// links wait for review (invisible to others until approved), suspended
// accounts cannot post, and sign-ups need approval once moderators are idle.

let t: TestApp;
let mod: TestUser;
let reader: TestUser;
const call = apiCaller(() => t);

beforeAll(async () => {
  t = await createTestApp({ env: { MODERATION_MAX_MENTIONS: '3', MODERATION_NEW_ACCOUNT_HOURS: '24', MODERATION_APPROVAL_AFTER_IDLE_DAYS: '3' } });
  mod = await signUp(t, 'fd_mod');
  reader = await signUp(t, 'fd_reader');
  await setUserFields(t.database.db, mod.id, { role: 'moderator' });
});
afterAll(() => t.close());

async function post(who: TestUser, body: string) {
  const [image] = await uploadImages(t, who.cookie, 1);
  return call('POST', '/api/notes', who, { title: 'hello', body, imageIds: [image] });
}

describe('flood defences', () => {
  it('caps mentions per post', async () => {
    const author = await signUp(t, 'fd_mentions');
    const response = await post(author, '@a_one @b_two @c_three @d_four');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('too_many_mentions');
    const comment = await call('POST', `/api/notes/0/comments`, author, { body: '@a_one @b_two @c_three @d_four' });
    expect(comment.statusCode).toBe(404);
  });

  it("holds a new account's link for review, and a moderator's approval publishes it", async () => {
    const author = await signUp(t, 'fd_linker');
    const created = await post(author, 'great deals at www.cheap-stuff.shop');
    expect(created.statusCode, created.body).toBe(201);
    const noteId = created.json().id as string;
    expect(created.json().moderation).toMatchObject({ state: 'held' });
    expect((await call('GET', `/api/notes/${noteId}`, reader)).statusCode).toBe(404);

    const queue = (await call('GET', '/api/moderation/queue?kind=held', mod)).json().items;
    const held = queue.find((item: { subject: { id: string } }) => item.subject.id === noteId);
    expect(held).toBeTruthy();
    const statements = (await call('GET', '/api/me/statements', author)).json().items;
    expect(statements[0]).toMatchObject({ decision: 'hold', automatedDetection: true, automatedDecision: true });

    expect(
      (await call('POST', `/api/moderation/cases/${held.id}/actions`, mod, { action: 'approve', rule: 'community-guidelines/spam', reason: 'A real shop.' }))
        .statusCode,
    ).toBe(201);
    expect((await call('GET', `/api/notes/${noteId}`, reader)).statusCode).toBe(200);

    // A day later the same account is no longer new.
    t.advance(25 * 3600);
    const later = await post(author, 'more at www.cheap-stuff.shop');
    expect(later.json().moderation).toBeUndefined();
  });

  it('refuses posts and comments from suspended accounts, with the end of the suspension', async () => {
    const author = await signUp(t, 'fd_suspended');
    await t.database.db
      .updateTable('users')
      .set({ status: 'suspended', suspended_until: new Date(t.now.getTime() + 3_600_000) })
      .where('id', '=', author.id)
      .execute();
    const response = await post(author, 'still here');
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'account_suspended', until: new Date(t.now.getTime() + 3_600_000).toISOString() });
  });

  it('makes sign-ups wait for approval when no moderator acted for days', async () => {
    // Nobody has acted for more than 3 days (the last action was the approval above, a day ago).
    t.advance(3 * 86_400);
    const newcomer = await signUp(t, 'fd_newcomer');
    expect((await call('GET', '/api/me', newcomer)).json()).toMatchObject({ handle: 'fd_newcomer' });
    const refused = await post(newcomer, 'hi');
    expect(refused.json().error.code).toBe('account_pending');
    const queue = (await call('GET', '/api/moderation/queue?kind=held', mod)).json().items;
    const pending = queue.find((item: { subject: { type: string; id: string } }) => item.subject.type === 'user' && item.subject.id === newcomer.id);
    expect(pending).toBeTruthy();
    expect(
      (await call('POST', `/api/moderation/cases/${pending.id}/actions`, mod, { action: 'approve', rule: 'terms/fake-accounts', reason: 'A real person.' }))
        .statusCode,
    ).toBe(201);
    expect((await post(newcomer, 'hi')).statusCode).toBe(201);
    // A moderator just acted: the next sign-up goes straight in.
    const next = await signUp(t, 'fd_next');
    expect((await post(next, 'hello')).statusCode).toBe(201);
  });
});
