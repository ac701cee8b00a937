import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, insertTopic, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { DEFAULT_RECOMMENDER_SETTINGS, mergeRecommenderSettings, type RecommenderSettings } from '../../config/recommender-settings.js';
import { runRecommenderJobs, similaritiesAreFresh } from './recommender-jobs.js';

// Signals through the real API, then the real jobs, then the tables the feed reads.

let t: TestApp;
let ann: TestUser;
let bob: TestUser;
let cat: TestUser;
let dan: TestUser;
let eve: TestUser;
const notes: Record<'cats1' | 'cats2' | 'food' | 'plain', string> = { cats1: '', cats2: '', food: '', plain: '' };
let topics: { cats: string; food: string };
// RP3beta by name, so the weights below follow its formula (the default chooses a model on the data).
const settings: RecommenderSettings = mergeRecommenderSettings(DEFAULT_RECOMMENDER_SETTINGS, { neighbors: { model: 'rp3beta' } });

beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t, 'ann');
  bob = await signUp(t, 'bob');
  cat = await signUp(t, 'cat');
  dan = await signUp(t, 'dan');
  eve = await signUp(t, 'eve');
  topics = { cats: await insertTopic(t.database.db, 'cats'), food: await insertTopic(t.database.db, 'food') };
  notes.cats1 = await insertNote(t.database.db, { authorId: ann.id, topicIds: [topics.cats] });
  notes.cats2 = await insertNote(t.database.db, { authorId: ann.id, topicIds: [topics.cats] });
  notes.food = await insertNote(t.database.db, { authorId: ann.id, topicIds: [topics.food] });
  notes.plain = await insertNote(t.database.db, { authorId: ann.id });
});
afterAll(() => t.close());

const call = apiCaller(() => t);
const db = () => t.database.db;
const ok = async (response: Promise<{ statusCode: number; body: string }>) => {
  const result = await response;
  expect(result.statusCode, result.body).toBeLessThan(300);
};
const affinity = async () =>
  Object.fromEntries(
    (await db().selectFrom('rec_affinity').select(['user_id', 'note_id', 'strength']).execute()).map((row) => [`${row.user_id}:${row.note_id}`, row.strength]),
  );
const userTopics = async () =>
  Object.fromEntries(
    (await db().selectFrom('rec_user_topics').select(['user_id', 'topic_id', 'weight']).execute()).map((row) => [`${row.user_id}:${row.topic_id}`, row.weight]),
  );

describe('recommender jobs', () => {
  it('turn likes, collects, comments and follows from a note into affinities, topics, neighbours, trending and quality', async () => {
    for (const who of [bob, cat]) {
      await ok(call('PUT', `/api/notes/${notes.cats1}/like`, who));
      await ok(call('PUT', `/api/notes/${notes.cats2}/like`, who));
    }
    await ok(call('PUT', `/api/notes/${notes.cats2}/collect`, cat));
    await ok(call('POST', `/api/notes/${notes.food}/comments`, dan, { body: 'Looks delicious' }));
    await ok(call('PUT', `/api/users/ann/follow`, eve, { fromNoteId: notes.plain }));
    // A follow from nowhere in particular, or naming a note that is not theirs, says nothing about a note.
    await ok(call('PUT', `/api/users/ann/follow`, dan));
    await ok(call('PUT', `/api/users/bob/follow`, cat, { fromNoteId: notes.plain }));
    expect((await call('PUT', `/api/users/ann/follow`, bob, { fromNoteId: 'x' })).statusCode).toBe(400);

    const events = await db().selectFrom('events').select(['user_id', 'note_id', 'type', 'weight', 'client_session']).orderBy('id').execute();
    expect(events.map((row) => `${row.type}:${row.user_id}:${row.note_id}`)).toEqual([
      `like:${bob.id}:${notes.cats1}`,
      `like:${bob.id}:${notes.cats2}`,
      `like:${cat.id}:${notes.cats1}`,
      `like:${cat.id}:${notes.cats2}`,
      `collect:${cat.id}:${notes.cats2}`,
      `comment:${dan.id}:${notes.food}`,
      `follow:${eve.id}:${notes.plain}`,
    ]);
    expect(events.every((row) => row.client_session === null && row.weight === 1)).toBe(true);

    const run = await runRecommenderJobs(db(), settings, t.now);
    expect(run.affinityEvents).toBe(7);

    expect(await affinity()).toEqual({
      [`${bob.id}:${notes.cats1}`]: 1,
      [`${bob.id}:${notes.cats2}`]: 1,
      [`${cat.id}:${notes.cats1}`]: 1,
      [`${cat.id}:${notes.cats2}`]: 2,
      [`${dan.id}:${notes.food}`]: 4,
      [`${eve.id}:${notes.plain}`]: 8,
    });
    expect(await userTopics()).toEqual({
      [`${bob.id}:${topics.cats}`]: 2,
      [`${cat.id}:${topics.cats}`]: 3,
      [`${dan.id}:${topics.food}`]: 4,
    });

    // Bob and Cat engaged with both cat notes: the notes are each other's neighbours.
    // W = 1/2 + 1/2 (each has 2 notes), pop = 2: (1/2)^0.8 / 2^0.5.
    const noteNeighbors = await db().selectFrom('rec_note_similar').selectAll().orderBy('note_id').execute();
    expect(noteNeighbors.map((row) => [row.note_id, row.neighbor_ids])).toEqual([
      [notes.cats1, [notes.cats2]],
      [notes.cats2, [notes.cats1]],
    ]);
    expect(noteNeighbors[0]!.weights[0]).toBeCloseTo(0.5 ** 0.8 / Math.sqrt(2), 5);
    // Everyone with engagement has a pool; nobody is offered what they engaged with or wrote.
    const pools = await db().selectFrom('rec_pools').select(['user_id', 'kind', 'note_ids']).where('kind', '=', 'all').orderBy('user_id').execute();
    expect(pools.map((row) => row.user_id)).toEqual([bob.id, cat.id, dan.id, eve.id]);
    expect(pools.every((row) => row.note_ids.length === 0)).toBe(true);
    expect((await db().selectFrom('rec_job_state').select('details').where('name', '=', 'similarities').executeTakeFirstOrThrow()).details).toMatchObject({
      spec: { kind: 'rp3beta', alpha: 0.8, beta: 0.5 },
    });

    // Trending by weighted, recent engagement; each with its topic.
    const trending = await db().selectFrom('rec_trending').selectAll().orderBy('score', 'desc').execute();
    expect(trending.map((row) => [row.note_id, row.topic_id])).toEqual([
      [notes.plain, null],
      [notes.food, topics.food],
      [notes.cats2, topics.cats],
      [notes.cats1, topics.cats],
    ]);
    expect(trending.map((row) => row.score)).toEqual([8, 4, 3, 2]);

    // Every live note is in its first test audience; without impressions its quality is the prior's.
    const quality = await db().selectFrom('rec_note_quality').selectAll().orderBy('note_id').execute();
    expect(quality).toHaveLength(4);
    for (const row of quality) {
      expect(row).toMatchObject({ stage: 1, stage_status: 'testing', impressions: 0, stage_impressions: 0 });
      expect(row.quality).toBeCloseTo(0.05, 6);
    }
    expect(quality.find((row) => row.note_id === notes.food)!.engagement).toBe(4);
  });

  it('fold incrementally: running again changes nothing, an unlike takes the like back', async () => {
    const before = { affinity: await affinity(), topics: await userTopics() };
    expect((await runRecommenderJobs(db(), settings, t.now)).affinityEvents).toBe(0);
    expect(await affinity()).toEqual(before.affinity);
    expect(await userTopics()).toEqual(before.topics);

    t.advance(60);
    await ok(call('DELETE', `/api/notes/${notes.cats1}/like`, bob));
    await ok(call('DELETE', `/api/notes/${notes.cats2}/collect`, cat));
    expect((await runRecommenderJobs(db(), settings, t.now)).affinityEvents).toBe(2);
    const after = await affinity();
    expect(after[`${bob.id}:${notes.cats1}`]).toBe(0);
    expect(after[`${cat.id}:${notes.cats2}`]).toBe(1);
    expect(await userTopics()).toMatchObject({ [`${bob.id}:${topics.cats}`]: 1, [`${cat.id}:${topics.cats}`]: 2 });
    const quality = await db()
      .selectFrom('rec_note_quality')
      .select(['note_id', 'engagement'])
      .where('note_id', 'in', [notes.cats1, notes.cats2])
      .orderBy('note_id')
      .execute();
    expect(quality.map((row) => row.engagement)).toEqual([1, 2]);

    // Bob's only positive engagement left is cats2: the two cat notes are now linked through Cat alone.
    await runRecommenderJobs(db(), settings, t.now);
    const link = await db().selectFrom('rec_note_similar').selectAll().where('note_id', '=', notes.cats1).executeTakeFirstOrThrow();
    // W = 1/2 (Cat), pop(cats1) = 1, pop(cats2) = 2.
    expect(link.weights[0]).toBeCloseTo(0.5 ** 0.8 / Math.sqrt(2), 5);
    // Bob is not offered cats1 again: he engaged with it (taking the like back leaves it seen).
    const bobPool = await db().selectFrom('rec_pools').select('note_ids').where('user_id', '=', bob.id).where('kind', '=', 'all').executeTakeFirstOrThrow();
    expect(bobPool.note_ids).toEqual([]);
  });

  it('count impressions and move notes through the stages by their engagement', async () => {
    const staged: RecommenderSettings = { ...settings, priorImpressions: 5, stageBudgets: [5, 50] };
    const good = await insertNote(db(), { authorId: ann.id, title: 'Good', createdAt: t.now });
    const weak = await insertNote(db(), { authorId: ann.id, title: 'Weak', createdAt: t.now });
    await runRecommenderJobs(db(), staged, t.now, { quality: true });

    const sessionId = randomUUID();
    const at = t.now.getTime();
    const impressions = [...Array.from({ length: 5 }, () => good), ...Array.from({ length: 40 }, () => weak)].map((noteId, seq) => ({
      type: 'impression',
      noteId,
      at,
      sessionId,
      seq,
      source: 'explore',
      position: seq % 10,
    }));
    expect((await call('POST', '/api/events', bob, { events: impressions })).json().accepted).toBe(45);
    for (const who of [bob, cat, dan, eve]) await ok(call('PUT', `/api/notes/${good}/like`, who));

    const run = await runRecommenderJobs(db(), staged, t.now, { affinity: true, quality: true });
    expect(run.quality!.changes).toEqual(
      expect.arrayContaining([
        { noteId: good, stage: 2, status: 'testing', reason: 'promoted' },
        { noteId: weak, stage: 1, status: 'settled', reason: 'weak' },
      ]),
    );
    const rows = await db().selectFrom('rec_note_quality').selectAll().where('note_id', 'in', [good, weak]).orderBy('note_id').execute();
    expect(rows[0]).toMatchObject({ impressions: 5, stage_impressions: 0, stage: 2, stage_status: 'testing', engagement: 4 });
    expect(rows[1]).toMatchObject({ impressions: 40, stage_impressions: 40, stage: 1, stage_status: 'settled', engagement: 0 });
    expect(rows[0]!.quality).toBeGreaterThan(rows[1]!.quality);
  });

  it('remembers when similarities last ran, so a restarting worker does not redo them at once', async () => {
    const at = new Date('2026-12-01T00:00:00Z');
    await runRecommenderJobs(db(), settings, at, { similarities: 'full' });
    expect(await similaritiesAreFresh(db(), new Date(at.getTime() + 9 * 60_000), 10 * 60_000)).toBe(true);
    expect(await similaritiesAreFresh(db(), new Date(at.getTime() + 11 * 60_000), 10 * 60_000)).toBe(false);
  });

  it('serve iALS through the same neighbour rows and pools, retrained whole on an incremental run', async () => {
    const ials = mergeRecommenderSettings(DEFAULT_RECOMMENDER_SETTINGS, { neighbors: { model: 'ials' } });
    const at = new Date('2026-12-02T00:00:00Z');
    const full = await runRecommenderJobs(db(), ials, at, { similarities: 'full' });
    expect(full.similarities).toMatchObject({ mode: 'full', model: expect.stringMatching(/^ials\(/) });
    const state = await db().selectFrom('rec_job_state').select('details').where('name', '=', 'similarities').executeTakeFirstOrThrow();
    expect(state.details).toMatchObject({ spec: { kind: 'ials' } });
    const rows = await db().selectFrom('rec_note_similar').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.weights.every((w) => w > 0) && !row.neighbor_ids.includes(row.note_id))).toBe(true);
    // A model whose weights are global is not refreshed note by note: every row is rewritten.
    const incremental = await runRecommenderJobs(db(), ials, new Date(at.getTime() + 600_000), { similarities: 'incremental' });
    expect(incremental.similarities).toMatchObject({ mode: 'incremental', noteNeighbors: full.similarities!.noteNeighbors });
  });
});
