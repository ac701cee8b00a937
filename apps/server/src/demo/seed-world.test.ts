import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { LocalDiskStorage } from '../modules/media/media-storage.js';
import { seedDemoIfEmpty } from './seed-demo.js';
import { seedWorld } from './seed-world.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const indexes = async () =>
  (
    await sql<{ definition: string }>`select indexdef as definition from pg_indexes where schemaname = 'public' order by indexname`.execute(t.database.db)
  ).rows.map((row) => row.definition);
let indexesBefore: string[];

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.database.db)).rows[0]!;

describe('seeding a world', () => {
  it('builds people, notes with images and topics, engagement, and exact counters', async () => {
    const storage = new LocalDiskStorage(t.config.media.dir, t.config.media.baseUrl);
    indexesBefore = await indexes();
    await seedWorld(t.database.db, storage, { users: 40, notes: 150, likes: 1500, comments: 200, follows: 300, images: 4, days: 7, seed: 7 }, t.now);

    const counts = await one(sql<{ users: number; notes: number; likes: number; images: number }>`
      select (select count(*)::int from users) users, (select count(*)::int from notes) notes,
             (select count(*)::int from likes) likes, (select count(*)::int from images) images`);
    expect(counts.users).toBe(40);
    expect(counts.notes).toBe(150);
    expect(counts.likes).toBeGreaterThan(1000);
    expect(counts.images).toBeGreaterThanOrEqual(150);

    const exact = await one(sql<{ ok: boolean }>`
      select (select sum(likes) from note_counters) = (select count(*) from likes)
         and (select sum(comments) from note_counters) = (select count(*) from comments)
         and (select sum(collects) from note_counters) = (select count(*) from collects) as ok`);
    expect(exact.ok).toBe(true);

    // Every note and comment went in with its language detected (templates are English or Chinese).
    const languages = await one(sql<{ undetected: number; en: number; zh: number; bios: number }>`
      select (select count(*)::int from notes where language_confidence is null) + (select count(*)::int from comments where language_confidence is null) undetected,
             (select count(*)::int from notes where language = 'en') en, (select count(*)::int from notes where language = 'zh') zh,
             (select count(*)::int from users where bio_language is not null) bios`);
    expect(languages.undetected).toBe(0);
    expect(languages.en).toBeGreaterThan(20);
    expect(languages.zh).toBeGreaterThan(20);
    expect(languages.bios).toBeGreaterThan(10);

    // The load on empty tables built their indexes again afterwards: all of them are back, as the migrations made them.
    expect(await indexes()).toEqual(indexesBefore);

    const feed = (await t.app.inject({ url: '/api/feed?limit=10' })).json();
    expect(feed.items).toHaveLength(10);
    expect(feed.items[0].cover.url).toMatch(/^\/media\/images\/demo\//);
    expect((await t.app.inject({ url: feed.items[0].cover.url })).statusCode).toBe(200);

    const topic = (await t.app.inject({ url: '/api/topics/TikTokRefugee' })).json();
    expect(topic.discussions).toBeGreaterThan(0);
    expect(topic.participants).toBeGreaterThan(0);
    const search = (await t.app.inject({ url: `/api/search?q=${encodeURIComponent('猫')}` })).json();
    expect(search.notes.length).toBeGreaterThan(0);
  });

  it('adds a second world beside the first (new people only), its indexes intact and counters exact', async () => {
    const storage = new LocalDiskStorage(t.config.media.dir, t.config.media.baseUrl);
    await seedWorld(t.database.db, storage, { users: 50, notes: 30, likes: 200, comments: 20, follows: 40, images: 2, days: 7, seed: 8 }, t.now);
    const counts = await one(sql<{ users: number; notes: number; ok: boolean }>`
      select (select count(*)::int from users) users, (select count(*)::int from notes) notes,
             (select sum(likes) from note_counters) = (select count(*) from likes)
               and (select count(*) from events where type = 'like') = (select count(*) from likes)
               and (select count(*) from events where type = 'comment') = (select count(*) from comments) as ok`);
    expect(counts).toEqual({ users: 50, notes: 180, ok: true });
    expect(await indexes()).toEqual(indexesBefore);
  });

  it('builds the demo only on an empty database', async () => {
    const storage = new LocalDiskStorage(t.config.media.dir, t.config.media.baseUrl);
    expect(await seedDemoIfEmpty(t.database.db, storage, t.now, () => {})).toBe(false);
  });
});
