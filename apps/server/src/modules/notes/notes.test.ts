import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { refreshNoteRanks } from '../feed/feed-queries.js';

let t: TestApp;
let ann: { cookie: string; user: { id: string } };
let mei: { cookie: string; user: { id: string } };

beforeAll(async () => {
  t = await createTestApp();
  ann = await signIn(t, '+14155552671', { handle: 'ann_sf', displayName: 'Ann' });
  mei = await signIn(t, '+8613800138000', { handle: 'meilin', displayName: '美琳' });
});
afterAll(() => t.close());

const post = (cookie: string, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/notes', payload: payload as object, headers: { cookie } });
const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

describe('image notes', () => {
  let noteId: string;

  it('posts a note with three photos and two hashtags, parsed into topics and mentions', async () => {
    const imageIds = await uploadImages(t, ann.cookie, 3);
    const response = await post(ann.cookie, {
      title: 'My first cat tax',
      body: 'Hello from Ohio! #TikTokRefugee #交猫税 thanks @meilin for the welcome',
      imageIds,
      place: 'Columbus, Ohio',
    });
    expect(response.statusCode).toBe(201);
    const note = response.json();
    noteId = note.id;
    expect(note).toMatchObject({
      title: 'My first cat tax',
      place: 'Columbus, Ohio',
      author: { handle: 'ann_sf', displayName: 'Ann' },
      topics: [{ name: 'TikTokRefugee' }, { name: '交猫税' }],
      mentions: [{ handle: 'meilin' }],
      counts: { likes: 0, collects: 0, comments: 0, views: 0 },
      viewer: { isAuthor: true, liked: false, collected: false },
    });
    expect(note.images.map((image: { id: string }) => image.id)).toEqual(imageIds);
  });

  it('shows the note in the explore grid, on its topic pages, and on the profile', async () => {
    const feed = (await get('/api/feed', mei.cookie)).json();
    expect(feed.items.map((card: { id: string }) => card.id)).toContain(noteId);
    const card = feed.items.find((item: { id: string }) => item.id === noteId);
    expect(card).toMatchObject({ title: 'My first cat tax', author: { handle: 'ann_sf' }, counts: { likes: 0 }, viewer: { liked: false } });
    expect(card.cover.width).toBe(300);

    for (const topic of ['TikTokRefugee', 'tiktokrefugee', encodeURIComponent('交猫税')]) {
      const page = (await get(`/api/topics/${topic}/notes?sort=latest`)).json();
      expect(
        page.items.map((item: { id: string }) => item.id),
        topic,
      ).toContain(noteId);
    }
    const counters = (await get('/api/topics/TikTokRefugee')).json();
    expect(counters).toEqual({ name: 'TikTokRefugee', views: 0, discussions: 1, participants: 1 });
    expect((await get('/api/users/ann_sf/notes')).json().items[0].id).toBe(noteId);
  });

  it('notifies a mentioned person', async () => {
    const row = await t.database.db.selectFrom('notifications').selectAll().where('recipient_id', '=', mei.user.id).executeTakeFirst();
    expect(row).toMatchObject({ kind: 'mention', actor_id: ann.user.id, note_id: noteId });
  });

  it('counts views once per viewer, into the note and its topics', async () => {
    for (let i = 0; i < 3; i += 1) {
      const response = await t.app.inject({ method: 'POST', url: '/api/views', payload: { noteIds: [noteId] }, headers: { cookie: mei.cookie } });
      expect(response.statusCode).toBe(202);
    }
    await t.app.inject({ method: 'POST', url: '/api/views', payload: { noteIds: [noteId] }, remoteAddress: '198.51.100.9' });
    await t.app.content.views.flush(t.now);
    expect((await get(`/api/notes/${noteId}`)).json().counts.views).toBe(2);
    expect((await get('/api/topics/TikTokRefugee')).json().views).toBe(2);
    const trending = (await get('/api/topics/trending')).json().topics.map((topic: { name: string }) => topic.name);
    expect(trending).toContain('TikTokRefugee');
  });

  it('finds the note by an English word and by a Chinese word', async () => {
    for (const q of ['ohio', 'Hello', '猫税', '交猫税', 'tiktokrefugee']) {
      const result = (await get(`/api/search?q=${encodeURIComponent(q)}`)).json();
      expect(
        result.notes.map((note: { id: string }) => note.id),
        q,
      ).toContain(noteId);
    }
    expect((await get('/api/search?q=texas')).json().notes).toEqual([]);
    const people = (await get(`/api/search?q=${encodeURIComponent('美')}&type=users`)).json();
    expect(people.users.map((user: { handle: string }) => user.handle)).toEqual(['meilin']);
    const suggest = (await get('/api/search/suggest?q=tik')).json();
    expect(suggest.suggestions).toContainEqual({ type: 'topic', text: 'TikTokRefugee' });
  });

  it('lets the author edit: topics follow the text', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/notes/${noteId}`,
      payload: { body: 'Now only #交猫税' },
      headers: { cookie: ann.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().topics).toEqual([{ name: '交猫税' }]);
    expect((await get('/api/topics/TikTokRefugee/notes')).json().items).toEqual([]);
    expect((await get('/api/topics/TikTokRefugee')).json().discussions).toBe(0);
  });

  it('refuses edits and deletes by anyone but the author', async () => {
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/notes/${noteId}`, payload: { title: 'hacked' }, headers: { cookie: mei.cookie } });
    expect(edit.statusCode).toBe(403);
    const remove = await t.app.inject({ method: 'DELETE', url: `/api/notes/${noteId}`, headers: { cookie: mei.cookie } });
    expect(remove.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'DELETE', url: `/api/notes/${noteId}` });
    expect(anonymous.statusCode).toBe(401);
    expect((await get(`/api/notes/${noteId}`)).json().title).toBe('My first cat tax');
  });

  it('deletes: the note disappears everywhere at once', async () => {
    const remove = await t.app.inject({ method: 'DELETE', url: `/api/notes/${noteId}`, headers: { cookie: ann.cookie } });
    expect(remove.statusCode).toBe(204);
    expect((await get(`/api/notes/${noteId}`)).statusCode).toBe(404);
    expect((await get('/api/feed')).json().items.map((i: { id: string }) => i.id)).not.toContain(noteId);
    expect((await get(`/api/topics/${encodeURIComponent('交猫税')}/notes`)).json().items).toEqual([]);
    expect((await get('/api/users/ann_sf/notes')).json().items).toEqual([]);
    expect((await get('/api/search?q=ohio')).json().notes).toEqual([]);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/notes/${noteId}`, headers: { cookie: ann.cookie } });
    expect(again.statusCode).toBe(404);
  });
});

describe('bad input', () => {
  it('refuses empty notes, no images, too many images, and images that are not yours; writes nothing', async () => {
    const [own] = await uploadImages(t, ann.cookie, 1);
    const [theirs] = await uploadImages(t, mei.cookie, 1);
    const before = (await t.database.db.selectFrom('notes').select('id').execute()).length;
    const cases: Array<[unknown, number, string]> = [
      [{ title: '  ', body: '', imageIds: [own] }, 400, 'note_empty'],
      [{ title: 'x', body: '', imageIds: [] }, 400, 'images_required'],
      [{ title: 'x', body: '', imageIds: Array.from({ length: 19 }, (_, i) => String(i + 1)) }, 400, 'too_many_images'],
      [{ title: 'x', body: '', imageIds: [own, theirs] }, 400, 'images_invalid'],
      [{ title: 'x', body: '', imageIds: ['999999'] }, 400, 'images_invalid'],
      [{ title: 'x', body: '', imageIds: [own, own] }, 400, 'images_invalid'],
      [{ title: 'x'.repeat(101), body: '', imageIds: [own] }, 400, 'validation_failed'],
      [{ title: 'x', body: 'y'.repeat(1001), imageIds: [own] }, 400, 'validation_failed'],
      [{ title: 'x', body: '', imageIds: ['abc'] }, 400, 'validation_failed'],
    ];
    for (const [payload, status, code] of cases) {
      const response = await post(ann.cookie, payload);
      expect(response.statusCode, code).toBe(status);
      expect(response.json().error.code, JSON.stringify(payload).slice(0, 60)).toBe(code);
    }
    expect((await t.database.db.selectFrom('notes').select('id').execute()).length).toBe(before);
    // The image that was offered in a failed post is still free to use.
    expect((await post(ann.cookie, { title: 'ok', body: '', imageIds: [own] })).statusCode).toBe(201);
  });

  it('answers unknown note ids and tampered cursors clearly', async () => {
    expect((await get('/api/notes/123456789')).statusCode).toBe(404);
    expect((await get('/api/notes/abc')).json().error.code).toBe('validation_failed');
    const tampered = await get('/api/feed?cursor=bm90LWEtY3Vyc29y');
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().error.code).toBe('cursor_invalid');
    expect((await get('/api/topics/nothing_here')).statusCode).toBe(404);
    expect((await get('/api/feed?tab=following')).statusCode).toBe(401);
  });
});

describe('explore order and paging', () => {
  it('pages through every note exactly once with keyset cursors', async () => {
    const [image] = await uploadImages(t, mei.cookie, 1);
    const ids = new Set<string>();
    for (let i = 0; i < 7; i += 1) {
      const response = await post(mei.cookie, { title: `note ${i}`, body: '#paging', imageIds: i === 0 ? [image] : await uploadImages(t, mei.cookie, 1) });
      ids.add(response.json().id);
      t.advance(60);
    }
    await refreshNoteRanks(t.database.db, t.now);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; cursor: string | null } = (
        await get(`/api/topics/paging/notes?sort=top&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(ids);
  });
});
