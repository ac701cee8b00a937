import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, signUp, type TestUser } from '../../../test/fixtures.js';
import { startFakeLibreTranslate } from '../../../test/fakes/fake-libretranslate.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, nextIp, type TestApp } from '../../../test/test-app.js';
import { refreshNoteRanks } from '../feed/feed-queries.js';

// A private account's notes on every read path: absent for strangers (signed
// in or not), present for a follower from before the switch and for one whose
// request was approved. One table of surfaces × viewers, through HTTP on the
// real database; the expected outcome is written out, not computed.

let t: TestApp;
let lt: Awaited<ReturnType<typeof startFakeLibreTranslate>>;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-private-'));
const call = apiCaller(() => t);

let owner: TestUser;
let stranger: TestUser;
let oldFollower: TestUser;
let approved: TestUser;
let note: { id: string; imageKey: string; commentId: string };
let videoNoteId: string;
const WORD = 'privword';
const TOPIC = 'privtopiconly';

type Viewer = 'anonymous' | 'stranger' | 'old follower' | 'approved follower';
const VIEWERS: Viewer[] = ['anonymous', 'stranger', 'old follower', 'approved follower'];
const who = (viewer: Viewer): TestUser | undefined => ({ anonymous: undefined, stranger, 'old follower': oldFollower, 'approved follower': approved })[viewer];

async function get(viewer: Viewer, url: string) {
  const user = who(viewer);
  return t.app.inject({ method: 'GET', url, headers: user ? { cookie: user.cookie } : {} });
}

beforeAll(async () => {
  lt = await startFakeLibreTranslate();
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Qiao</title></head><body><div id="root"></div></body></html>');
  t = await createTestApp({ env: { LIBRETRANSLATE_URL: lt.url, WEB_DIST_DIR: dist } });
  owner = await signUp(t, 'pa_owner');
  stranger = await signUp(t, 'pa_stranger');
  oldFollower = await signUp(t, 'pa_oldfollower');
  approved = await signUp(t, 'pa_approved');
  expect((await call('PUT', '/api/users/pa_owner/follow', oldFollower)).json()).toMatchObject({ following: true, requested: false });

  const [image] = await uploadImages(t, owner.cookie, 1);
  const created = await call('POST', '/api/notes', owner, {
    title: `Secret ${WORD}`,
    body: `Only for friends #${TOPIC} @pa_stranger @pa_oldfollower @pa_approved`,
    imageIds: [image],
  });
  expect(created.statusCode).toBe(201);
  const comment = await call('POST', `/api/notes/${created.json().id}/comments`, owner, { body: 'first' });
  await call('POST', `/api/notes/${created.json().id}/comments`, owner, { body: 'a reply', parentId: comment.json().id });
  note = { id: created.json().id, imageKey: created.json().images[0].url.replace(/^\/media\//, ''), commentId: comment.json().id };
  // Likes, collects and a board: the profile tabs strangers must not open.
  await call('PUT', `/api/notes/${note.id}/like`, owner);
  await call('PUT', `/api/notes/${note.id}/collect`, owner);
  expect((await call('POST', '/api/boards', owner, { name: 'trips' })).statusCode).toBe(201);

  // A ready video note, as the pipeline leaves it, for the video feed.
  const [videoImage] = await uploadImages(t, owner.cookie, 1);
  videoNoteId = (await call('POST', '/api/notes', owner, { title: `Clip ${WORD}`, body: '', imageIds: [videoImage] })).json().id;
  await t.database.db.updateTable('notes').set({ kind: 'video' }).where('id', '=', videoNoteId).execute();
  await t.database.db
    .insertInto('videos')
    .values({
      id: randomUUID(),
      owner_id: owner.id,
      note_id: videoNoteId,
      status: 'ready',
      source_name: 'clip.mp4',
      source_bytes: 1000,
      duration_ms: 10_000,
      width: 720,
      height: 1280,
      created_at: t.now,
      updated_at: t.now,
    })
    .execute();

  // The owner goes private; the old follower stays, a new one asks and is approved.
  expect((await call('PATCH', '/api/me/privacy-controls', owner, { private: true })).json()).toMatchObject({ private: true });
  expect((await call('PUT', '/api/users/pa_owner/follow', approved)).json()).toMatchObject({ following: false, requested: true });
  expect((await call('POST', '/api/me/follow-requests/pa_approved/approve', owner)).statusCode).toBe(200);
  await refreshNoteRanks(t.database.db, t.now);
});
afterAll(async () => {
  await t.close();
  await lt.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

type Seen = 'present' | 'absent';
const has = (items: Array<{ id?: string; noteId?: string }> | undefined, id: string): Seen =>
  items?.some((item) => (item.id ?? item.noteId) === id) ? 'present' : 'absent';
const ok = (status: number): Seen => (status === 200 ? 'present' : 'absent');

// Each surface answers: is the private note (or what stands for it there) there for this viewer?
const SURFACES: Record<string, { signedInOnly?: boolean; seen: (viewer: Viewer) => Promise<Seen> }> = {
  // First: For you never serves a note twice, nor one the viewer already opened. Its
  // following slot holds one of the account's two notes: either stands for both.
  'video feed': { seen: async (viewer) => has((await get(viewer, '/api/feed/videos?limit=20')).json().items, videoNoteId) },
  'for you / explore grid': {
    seen: async (viewer) => {
      const items = (await get(viewer, '/api/feed?tab=foryou&limit=50')).json().items;
      return has(items, note.id) === 'present' || has(items, videoNoteId) === 'present' ? 'present' : 'absent';
    },
  },
  'note page': { seen: async (viewer) => ok((await get(viewer, `/api/notes/${note.id}`)).statusCode) },
  'following feed': { signedInOnly: true, seen: async (viewer) => has((await get(viewer, '/api/feed?tab=following&limit=50')).json().items, note.id) },
  'search, notes': { seen: async (viewer) => has((await get(viewer, `/api/search?q=${WORD}&type=notes`)).json().notes, note.id) },
  'search by the author’s handle': { seen: async (viewer) => has((await get(viewer, '/api/search?q=pa_owner&type=notes')).json().notes, note.id) },
  'topic page': { seen: async (viewer) => ok((await get(viewer, `/api/topics/${TOPIC}`)).statusCode) },
  'topic, latest': {
    seen: async (viewer) => {
      const response = await get(viewer, `/api/topics/${TOPIC}/notes?sort=latest`);
      return response.statusCode === 200 ? has(response.json().items, note.id) : 'absent';
    },
  },
  'topic, top': {
    seen: async (viewer) => {
      const response = await get(viewer, `/api/topics/${TOPIC}/notes?sort=top`);
      return response.statusCode === 200 ? has(response.json().items, note.id) : 'absent';
    },
  },
  'trending topics': {
    seen: async (viewer) =>
      (await get(viewer, '/api/topics/trending?limit=50')).json().topics.some((topic: { name: string }) => topic.name === TOPIC) ? 'present' : 'absent',
  },
  'topic search': {
    seen: async (viewer) => ((await get(viewer, `/api/search?q=${TOPIC}&type=topics`)).json().topics.length > 0 ? 'present' : 'absent'),
  },
  'profile notes tab': {
    seen: async (viewer) => {
      const response = await get(viewer, '/api/users/pa_owner/notes');
      return response.statusCode === 200 ? has(response.json().items, note.id) : 'absent';
    },
  },
  'profile collects tab': {
    seen: async (viewer) => {
      const response = await get(viewer, '/api/users/pa_owner/collects');
      return response.statusCode === 200 ? has(response.json().items, note.id) : 'absent';
    },
  },
  'profile likes tab': {
    seen: async (viewer) => {
      const response = await get(viewer, '/api/users/pa_owner/likes');
      return response.statusCode === 200 ? has(response.json().items, note.id) : 'absent';
    },
  },
  'profile boards': {
    seen: async (viewer) => {
      const response = await get(viewer, '/api/users/pa_owner/boards');
      return response.statusCode === 200 && response.json().items.length > 0 ? 'present' : 'absent';
    },
  },
  'profile followers list': { seen: async (viewer) => ok((await get(viewer, '/api/users/pa_owner/followers')).statusCode) },
  'profile unlocked': { seen: async (viewer) => ((await get(viewer, '/api/users/pa_owner')).json().locked ? 'absent' : 'present') },
  comments: { seen: async (viewer) => ok((await get(viewer, `/api/notes/${note.id}/comments`)).statusCode) },
  'replies to a comment': { seen: async (viewer) => ok((await get(viewer, `/api/comments/${note.commentId}/replies`)).statusCode) },
  'feed, topic tab': {
    seen: async (viewer) => {
      const response = await get(viewer, `/api/feed?tab=topic&topic=${TOPIC}`);
      return response.statusCode === 200 ? has(response.json().items, note.id) : 'absent';
    },
  },
  'translation of the note': {
    seen: async (viewer) => {
      const user = who(viewer);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/translations',
        payload: { kind: 'note', id: note.id, target: 'zh' },
        headers: user ? { cookie: user.cookie } : {},
        remoteAddress: nextIp(),
      });
      return ok(response.statusCode);
    },
  },
  'translation of a comment': {
    seen: async (viewer) => {
      const user = who(viewer);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/translations',
        payload: { kind: 'comment', id: note.commentId, target: 'zh' },
        headers: user ? { cookie: user.cookie } : {},
        remoteAddress: nextIp(),
      });
      return ok(response.statusCode);
    },
  },
  'mention notification': {
    signedInOnly: true,
    seen: async (viewer) => {
      const items = (await get(viewer, '/api/notifications')).json().items as Array<{ kind: string; note: { id: string } | null }>;
      return items.some((item) => item.kind === 'mention' && item.note?.id === note.id) ? 'present' : 'absent';
    },
  },
  'media file': { seen: async (viewer) => ok((await get(viewer, `/media/${note.imageKey}`)).statusCode) },
};

describe('a private account', () => {
  it('keeps its notes from strangers and shows them to approved followers on every surface', async () => {
    const actual: Record<string, Seen> = {};
    const wanted: Record<string, Seen> = {};
    for (const viewer of VIEWERS) {
      for (const [surface, read] of Object.entries(SURFACES)) {
        if (read.signedInOnly && viewer === 'anonymous') continue;
        const key = `${viewer} | ${surface}`;
        wanted[key] = viewer === 'anonymous' || viewer === 'stranger' ? 'absent' : 'present';
        actual[key] = await read.seen(viewer);
      }
    }
    expect(actual).toEqual(wanted);
  }, 120_000);

  it('still shows strangers its header, counts and "private", and can be found by name', async () => {
    const profile = (await get('stranger', '/api/users/pa_owner')).json();
    expect(profile).toMatchObject({ handle: 'pa_owner', private: true, locked: true, stats: { followers: 2, notes: 2 } });
    expect(profile.viewer).toMatchObject({ following: false, requested: false });
    expect((await get('stranger', '/api/search?q=pa_owner&type=users')).json().users.map((user: { handle: string }) => user.handle)).toContain('pa_owner');
    expect((await get('stranger', '/api/users/pa_owner/notes')).json().error.code).toBe('account_private');
  });

  it('serves its files privately to followers and never leaks them in the share preview', async () => {
    const file = await get('approved follower', `/media/${note.imageKey}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toContain('private');
    const page = await t.app.inject({ url: `/notes/${note.id}`, headers: { host: 'qiao.example' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(WORD);
    expect(page.body).not.toContain('og:image');
    expect(page.body).not.toContain('Only for friends');
    // A private account's pages are not for search engines either.
    expect(page.headers['x-robots-tag']).toBe('noindex');
    expect(page.body).toContain('<meta name="robots" content="noindex">');
  });

  it('loses a follower access at the next request when they unfollow', async () => {
    const late = await signUp(t, 'pa_late');
    await call('PUT', '/api/users/pa_owner/follow', late);
    await call('POST', '/api/me/follow-requests/pa_late/approve', owner);
    expect((await call('GET', `/api/notes/${note.id}`, late)).statusCode).toBe(200);
    expect((await call('GET', `/media/${note.imageKey}`, late)).statusCode).toBe(200);
    expect((await call('DELETE', '/api/users/pa_owner/follow', late)).json()).toMatchObject({ following: false, requested: false });
    expect((await call('GET', `/api/notes/${note.id}`, late)).statusCode).toBe(404);
    expect((await call('GET', `/media/${note.imageKey}`, late)).statusCode).toBe(404);
    expect(has((await call('GET', '/api/feed?tab=following', late)).json().items, note.id)).toBe('absent');
  });
});
