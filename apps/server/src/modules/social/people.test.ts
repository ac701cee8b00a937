import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNote, signUp, type TestUser, apiCaller } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

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
const handles = (body: { items: Array<{ handle: string }> }) => body.items.map((user) => user.handle);

describe('following', () => {
  it('follows idempotently, lists followers and followings newest first, and unfollows', async () => {
    expect((await call('PUT', '/api/users/ann/follow', bob)).json()).toEqual({ following: true, requested: false, followers: 1 });
    expect((await call('PUT', '/api/users/ANN/follow', bob)).json()).toEqual({ following: true, requested: false, followers: 1 });
    t.advance(1);
    expect((await call('PUT', '/api/users/ann/follow', cat)).json()).toEqual({ following: true, requested: false, followers: 2 });
    t.advance(1);
    await call('PUT', '/api/users/cat/follow', bob);

    const followers = (await call('GET', '/api/users/ann/followers', cat)).json();
    expect(handles(followers)).toEqual(['cat', 'bob']);
    expect(followers.items[0]).toEqual({ id: cat.id, handle: 'cat', displayName: 'cat', bio: '', region: 'US', viewer: { following: false } });
    expect(followers.items[1].viewer).toEqual({ following: false });
    expect((await call('GET', '/api/users/ann/followers')).json().items[0]).not.toHaveProperty('viewer');
    expect(handles((await call('GET', '/api/users/bob/following', ann)).json())).toEqual(['cat', 'ann']);

    const paged = (await call('GET', '/api/users/ann/followers?limit=1')).json();
    expect(handles(paged)).toEqual(['cat']);
    expect(handles((await call('GET', `/api/users/ann/followers?limit=1&cursor=${paged.cursor}`)).json())).toEqual(['bob']);
    expect((await call('GET', '/api/users/ann/followers?cursor=bogus')).json().error.code).toBe('cursor_invalid');

    expect((await call('DELETE', '/api/users/ann/follow', cat)).json()).toEqual({ following: false, requested: false, followers: 1 });
    expect((await call('DELETE', '/api/users/ann/follow', cat)).json()).toEqual({ following: false, requested: false, followers: 1 });
  });

  it('refuses following yourself, unknown people and anonymous callers', async () => {
    const self = await call('PUT', '/api/users/dan/follow', dan);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('cannot_follow_self');
    expect((await call('PUT', '/api/users/nobody_here/follow', dan)).statusCode).toBe(404);
    expect((await call('PUT', '/api/users/ann/follow')).statusCode).toBe(401);
    expect((await call('GET', '/api/users/nobody_here/followers')).json().error.code).toBe('user_not_found');
  });
});

describe('blocking and muting', () => {
  it('blocking cuts follows both ways and stops following again; the blocked lose the profile', async () => {
    const eve = await signUp(t, 'eve');
    const fay = await signUp(t, 'fay');
    await call('PUT', '/api/users/fay/follow', eve);
    await call('PUT', '/api/users/eve/follow', fay);
    expect((await call('PUT', '/api/users/fay/block', eve)).json()).toEqual({ blocked: true });
    expect((await call('PUT', '/api/users/fay/block', eve)).json()).toEqual({ blocked: true });
    const follows = await t.database.db
      .selectFrom('follows')
      .selectAll()
      .where((eb) => eb.or([eb('follower_id', 'in', [eve.id, fay.id]), eb('followee_id', 'in', [eve.id, fay.id])]))
      .execute();
    expect(follows).toEqual([]);

    for (const [who, target] of [
      [fay, 'eve'],
      [eve, 'fay'],
    ] as const) {
      const response = await call('PUT', `/api/users/${target}/follow`, who);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('blocked');
    }
    // The blocked one no longer finds the blocker; the blocker still sees them, to unblock.
    expect((await call('GET', '/api/users/eve', fay)).statusCode).toBe(404);
    expect((await call('GET', '/api/users/eve/followers', fay)).statusCode).toBe(404);
    expect((await call('GET', '/api/users/fay', eve)).json().viewer).toMatchObject({ blocked: true, following: false });
    expect(handles((await call('GET', '/api/me/blocks', eve)).json())).toEqual(['fay']);

    expect((await call('DELETE', '/api/users/fay/block', eve)).json()).toEqual({ blocked: false });
    expect((await call('GET', '/api/users/eve', fay)).statusCode).toBe(200);
    expect((await call('GET', '/api/me/blocks', eve)).json().items).toEqual([]);
    expect((await call('PUT', '/api/users/eve/block', eve)).json().error.code).toBe('cannot_block_self');
  });

  it('mutes and lists mutes', async () => {
    expect((await call('PUT', '/api/users/bob/mute', dan)).json()).toEqual({ muted: true });
    expect((await call('PUT', '/api/users/bob/mute', dan)).json()).toEqual({ muted: true });
    expect(handles((await call('GET', '/api/me/mutes', dan)).json())).toEqual(['bob']);
    expect((await call('GET', '/api/users/bob', dan)).json().viewer).toMatchObject({ muted: true });
    // Regression: the muted person's notes list answered 404 "No one has this handle" while their profile showed.
    expect((await call('GET', '/api/users/bob/notes', dan)).statusCode).toBe(200);
    expect((await call('DELETE', '/api/users/bob/mute', dan)).json()).toEqual({ muted: false });
    expect((await call('GET', '/api/me/mutes', dan)).json().items).toEqual([]);
    expect((await call('PUT', '/api/users/dan/mute', dan)).json().error.code).toBe('cannot_mute_self');
    expect((await call('GET', '/api/me/mutes')).statusCode).toBe(401);
  });
});

describe('profiles', () => {
  it('shows stats, privacy flags and how the viewer stands', async () => {
    const gus = await signUp(t, 'gus');
    const hal = await signUp(t, 'hal');
    const n1 = await insertNote(t.database.db, { authorId: gus.id });
    const n2 = await insertNote(t.database.db, { authorId: gus.id });
    const gone = await insertNote(t.database.db, { authorId: gus.id });
    await call('PUT', `/api/notes/${n1}/like`, hal);
    await call('PUT', `/api/notes/${n1}/collect`, hal);
    await call('PUT', `/api/notes/${n2}/like`, ann);
    await call('PUT', `/api/notes/${gone}/like`, ann);
    await t.database.db.updateTable('notes').set({ deleted_at: t.now }).where('id', '=', gone).execute();
    await call('PUT', '/api/users/gus/follow', hal);
    await call('PUT', '/api/users/hal/follow', gus);

    const asHal = (await call('GET', '/api/users/gus', hal)).json();
    expect(asHal).toMatchObject({
      handle: 'gus',
      likesPrivate: false,
      collectsPrivate: false,
      stats: { followers: 1, following: 1, likesAndCollects: 3, notes: 2 },
      viewer: { following: true, followedBy: true, blocked: false, muted: false, isMe: false },
    });
    expect((await call('GET', '/api/users/gus')).json().viewer).toBeNull();
    expect((await call('GET', '/api/users/gus', gus)).json().viewer).toMatchObject({ isMe: true, following: false });
  });

  it('keeps likes and collects tabs private when asked', async () => {
    const ivy = await signUp(t, 'ivy');
    const noteId = await insertNote(t.database.db, { authorId: ann.id });
    await call('PUT', `/api/notes/${noteId}/like`, ivy);
    await call('PUT', `/api/notes/${noteId}/collect`, ivy);

    const likes = (await call('GET', '/api/users/ivy/likes', bob)).json();
    expect(likes.cursor).toBeNull();
    expect(likes.items).toHaveLength(1);
    expect(likes.items[0]).toMatchObject({ id: noteId, title: 'A note', counts: { likes: 1 } });
    const me = await call('PATCH', '/api/me', ivy, { likesPrivate: true, collectsPrivate: true });
    expect(me.json()).toMatchObject({ likesPrivate: true, collectsPrivate: true });
    expect((await call('GET', '/api/me', ivy)).json()).toMatchObject({ likesPrivate: true, collectsPrivate: true });
    expect((await call('GET', '/api/users/ivy')).json()).toMatchObject({ likesPrivate: true, collectsPrivate: true });

    for (const [tab, code] of [
      ['likes', 'likes_private'],
      ['collects', 'collects_private'],
    ] as const) {
      for (const who of [bob, undefined]) {
        const response = await call('GET', `/api/users/ivy/${tab}`, who);
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe(code);
      }
      expect((await call('GET', `/api/users/ivy/${tab}`, ivy)).json().items).toHaveLength(1);
    }
    await call('PATCH', '/api/me', ivy, { collectsPrivate: false });
    expect((await call('GET', '/api/users/ivy/collects', bob)).statusCode).toBe(200);
    expect((await call('GET', '/api/users/ivy/likes', bob)).statusCode).toBe(403);
    expect((await call('PATCH', '/api/me', ivy, { likesPrivate: 'yes' })).statusCode).toBe(400);
  });

  it('pages the likes tab, skipping deleted notes', async () => {
    const jo = await signUp(t, 'joe');
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const noteId = await insertNote(t.database.db, { authorId: ann.id });
      ids.push(noteId);
      await call('PUT', `/api/notes/${noteId}/like`, jo);
      t.advance(1);
    }
    await t.database.db.updateTable('notes').set({ deleted_at: t.now }).where('id', '=', ids[2]!).execute();
    const first = (await call('GET', '/api/users/joe/likes?limit=2')).json();
    expect(first.items.map((item: { id: string }) => item.id)).toEqual([ids[3], ids[1]]);
    const second = (await call('GET', `/api/users/joe/likes?limit=2&cursor=${first.cursor}`)).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.cursor).toBeNull();
    expect((await call('GET', '/api/users/joe/likes?cursor=AAAA')).json().error.code).toBe('cursor_invalid');
  });
});
