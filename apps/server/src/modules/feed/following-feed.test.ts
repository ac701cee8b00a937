import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, signUp, type TestUser } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { TIMELINE_DEPTH } from './following-timeline.js';

// The Following tab and a profile's notes: newest first, ties broken by id,
// keyset cursors that visit every note exactly once, and 400 for a cursor
// nobody issued. Through HTTP on the real database, with the read caches on.

let t: TestApp;
let reader: TestUser;
let ann: TestUser;
let bo: TestUser;
let cy: TestUser;
const call = apiCaller(() => t);
const notes: Record<string, string> = {};
const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 12, minute));

beforeAll(async () => {
  t = await createTestApp({ env: { READ_CACHE_MS: '60000' } });
  reader = await signUp(t, 'ff_reader');
  ann = await signUp(t, 'ff_ann');
  bo = await signUp(t, 'ff_bo');
  cy = await signUp(t, 'ff_cy');
  await call('PUT', '/api/users/ff_ann/follow', reader);
  await call('PUT', '/api/users/ff_bo/follow', reader);
  const db = t.database.db;
  // Two of Ann's notes share a timestamp: the id decides between them.
  for (const [name, authorId, minute] of [
    ['ann1', ann.id, 1],
    ['bo2', bo.id, 2],
    ['ann3', ann.id, 3],
    ['bo4', bo.id, 4],
    ['ann5a', ann.id, 5],
    ['ann5b', ann.id, 5],
    ['cy6', cy.id, 6],
    ['own7', reader.id, 7],
  ] as const) {
    notes[name] = await insertNote(db, { authorId, title: name, createdAt: at(minute) });
  }
});
afterAll(() => t.close());

/** Every page of `url` (with `limit`), following the cursors to the end. */
async function allPages(url: string, who: TestUser | undefined, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response = await call('GET', `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, who);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: Array<{ id: string }>; cursor: string | null };
    pages.push(page.items.map((item) => item.id));
    cursor = page.cursor;
  } while (cursor && pages.length < 40);
  return pages;
}

const byName = (...names: string[]) => names.map((name) => notes[name]!);
const newestFirstFive = () => {
  const [a, b] = [notes.ann5a!, notes.ann5b!].sort((x, y) => Number(BigInt(y) - BigInt(x)));
  return [a!, b!];
};

describe('the Following tab', () => {
  it("lists the followees' notes newest first, page by page, each once", async () => {
    const expected = [...newestFirstFive(), ...byName('bo4', 'ann3', 'bo2', 'ann1')];
    const pages = await allPages('/api/feed?tab=following', reader, 2);
    expect(pages).toEqual([expected.slice(0, 2), expected.slice(2, 4), expected.slice(4, 6)]);
    // One page of 50 holds them all, and says there is no more.
    const whole = (await call('GET', '/api/feed?tab=following&limit=50', reader)).json();
    expect(whole.items.map((item: { id: string }) => item.id)).toEqual(expected);
    expect(whole.cursor).toBeNull();
  });

  it('drops an unfollowed or muted author on the next request', async () => {
    await call('DELETE', '/api/users/ff_bo/follow', reader);
    expect((await allPages('/api/feed?tab=following', reader, 50)).flat()).toEqual([...newestFirstFive(), ...byName('ann3', 'ann1')]);
    await call('PUT', '/api/users/ff_bo/follow', reader);
    const muted = await call('PUT', '/api/users/ff_ann/mute', reader);
    expect(muted.statusCode, muted.body).toBeLessThan(300);
    expect((await allPages('/api/feed?tab=following', reader, 50)).flat()).toEqual(byName('bo4', 'bo2'));
    await call('DELETE', '/api/users/ff_ann/mute', reader);
  });

  it("shows a followee's new note at once, with the lists warm", async () => {
    await call('GET', '/api/feed?tab=following&limit=50', reader);
    t.advance(3600);
    const imageIds = await uploadImages(t, bo.cookie, 1);
    const posted = (await call('POST', '/api/notes', bo, { title: 'fresh', body: '', imageIds })).json();
    expect((await call('GET', '/api/feed?tab=following&limit=1', reader)).json().items.map((item: { id: string }) => item.id)).toEqual([posted.id]);
    await call('DELETE', `/api/notes/${posted.id}`, bo);
    expect((await call('GET', '/api/feed?tab=following&limit=1', reader)).json().items.map((item: { id: string }) => item.id)).toEqual([newestFirstFive()[0]]);
  });

  it('pages exactly past the notes a cached list holds (a prolific followee)', async () => {
    const prolific = await signUp(t, 'ff_prolific');
    const fan = await signUp(t, 'ff_fan');
    await call('PUT', '/api/users/ff_prolific/follow', fan);
    await call('PUT', '/api/users/ff_ann/follow', fan);
    const count = TIMELINE_DEPTH + 30;
    const rows = Array.from({ length: count }, (_, i) => ({
      author_id: prolific.id,
      title: `p${i}`,
      body: '',
      created_at: new Date(Date.UTC(2026, 10, 20, 0, i)),
      updated_at: new Date(Date.UTC(2026, 10, 20, 0, i)),
    }));
    const inserted = await t.database.db.insertInto('notes').values(rows).returning('id').execute();
    const ids = (await allPages('/api/feed?tab=following', fan, 50)).flat();
    // Ann's notes are newer than all of the prolific author's; then theirs, newest first, each once.
    const annNewest = [...newestFirstFive(), ...byName('ann3', 'ann1')];
    expect(ids).toEqual([...annNewest, ...inserted.map((row) => row.id).reverse()]);
  });

  it('is empty for someone who follows no one', async () => {
    expect((await call('GET', '/api/feed?tab=following', cy)).json()).toEqual({ items: [], cursor: null });
  });
});

describe("a profile's notes", () => {
  it('pages newest first, each once, for anyone', async () => {
    const expected = [...newestFirstFive(), ...byName('ann3', 'ann1')];
    expect(await allPages('/api/users/ff_ann/notes', undefined, 3)).toEqual([expected.slice(0, 3), expected.slice(3)]);
    expect((await allPages('/api/users/ff_ann/notes', reader, 50)).flat()).toEqual(expected);
  });
});

describe('cursors nobody issued', () => {
  const bad = [
    'not-a-cursor!!',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["yesterday","1"]').toString('base64url'),
    Buffer.from('["2026-11-24T12:00:00.000Z","1; drop table notes"]').toString('base64url'),
    Buffer.from('{"at":1}').toString('base64url'),
  ];
  it('are a JSON 400 cursor_invalid on the Following tab and on profiles', async () => {
    for (const cursor of bad) {
      for (const url of [`/api/feed?tab=following&cursor=${encodeURIComponent(cursor)}`, `/api/users/ff_ann/notes?cursor=${encodeURIComponent(cursor)}`]) {
        const response = await call('GET', url, reader);
        expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
        expect(response.headers['content-type']).toContain('application/json');
        expect(response.json().error.code).toBe('cursor_invalid');
      }
    }
  });
});
