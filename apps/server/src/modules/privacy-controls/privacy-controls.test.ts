import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// Follow requests, who may comment and mention, noindex and clearing the watch
// history, through HTTP on the real database.

let t: TestApp;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-privacy-'));
const call = apiCaller(() => t);
beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Qiao</title></head><body></body></html>');
  t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const kindsOf = async (user: TestUser) => ((await call('GET', '/api/notifications', user)).json().items as Array<{ kind: string }>).map((item) => item.kind);
const requestsOf = async (user: TestUser) =>
  ((await call('GET', '/api/me/follow-requests', user)).json().items as Array<{ handle: string }>).map((item) => item.handle);

describe('follow requests', () => {
  let owner: TestUser;
  beforeAll(async () => {
    owner = await signUp(t, 'fr_owner');
    await call('PATCH', '/api/me/privacy-controls', owner, { private: true });
  });

  it('turns a follow into a request the owner hears of, lists and approves; the requester hears back', async () => {
    const ann = await signUp(t, 'fr_ann');
    expect((await call('PUT', '/api/users/fr_owner/follow', ann)).json()).toEqual({ following: false, requested: true, followers: 0 });
    // Asking twice is one request.
    expect((await call('PUT', '/api/users/fr_owner/follow', ann)).json()).toEqual({ following: false, requested: true, followers: 0 });
    expect((await call('GET', '/api/users/fr_owner', ann)).json().viewer).toMatchObject({ following: false, requested: true });
    expect(await requestsOf(owner)).toEqual(['fr_ann']);
    expect((await call('GET', '/api/me/privacy-controls', owner)).json().pendingRequests).toBe(1);
    expect(await kindsOf(owner)).toContain('follow_request');

    expect((await call('POST', '/api/me/follow-requests/fr_ann/approve', owner)).json()).toEqual({ follower: true, followers: 1 });
    // Approving twice answers the same and makes no second follow.
    expect((await call('POST', '/api/me/follow-requests/fr_ann/approve', owner)).json()).toEqual({ follower: true, followers: 1 });
    expect(await requestsOf(owner)).toEqual([]);
    expect(await kindsOf(ann)).toContain('follow_approved');
    expect((await call('GET', '/api/users/fr_owner', ann)).json()).toMatchObject({ locked: false, viewer: { following: true, requested: false } });
  });

  it('lets the requester cancel, and the owner deny (the request is deleted; they may ask again)', async () => {
    const bob = await signUp(t, 'fr_bob');
    await call('PUT', '/api/users/fr_owner/follow', bob);
    expect((await call('DELETE', '/api/users/fr_owner/follow', bob)).json()).toEqual({ following: false, requested: false, followers: 1 });
    expect(await requestsOf(owner)).not.toContain('fr_bob');
    // The owner's unread "asked to follow you" goes with the cancelled request (ann's went when approved).
    expect(await kindsOf(owner)).toEqual([]);

    await call('PUT', '/api/users/fr_owner/follow', bob);
    expect((await call('DELETE', '/api/me/follow-requests/fr_bob', owner)).statusCode).toBe(204);
    expect((await call('DELETE', '/api/me/follow-requests/fr_bob', owner)).statusCode).toBe(204);
    expect(await t.database.db.selectFrom('follow_requests').selectAll().where('requester_id', '=', bob.id).execute()).toEqual([]);
    expect((await call('GET', '/api/users/fr_owner', bob)).json()).toMatchObject({ locked: true, viewer: { requested: false } });
    expect((await call('POST', '/api/me/follow-requests/fr_bob/approve', owner)).json().error.code).toBe('follow_request_not_found');
    expect((await call('PUT', '/api/users/fr_owner/follow', bob)).json().requested).toBe(true);
  });

  it('refuses a request across a block, and a block ends a pending request', async () => {
    const cat = await signUp(t, 'fr_cat');
    await call('PUT', '/api/users/fr_cat/block', owner);
    const refused = await call('PUT', '/api/users/fr_owner/follow', cat);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('blocked');
    const dan = await signUp(t, 'fr_dan');
    await call('PUT', '/api/users/fr_owner/follow', dan);
    await call('PUT', '/api/users/fr_dan/block', owner);
    expect(await requestsOf(owner)).not.toContain('fr_dan');
  });

  it('needs a signed-in owner for the list and decisions', async () => {
    expect((await call('GET', '/api/me/follow-requests')).statusCode).toBe(401);
    expect((await call('POST', '/api/me/follow-requests/fr_ann/approve')).statusCode).toBe(401);
    expect((await call('PATCH', '/api/me/privacy-controls', undefined, { private: true })).statusCode).toBe(401);
  });

  it('makes a follow of a public account a follow at once', async () => {
    const open = await signUp(t, 'fr_open');
    const eve = await signUp(t, 'fr_eve');
    expect((await call('PUT', '/api/users/fr_open/follow', eve)).json()).toEqual({ following: true, requested: false, followers: 1 });
    expect(await requestsOf(open)).toEqual([]);
  });

  it('approves every pending request when the account goes public', async () => {
    const host = await signUp(t, 'fr_host');
    await call('PATCH', '/api/me/privacy-controls', host, { private: true });
    const guests = [await signUp(t, 'fr_guest1'), await signUp(t, 'fr_guest2')];
    for (const guest of guests) await call('PUT', '/api/users/fr_host/follow', guest);
    const note = await insertNote(t.database.db, { authorId: host.id });
    expect((await call('GET', `/api/notes/${note}`, guests[0])).statusCode).toBe(404);
    expect((await call('PATCH', '/api/me/privacy-controls', host, { private: false })).json()).toMatchObject({ private: false, pendingRequests: 0 });
    for (const guest of guests) {
      expect((await call('GET', '/api/users/fr_host', guest)).json().viewer).toMatchObject({ following: true, requested: false });
      expect(await kindsOf(guest)).toContain('follow_approved');
    }
    // Going private again keeps them: existing followers stay.
    await call('PATCH', '/api/me/privacy-controls', host, { private: true });
    expect((await call('GET', `/api/notes/${note}`, guests[0])).statusCode).toBe(200);
  });
});

describe('who may comment', () => {
  it('enforces everyone, followers, people I follow and nobody, and tells the composer why', async () => {
    const author = await signUp(t, 'cp_author');
    const fan = await signUp(t, 'cp_fan');
    const friend = await signUp(t, 'cp_friend');
    const passer = await signUp(t, 'cp_passer');
    await call('PUT', '/api/users/cp_author/follow', fan);
    await call('PUT', '/api/users/cp_friend/follow', author);
    const note = await insertNote(t.database.db, { authorId: author.id });
    const comment = (user: TestUser) => call('POST', `/api/notes/${note}/comments`, user, { body: 'hi' });
    const expected: Record<string, Record<string, number>> = {
      everyone: { cp_author: 201, cp_fan: 201, cp_friend: 201, cp_passer: 201 },
      followers: { cp_author: 201, cp_fan: 201, cp_friend: 403, cp_passer: 403 },
      following: { cp_author: 201, cp_fan: 403, cp_friend: 201, cp_passer: 403 },
      nobody: { cp_author: 201, cp_fan: 403, cp_friend: 403, cp_passer: 403 },
    };
    const actual: typeof expected = {};
    for (const audience of Object.keys(expected)) {
      await call('PATCH', '/api/me/privacy-controls', author, { commentPermission: audience });
      actual[audience] = {};
      for (const user of [author, fan, friend, passer]) actual[audience]![user.handle] = (await comment(user)).statusCode;
    }
    expect(actual).toEqual(expected);
    const refused = await comment(passer);
    expect(refused.json().error).toMatchObject({ code: 'comments_restricted', audience: 'nobody' });
    expect((await call('GET', `/api/notes/${note}`, passer)).json().viewer.commentRestriction).toBe('nobody');
    expect((await call('GET', `/api/notes/${note}`, author)).json().viewer.commentRestriction).toBeNull();
    await call('PATCH', '/api/me/privacy-controls', author, { commentPermission: 'followers' });
    expect((await call('GET', `/api/notes/${note}`, passer)).json().viewer.commentRestriction).toBe('followers');
    expect((await call('GET', `/api/notes/${note}`, fan)).json().viewer.commentRestriction).toBeNull();
  });

  it('refuses an audience that does not exist', async () => {
    const user = await signUp(t, 'cp_odd');
    const response = await call('PATCH', '/api/me/privacy-controls', user, { commentPermission: 'friends' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBeTruthy();
  });
});

describe('who may mention me', () => {
  it('keeps a disallowed mention as plain text: no link, no notification', async () => {
    const shy = await signUp(t, 'mp_shy');
    const pal = await signUp(t, 'mp_pal');
    const other = await signUp(t, 'mp_other');
    await call('PUT', '/api/users/mp_pal/follow', shy);
    await call('PATCH', '/api/me/privacy-controls', shy, { mentionPermission: 'following' });
    const host = await insertNote(t.database.db, { authorId: pal.id });

    const byPal = (await call('POST', `/api/notes/${host}/comments`, other, { body: 'hey @mp_shy' })).json();
    expect(byPal.mentions).toEqual([]);
    const byFriend = (await call('POST', `/api/notes/${host}/comments`, pal, { body: 'hey @mp_shy and @mp_other' })).json();
    expect(byFriend.mentions).toEqual([{ handle: 'mp_shy' }, { handle: 'mp_other' }]);
    const mentions = ((await call('GET', '/api/notifications', shy)).json().items as Array<{ kind: string; actors: Array<{ handle: string }> }>).filter(
      (item) => item.kind === 'mention',
    );
    expect(mentions.map((item) => item.actors[0]!.handle)).toEqual(['mp_pal']);

    await call('PATCH', '/api/me/privacy-controls', shy, { mentionPermission: 'nobody' });
    const [image] = await (await import('../../../test/media-fixtures.js')).uploadImages(t, other.cookie, 1);
    const created = (await call('POST', '/api/notes', other, { title: 'Hello @mp_shy', body: '', imageIds: [image] })).json();
    expect(created.mentions).toEqual([]);
    expect((await call('GET', `/api/notes/${host}/comments`, shy)).json().items.find((c: { id: string }) => c.id === byPal.id).mentions).toEqual([]);
  });
});

describe('hide from search engines', () => {
  it('marks the profile and note pages noindex, in the HTML and the header, only when asked', async () => {
    const quiet = await signUp(t, 'ni_quiet');
    const loud = await signUp(t, 'ni_loud');
    const quietNote = await insertNote(t.database.db, { authorId: quiet.id });
    const loudNote = await insertNote(t.database.db, { authorId: loud.id });
    await call('PATCH', '/api/me/privacy-controls', quiet, { noindex: true });
    for (const url of ['/u/ni_quiet', '/u/NI_QUIET/followers', `/notes/${quietNote}`]) {
      const page = await t.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['x-robots-tag'], url).toBe('noindex');
      expect(page.body, url).toContain('<meta name="robots" content="noindex">');
    }
    for (const url of ['/u/ni_loud', `/notes/${loudNote}`]) {
      const page = await t.app.inject({ url });
      expect(page.headers['x-robots-tag'], url).toBeUndefined();
      expect(page.body, url).not.toContain('noindex');
    }
  });
});

describe('clear my watch history', () => {
  it('forgets what I was shown and watched, keeps the notes’ counters and my likes', async () => {
    const viewer = await signUp(t, 'wh_viewer');
    const author = await signUp(t, 'wh_author');
    const note = await insertNote(t.database.db, { authorId: author.id });
    const db = t.database.db;
    await call('PUT', `/api/notes/${note}/like`, viewer);
    await db
      .insertInto('events')
      .values([
        { user_id: viewer.id, note_id: note, type: 'impression', occurred_at: t.now, received_at: t.now, source: 'explore' },
        { user_id: viewer.id, note_id: note, type: 'watch', watch_ms: 3000, occurred_at: t.now, received_at: t.now, source: 'video_feed' },
      ])
      .execute();
    await db.insertInto('rec_served').values({ user_id: viewer.id, note_id: note, source: 'fresh', served_at: t.now }).execute();
    await db.insertInto('rec_affinity').values({ user_id: viewer.id, note_id: note, strength: 2, last_at: t.now }).execute();
    const countersBefore = await db.selectFrom('note_counters').selectAll().where('note_id', '=', note).execute();

    expect((await call('DELETE', '/api/me/watch-history')).statusCode).toBe(401);
    const cleared = await call('DELETE', '/api/me/watch-history', viewer);
    expect(cleared.json()).toEqual({ events: 2, served: 1 });
    const left = await db.selectFrom('events').select(['type', 'user_id']).where('note_id', '=', note).orderBy('id').execute();
    expect(left.filter((event) => event.user_id === viewer.id).map((event) => event.type)).toEqual(['like']);
    expect(left.filter((event) => event.user_id === null).map((event) => event.type)).toEqual(['impression', 'watch']);
    expect(await db.selectFrom('rec_served').selectAll().where('user_id', '=', viewer.id).execute()).toEqual([]);
    expect(await db.selectFrom('rec_affinity').selectAll().where('user_id', '=', viewer.id).execute()).toEqual([]);
    expect(await db.selectFrom('note_counters').selectAll().where('note_id', '=', note).execute()).toEqual(countersBefore);
    expect((await call('GET', `/api/notes/${note}`, viewer)).json().viewer.liked).toBe(true);
  });
});
