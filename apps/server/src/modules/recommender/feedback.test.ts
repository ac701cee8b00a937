import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf, apiCaller, insertNote, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { mergeRecommenderSettings } from '../../config/recommender-settings.js';
import { Recommender } from './recommender.js';
import { updatePools } from './pool-job.js';
import { runRecommenderJobs } from './recommender-jobs.js';

// "Not interested", reports, the author's exposure line, and the whole loop:
// likes through the API → the jobs → For you.

let t: TestApp;
let author: TestUser;
let viewer: TestUser;
const call = apiCaller(() => t);
const db = () => t.database.db;
beforeAll(async () => {
  t = await createTestApp();
  author = await signUp(t, 'fb_author');
  viewer = await signUp(t, 'fb_viewer');
});
afterAll(() => t.close());

async function feedIds(who: TestUser): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ id: string }>; cursor: string | null } = (
      await call('GET', `/api/feed?limit=10${cursor ? `&cursor=${cursor}` : ''}`, who)
    ).json();
    ids.push(...page.items.map((item) => item.id));
    cursor = page.cursor;
  } while (cursor && ids.length < 500);
  return ids;
}

const countRows = async (table: 'not_interested' | 'reports', noteId: string) =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('note_id', '=', noteId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const countEvents = async (type: 'not_interested' | 'report', noteId: string) =>
  Number(
    (
      await db()
        .selectFrom('events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('note_id', '=', noteId)
        .where('type', '=', type)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('not interested', () => {
  it('removes the note from For you, records the signal once, and can be undone', async () => {
    const unwanted = await insertNote(db(), { authorId: author.id, title: 'not for me' });
    const other = await insertNote(db(), { authorId: author.id, title: 'fine' });
    for (let i = 0; i < 2; i += 1) expect((await call('POST', `/api/notes/${unwanted}/not-interested`, viewer)).statusCode).toBe(204);
    expect(await countRows('not_interested', unwanted)).toBe(1);
    expect(await countEvents('not_interested', unwanted)).toBe(1);
    const ids = await feedIds(viewer);
    expect(ids).toContain(other);
    expect(ids).not.toContain(unwanted);

    expect((await call('DELETE', `/api/notes/${unwanted}/not-interested`, viewer)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/notes/${unwanted}/not-interested`, viewer)).statusCode).toBe(204);
    expect(await countRows('not_interested', unwanted)).toBe(0);
    // Everything else was served already: the next page is the note given back.
    expect((await call('GET', '/api/feed?limit=10', viewer)).json().items.map((item: { id: string }) => item.id)).toEqual([unwanted]);
  });

  it('answers 401 signed out and 404 for a missing or deleted note', async () => {
    const note = await insertNote(db(), { authorId: author.id });
    expect((await call('POST', `/api/notes/${note}/not-interested`)).statusCode).toBe(401);
    expect((await call('POST', '/api/notes/987654321/not-interested', viewer)).json().error.code).toBe('note_not_found');
    await db().updateTable('notes').set({ deleted_at: t.now }).where('id', '=', note).execute();
    expect((await call('POST', `/api/notes/${note}/not-interested`, viewer)).statusCode).toBe(404);
  });
});

describe('reports', () => {
  it('stores one report per person and note with its signal; refuses unknown reasons and missing notes', async () => {
    const note = await insertNote(db(), { authorId: author.id, title: 'spammy' });
    const bad = await call('POST', `/api/notes/${note}/report`, viewer, { reason: 'boring' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('category_invalid');
    expect((await call('POST', '/api/notes/987654321/report', viewer, { reason: 'spam' })).json().error.code).toBe('note_not_found');
    expect((await call('POST', `/api/notes/${note}/report`, undefined, { reason: 'spam' })).statusCode).toBe(401);
    expect(await countRows('reports', note)).toBe(0);

    expect((await call('POST', `/api/notes/${note}/report`, viewer, { reason: 'spam' })).statusCode).toBe(204);
    expect((await call('POST', `/api/notes/${note}/report`, viewer, { reason: 'other' })).statusCode).toBe(204);
    expect(await countRows('reports', note)).toBe(1);
    expect(await countEvents('report', note)).toBe(1);
    const row = await db().selectFrom('reports').select(['category', 'reporter_id']).where('note_id', '=', note).executeTakeFirstOrThrow();
    expect(row).toEqual({ category: 'spam', reporter_id: viewer.id });
  });
});

describe('exposure and settings', () => {
  it("shows a note's stage to its author only", async () => {
    const note = await insertNote(db(), { authorId: author.id });
    expect((await call('GET', `/api/notes/${note}`, author)).json().exposure).toEqual({
      stage: 1,
      stages: 3,
      status: 'testing',
      impressions: 0,
      stageImpressions: 0,
      stageBudget: 200,
    });
    await db()
      .insertInto('rec_note_quality')
      .values({ note_id: note, impressions: 1234, stage: 2, stage_impressions: 1034, stage_status: 'testing', stage_changed_at: t.now, updated_at: t.now })
      .execute();
    expect((await call('GET', `/api/notes/${note}`, author)).json().exposure).toEqual({
      stage: 2,
      stages: 3,
      status: 'testing',
      impressions: 1234,
      stageImpressions: 1034,
      stageBudget: 2000,
    });
    expect((await call('GET', `/api/notes/${note}`, viewer)).json().exposure).toBeUndefined();
    expect((await call('GET', `/api/notes/${note}`)).json().exposure).toBeUndefined();
  });

  it('has For you personalised by default', async () => {
    expect((await call('GET', '/api/me', viewer)).json().feedPersonalised).toBe(true);
  });
});

describe('the whole loop', () => {
  it('likes through the API, then the jobs, then For you recommends what people with the same taste liked', async () => {
    const [ana, ben, reader] = [await signUp(t, 'loop_ana'), await signUp(t, 'loop_ben'), await signUp(t, 'loop_reader')];
    const makers = [await signUp(t, 'loop_maker_1'), await signUp(t, 'loop_maker_2'), await signUp(t, 'loop_maker_3')];
    const old = new Date(t.now.getTime() - 10 * 86_400_000);
    const [n1, n2, n3] = [
      await insertNote(db(), { authorId: makers[0]!.id, title: 'one', createdAt: old }),
      await insertNote(db(), { authorId: makers[1]!.id, title: 'two', createdAt: old }),
      await insertNote(db(), { authorId: makers[2]!.id, title: 'three', createdAt: old }),
    ];
    for (const who of [ana, ben]) for (const note of [n1, n2, n3]) expect((await call('PUT', `/api/notes/${note}/like`, who)).statusCode).toBe(200);
    for (const note of [n1, n2]) expect((await call('PUT', `/api/notes/${note}/like`, reader)).statusCode).toBe(200);
    await runRecommenderJobs(db(), t.config.recommender, t.now);

    const page = (await call('GET', '/api/feed?limit=20', reader)).json().items as Array<{ id: string; reason: { code: string } }>;
    expect(page[0]).toMatchObject({ id: n3 });
    expect(['similar_notes', 'people_like_you']).toContain(page[0]!.reason.code);
    expect(page.map((item) => item.id)).not.toContain(n1);
    expect(page.map((item) => item.id)).not.toContain(n2);
  });

  it('ranks the interest pool by the item model: neighbour weights summed over the history, engaged notes left out', async () => {
    const settings = mergeRecommenderSettings(t.config.recommender, {
      quotas: { interest: 1, fresh: 0, following: 0, trending: 0, explore: 0 },
      qualityWeight: 0,
    });
    const who = await signUp(t, 'proto_user');
    const notes: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      // One author per note, as in a catalogue without creators.
      const maker = await signUp(t, `proto_maker_${i}`);
      notes.push(await insertNote(db(), { authorId: maker.id, createdAt: new Date(t.now.getTime() - 20 * 86_400_000) }));
    }
    const [h1, h2, ...others] = notes as [string, string, ...string[]];
    await db()
      .insertInto('rec_affinity')
      .values([h1, h2].map((note) => ({ user_id: who.id, note_id: note, strength: 1, last_at: t.now })))
      .execute();
    // The model's rows (h2 is also a neighbour of h1: engaged, so never offered).
    const nn: Array<[string, string, number]> = [
      [h1, h2, 0.9],
      [h1, others[0]!, 0.5],
      [h1, others[1]!, 0.3],
      [h2, others[1]!, 0.25],
      [h2, others[2]!, 0.1],
      [h2, others[3]!, -0.2],
    ];
    const rows = new Map<string, Array<[string, number]>>();
    for (const [a, b, w] of nn) rows.set(a, [...(rows.get(a) ?? []), [b, w]]);
    for (const [noteId, list] of rows) {
      await db()
        .insertInto('rec_note_similar')
        .values({ note_id: noteId, neighbor_ids: list.map(([b]) => b), weights: list.map(([, w]) => w) })
        .execute();
    }
    await updatePools(db(), settings, t.now, new Set([who.id]));

    const score = new Map<string, number>();
    for (const [, b, w] of nn) score.set(b, (score.get(b) ?? 0) + w);
    const expected = [...score.entries()]
      .filter(([note, value]) => note !== h1 && note !== h2 && value > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([note]) => note);

    const page = await new Recommender(db(), settings).recommend({ context: await contextOf(t, who.id), now: t.now, limit: expected.length });
    expect(page.map((item) => item.noteId)).toEqual(expected);
    expect(page.every((item) => item.source === 'interest' && item.reason.code === 'similar_notes')).toBe(true);
  });
});
