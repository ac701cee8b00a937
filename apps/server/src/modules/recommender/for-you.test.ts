import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf, apiCaller, insertNote, insertTopic, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { mergeRecommenderSettings } from '../../config/recommender-settings.js';
import { updatePools } from './pool-job.js';
import { Recommender } from './recommender.js';
import { addToSeen } from './seen-filter.js';

// For you through HTTP, on fixed data: rec_* rows are written directly, as the
// recommender's jobs would, so each rule is checked on its own (the clock is fixed).

let t: TestApp;
const call = apiCaller(() => t);
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;
const daysAgo = (days: number) => new Date(t.now.getTime() - days * 86_400_000);
type Item = { id: string; author: { id: string }; reason?: { code: string; topic?: string; language?: string } };

/** Every page of For you until it runs dry. */
async function allPages(who: TestUser | undefined, limit = 5, headers: Record<string, string> = {}): Promise<Item[][]> {
  const pages: Item[][] = [];
  let cursor: string | null = null;
  do {
    const response = await t.app.inject({
      url: `/api/feed?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: { ...headers, ...(who ? { cookie: who.cookie } : {}) },
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: Item[]; cursor: string | null };
    pages.push(page.items);
    cursor = page.cursor;
  } while (cursor && pages.length < 60);
  return pages;
}

async function setQuality(noteId: string, quality: number) {
  await db()
    .insertInto('rec_note_quality')
    .values({ note_id: noteId, quality, stage: 1, stage_status: 'settled', stage_changed_at: t.now, updated_at: t.now })
    .onConflict((oc) => oc.column('note_id').doUpdateSet({ quality }))
    .execute();
}

async function setLanguage(noteId: string, language: string) {
  await db().updateTable('notes').set({ language }).where('id', '=', noteId).execute();
}

describe('For you', () => {
  it('never shows blocked or muted authors (from any source), the viewer, engaged or deleted notes; never repeats; always says why', async () => {
    const viewer = await signUp(t, 'fy_viewer');
    const [blocked, muted, blocker, friend] = (await Promise.all(['fy_blocked', 'fy_muted', 'fy_blocker', 'fy_friend'].map((handle) => signUp(t, handle)))) as [
      TestUser,
      TestUser,
      TestUser,
      TestUser,
    ];
    const topic = await insertTopic(db(), 'fyblocks');
    const seed = await insertNote(db(), { authorId: friend.id, title: 'seed', createdAt: daysAgo(10) });
    const notesBy = new Map<string, string[]>();
    const neighbours: string[] = [];
    for (const author of [blocked, muted, blocker, friend]) {
      const fresh = await insertNote(db(), { authorId: author.id, title: `${author.handle} fresh` });
      const old = await insertNote(db(), { authorId: author.id, title: `${author.handle} old`, createdAt: daysAgo(9), topicIds: [topic] });
      notesBy.set(author.id, [fresh, old]);
      // In every source: followed, trending, a neighbour of what the viewer liked.
      await db().insertInto('follows').values({ follower_id: viewer.id, followee_id: author.id, created_at: t.now }).execute();
      await db().insertInto('rec_trending').values({ note_id: old, score: 5, topic_id: topic, computed_at: t.now }).execute();
      neighbours.push(fresh);
    }
    await db()
      .insertInto('rec_note_similar')
      .values({ note_id: seed, neighbor_ids: neighbours, weights: neighbours.map(() => 0.5) })
      .execute();
    await db().insertInto('rec_affinity').values({ user_id: viewer.id, note_id: seed, strength: 1, last_at: t.now }).execute();
    await addToSeen(db(), new Map([[viewer.id, [seed]]]), t.now, 30);
    await db().insertInto('rec_user_topics').values({ user_id: viewer.id, topic_id: topic, weight: 2 }).execute();
    const own = await insertNote(db(), { authorId: viewer.id, title: 'mine' });
    expect((await call('PUT', `/api/users/${blocked.handle}/block`, viewer)).statusCode).toBeLessThan(300);
    expect((await call('PUT', `/api/users/${muted.handle}/mute`, viewer)).statusCode).toBeLessThan(300);
    expect((await call('PUT', `/api/users/${viewer.handle}/block`, blocker)).statusCode).toBeLessThan(300);
    const deleted = notesBy.get(friend.id)![1]!;
    expect((await call('DELETE', `/api/notes/${deleted}`, friend)).statusCode).toBe(204);
    await updatePools(db(), t.config.recommender, t.now, new Set([viewer.id]));

    const pages = await allPages(viewer);
    const items = pages.flat();
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const authors = new Set(items.map((item) => item.author.id));
    for (const hidden of [blocked, muted, blocker, viewer]) expect(authors.has(hidden.id), hidden.handle).toBe(false);
    expect(ids).toContain(notesBy.get(friend.id)![0]);
    expect(ids).not.toContain(deleted);
    expect(ids).not.toContain(seed);
    expect(ids).not.toContain(own);
    for (const item of items) expect(item.reason?.code, item.id).toBeTruthy();
    // Its liked note's neighbour came through interest, explained.
    const friendFresh = items.find((item) => item.id === notesBy.get(friend.id)![0])!;
    expect(['similar_notes', 'liked_topic', 'people_like_you', 'following', 'fresh']).toContain(friendFresh.reason!.code);
    // Served notes stay served: a new first page has none of them.
    const again = (await call('GET', '/api/feed?limit=5', viewer)).json().items as Item[];
    for (const item of again) expect(ids).not.toContain(item.id);
  });

  it('ranks by engagement, never by follower count, and leads a cold viewer with notes in their language', async () => {
    const famous = await signUp(t, 'fy_famous');
    const nobody = await signUp(t, 'fy_nobody');
    const fans = await db()
      .insertInto('users')
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          handle: `fan_${i}`,
          display_name: `Fan ${i}`,
          language: 'en',
          region: 'US',
        })),
      )
      .returning('id')
      .execute();
    await db()
      .insertInto('follows')
      .values(fans.map((fan) => ({ follower_id: fan.id, followee_id: famous.id, created_at: t.now })))
      .execute();
    const byFamous = await insertNote(db(), { authorId: famous.id, title: 'same note', createdAt: daysAgo(8) });
    const byNobody = await insertNote(db(), { authorId: nobody.id, title: 'same note', createdAt: daysAgo(8) });
    await setQuality(byFamous, 0.3);
    await setQuality(byNobody, 0.31);
    const [zhA, zhB] = [await signUp(t, 'fy_zh_a'), await signUp(t, 'fy_zh_b')];
    const zh = [
      await insertNote(db(), { authorId: zhA.id, title: '你好', createdAt: daysAgo(8) }),
      await insertNote(db(), { authorId: zhB.id, title: '早安', createdAt: daysAgo(8) }),
    ];
    for (const id of zh) await setLanguage(id, 'zh');
    for (const id of [byFamous, byNobody]) await setLanguage(id, 'en');
    await setQuality(zh[0]!, 0.1);
    await setQuality(zh[1]!, 0.1);

    const visitor = (await allPages(undefined, 10)).flat();
    const at = (id: string, list: Item[]) => list.findIndex((item) => item.id === id);
    expect(at(byNobody, visitor)).toBeGreaterThanOrEqual(0);
    expect(at(byNobody, visitor)).toBeLessThan(at(byFamous, visitor));
    expect(visitor.find((item) => item.id === byNobody)!.reason).toEqual({ code: 'popular_in_language', language: 'en' });

    // A Chinese reader (signed out by browser language, or signed in with zh-CN) sees Chinese notes before better English ones.
    const chineseVisitor = (await allPages(undefined, 10, { 'accept-language': 'zh-CN,zh;q=0.9' })).flat();
    for (const id of zh) expect(at(id, chineseVisitor)).toBeLessThan(at(byNobody, chineseVisitor));
    const reader = await signUp(t, 'fy_zh_reader');
    expect((await call('PATCH', '/api/me', reader, { language: 'zh-CN' })).statusCode).toBe(200);
    const first = (await allPages(reader, 10)).flat();
    // Signed in, a little exploration, trending and fresh notes mix in; among the best notes, their language leads.
    const best = first.filter((item) => item.reason!.code.startsWith('popular'));
    for (const id of zh) expect(at(id, best)).toBeLessThan(Math.max(at(byNobody, best), best.length));
    for (const item of best.filter((item) => zh.includes(item.id))) expect(item.reason).toEqual({ code: 'popular_in_language', language: 'zh' });
    for (const id of zh) expect(at(id, first)).toBeGreaterThanOrEqual(0);
  });

  it('"show me notes only in these languages" keeps other languages out of every page', async () => {
    const [zhAuthor, enAuthor] = [await signUp(t, 'fy_only_zh_author'), await signUp(t, 'fy_only_en_author')];
    const zhNote = await insertNote(db(), { authorId: zhAuthor.id, title: '只看中文', createdAt: daysAgo(2) });
    const enNote = await insertNote(db(), { authorId: enAuthor.id, title: 'English only', createdAt: daysAgo(2) });
    await setLanguage(zhNote, 'zh');
    await setLanguage(enNote, 'en');
    const reader = await signUp(t, 'fy_only_zh_reader');
    expect((await call('PATCH', '/api/me', reader, { readLanguages: ['zh'], feedLanguagesOnly: true })).statusCode).toBe(200);
    const shown = (await allPages(reader, 10)).flat();
    expect(shown.map((item) => item.id)).toContain(zhNote);
    expect(shown.map((item) => item.id)).not.toContain(enNote);
    const languages = await db()
      .selectFrom('notes')
      .select('language')
      .where(
        'id',
        'in',
        shown.map((item) => item.id),
      )
      .execute();
    for (const { language } of languages) expect([null, 'zh']).toContain(language);
  });

  it('pages a signed-out visitor without repeats, to the end', async () => {
    const ids = (await allPages(undefined, 3)).flat().map((item) => item.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('with personalisation off: latest from follows, then trending', async () => {
    const viewer = await signUp(t, 'fy_plain');
    const followee = await signUp(t, 'fy_plain_followee');
    const other = await signUp(t, 'fy_plain_other');
    expect((await call('PUT', `/api/users/${followee.handle}/follow`, viewer)).statusCode).toBeLessThan(300);
    const older = await insertNote(db(), { authorId: followee.id, title: 'older', createdAt: daysAgo(2) });
    const newer = await insertNote(db(), { authorId: followee.id, title: 'newer', createdAt: daysAgo(1) });
    const hot = await insertNote(db(), { authorId: other.id, title: 'hot', createdAt: daysAgo(6) });
    await db().insertInto('rec_trending').values({ note_id: hot, score: 1000, topic_id: null, computed_at: t.now }).execute();
    const patched = await call('PATCH', '/api/me', viewer, { feedPersonalised: false });
    expect(patched.json().feedPersonalised).toBe(false);
    expect((await call('GET', '/api/me', viewer)).json().feedPersonalised).toBe(false);

    const page = (await call('GET', '/api/feed?limit=3', viewer)).json().items as Item[];
    expect(page.map((item) => [item.id, item.reason!.code])).toEqual([
      [newer, 'following'],
      [older, 'following'],
      [hot, 'trending'],
    ]);
  });

  it('serves a fresh note to its first audience until its budget is spent', async () => {
    const settings = mergeRecommenderSettings(t.config.recommender, { stageBudgets: [2, 20, 200] });
    const recommender = new Recommender(db(), settings);
    const author = await signUp(t, 'fy_fresh_author');
    const fresh = await insertNote(db(), { authorId: author.id, title: 'brand new', createdAt: new Date(t.now.getTime() - 60_000) });
    const viewers = [await signUp(t, 'fy_fresh_1'), await signUp(t, 'fy_fresh_2'), await signUp(t, 'fy_fresh_3')];
    const got: boolean[] = [];
    for (const viewer of viewers) {
      const page = await recommender.recommend({ context: await contextOf(t, viewer.id), now: t.now, limit: 50 });
      got.push(page.some((item) => item.noteId === fresh));
      for (const item of page) expect(item.reason.code).toBeTruthy();
    }
    expect(got).toEqual([true, true, false]);
    // Once the stage job has moved it on (say to stage 2), it has budget again.
    await db()
      .insertInto('rec_note_quality')
      .values({ note_id: fresh, stage: 2, stage_status: 'testing', stage_impressions: 0, stage_changed_at: t.now, updated_at: t.now })
      .execute();
    const fourth = await signUp(t, 'fy_fresh_4');
    expect((await recommender.recommend({ context: await contextOf(t, fourth.id), now: t.now, limit: 50 })).map((item) => item.noteId)).toContain(fresh);
    await recommender.stop();
  });
});

describe('For you with its per-viewer cache on', () => {
  let cached: TestApp;
  beforeAll(async () => {
    cached = await createTestApp({ env: { REC_CACHE_MS: '60000' } });
  });
  afterAll(() => cached.close());
  const callCached = apiCaller(() => cached);

  it('applies a change of feed settings on the next page, not when the cache expires', async () => {
    const viewer = await signUp(cached, 'fyc_viewer');
    const followee = await signUp(cached, 'fyc_followee');
    const other = await signUp(cached, 'fyc_other');
    expect((await callCached('PUT', `/api/users/${followee.handle}/follow`, viewer)).statusCode).toBeLessThan(300);
    const dayAgo = new Date(cached.now.getTime() - 86_400_000);
    const followed = await insertNote(cached.database.db, { authorId: followee.id, title: 'from a followee', createdAt: dayAgo });
    const chinese = [
      await insertNote(cached.database.db, { authorId: other.id, title: '中文笔记', createdAt: dayAgo }),
      await insertNote(cached.database.db, { authorId: followee.id, title: '又一篇', createdAt: dayAgo }),
    ];
    await cached.database.db.updateTable('notes').set({ language: 'zh' }).where('id', 'in', chinese).execute();
    await cached.database.db.updateTable('notes').set({ language: 'en' }).where('id', '=', followed).execute();
    // The first page builds and caches the viewer's state (personalised, every language); one note is served.
    expect((await callCached('GET', '/api/feed?limit=1', viewer)).json().items).toHaveLength(1);

    expect((await callCached('PATCH', '/api/me', viewer, { readLanguages: ['en'], feedLanguagesOnly: true, feedPersonalised: false })).statusCode).toBe(200);
    const page = (await callCached('GET', '/api/feed?limit=10', viewer)).json().items as Item[];
    for (const id of chinese) expect(page.map((item) => item.id)).not.toContain(id);
    for (const item of page) expect(['following', 'trending', 'popular', 'popular_in_language']).toContain(item.reason!.code);
  });
});
