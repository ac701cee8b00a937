import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, signUp } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { DEFAULT_RECOMMENDER_SETTINGS, mergeRecommenderSettings, type RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { seedWorld } from '../../demo/seed-world.js';
import { LocalDiskStorage } from '../media/media-storage.js';
import { loadModelData } from './model-data.js';
import { buildInteractions } from './models/interactions.js';
import type { ItemNeighbours } from './models/item-neighbours.js';
import { type ModelSpec, trainModel } from './models/model-choice.js';
import { PersonScorer } from './models/scores.js';
import { type BuiltPool, type PoolModel, scorePools } from './pool-builder.js';
import { runRecommenderJobs } from './recommender-jobs.js';
import { SeenNotes } from './seen-filter.js';

// The jobs write neighbour rows and pools with COPY into staging tables and one
// set-based statement. On a small seeded world, their rows must be the ones the
// statements they replaced (kept below, verbatim) wrote from the same model, and
// an incremental run must rewrite only the rows of notes with new engagement.

let t: TestApp;
const settings: RecommenderSettings = mergeRecommenderSettings(DEFAULT_RECOMMENDER_SETTINGS, { neighbors: { model: 'rp3beta' } });
const db = () => t.database.db;
const call = apiCaller(() => t);

beforeAll(async () => {
  t = await createTestApp();
  const storage = new LocalDiskStorage(t.config.media.dir, t.config.media.baseUrl);
  // seedWorld ends with every job, the item model's full rebuild and every pool included.
  await seedWorld(db(), storage, { users: 40, notes: 150, likes: 1500, comments: 200, follows: 300, images: 4, days: 7, seed: 7 }, t.now, () => {}, settings);
}, 120_000);
afterAll(() => t.close());

interface Snapshot {
  neighbours: Array<{ note_id: string; neighbor_ids: string[]; weights: number[] }>;
  pools: Array<{ user_id: string; kind: string; note_ids: string[]; scores: number[] }>;
}

async function snapshot(): Promise<Snapshot> {
  const neighbours = await sql<Snapshot['neighbours'][number]>`
    select note_id::text as note_id, neighbor_ids::text[] as neighbor_ids, weights from rec_note_similar order by note_id`.execute(db());
  const pools = await sql<Snapshot['pools'][number]>`
    select user_id::text as user_id, kind, note_ids::text[] as note_ids, scores from rec_pools order by user_id, kind`.execute(db());
  return { neighbours: neighbours.rows, pools: pools.rows };
}

/** Same ids in the same order; weights equal up to the old path's text rounding (6 significant digits). */
function expectSameContent(actual: Snapshot, expected: Snapshot) {
  const ids = (s: Snapshot) => ({ n: s.neighbours.map((r) => [r.note_id, r.neighbor_ids]), p: s.pools.map((r) => [r.user_id, r.kind, r.note_ids]) });
  expect(ids(actual)).toEqual(ids(expected));
  const close = (a: number[], b: number[], relative: number) => a.every((x, i) => Math.abs(x - b[i]!) <= relative * Math.max(Math.abs(x), Math.abs(b[i]!)));
  // Six significant digits: within half a unit of the sixth.
  expect(actual.neighbours.every((row, i) => close(row.weights, expected.neighbours[i]!.weights, 5e-6))).toBe(true);
  // Scores went as JSON decimals (then rounded to real), now as the double rounded to real: a step of real apart at most.
  expect(actual.pools.every((row, i) => close(row.scores, expected.pools[i]!.scores, 2 ** -22))).toBe(true);
}

describe('recommender writes', () => {
  it('write the neighbour rows and pools that the old INSERT statements wrote from the same model', async () => {
    const written = await snapshot();
    expect(written.neighbours.length).toBeGreaterThan(50);
    expect(written.pools.filter((pool) => pool.kind === 'all' && pool.note_ids.length > 0).length).toBeGreaterThan(20);

    // The model the full rebuild trained, again: same data, the stored choice.
    const state = await db().selectFrom('rec_job_state').select('details').where('name', '=', 'similarities').executeTakeFirstOrThrow();
    const choice = state.details as { spec: ModelSpec; recency: number };
    const data = await loadModelData(db(), settings.neighbors.historyCap);
    const matrix = buildInteractions(
      data.people.map((person) => person.history),
      data.noteIds.length,
    );
    const neighbours = trainModel(matrix, choice.spec, settings.neighbors.perNote);
    const model: PoolModel = { noteIds: data.noteIds, neighbours, liveNote: (index) => data.live.get(index) ?? null, recency: choice.recency };
    const seenRows = await sql<{ user_id: string; current: Buffer; previous: Buffer | null }>`
      select user_id::text as user_id, current, previous from rec_seen`.execute(db());
    const seen = new Map(seenRows.rows.map((row) => [row.user_id, SeenNotes.fromRow(row.current, row.previous)]));
    const pools = scorePools(model, new PersonScorer(neighbours, data.noteIds.length), data.people, seen);

    await legacyWriteNeighbours(
      db(),
      data.noteIds,
      neighbours,
      data.noteIds.map((_, index) => index),
    );
    await sql`delete from rec_pools`.execute(db());
    await legacyWritePools(db(), pools, t.now);
    expectSameContent(written, await snapshot());
  });

  it('rewrite only the neighbour rows of notes with new engagement on an incremental run, and build the pools of who acted', async () => {
    // A fresh full rebuild through the job, then new likes on two notes.
    await runRecommenderJobs(db(), settings, t.now, { similarities: 'full' });
    const rowVersions = async () =>
      new Map(
        (await sql<{ note_id: string; xmin: string }>`select note_id::text as note_id, xmin::text as xmin from rec_note_similar`.execute(db())).rows.map(
          (row) => [row.note_id, row.xmin],
        ),
      );
    const before = await rowVersions();
    const liked = [...before.keys()].slice(0, 2);
    const zed = await signUp(t, 'zed');
    t.advance(60);
    for (const noteId of liked) expect((await call('PUT', `/api/notes/${noteId}/like`, zed)).statusCode).toBeLessThan(300);

    const run = await runRecommenderJobs(db(), settings, t.now, { affinity: true, pools: true, similarities: 'incremental' });
    expect(run.similarities).toMatchObject({ mode: 'incremental', noteNeighbors: 2 });
    expect(run.similarities!.engagers).toEqual([zed.id]);
    const after = await rowVersions();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const rewritten = [...after].filter(([noteId, xmin]) => before.get(noteId) !== xmin).map(([noteId]) => noteId);
    expect(rewritten.sort()).toEqual([...liked].sort());
    // Zed now likes both: each is the other's neighbour.
    const rows = await db().selectFrom('rec_note_similar').select(['note_id', 'neighbor_ids']).where('note_id', 'in', liked).orderBy('note_id').execute();
    expect(rows.every((row) => row.neighbor_ids.some((id) => liked.includes(String(id))))).toBe(true);

    // The pool job built Zed's pools (COPY path too), without what Zed liked.
    const pools = await db().selectFrom('rec_pools').select(['kind', 'note_ids', 'wanted_at']).where('user_id', '=', zed.id).orderBy('kind').execute();
    expect(pools.map((pool) => pool.kind)).toEqual(['all', 'video']);
    expect(pools[0]!.note_ids.length).toBeGreaterThan(0);
    expect(pools[0]!.note_ids.some((id) => liked.includes(String(id)))).toBe(false);
    expect(pools.every((pool) => pool.wanted_at === null)).toBe(true);

    // Nothing new: an incremental run rewrites nothing.
    const idle = await runRecommenderJobs(db(), settings, t.now, { affinity: true, pools: true, similarities: 'incremental' });
    expect(idle.similarities).toMatchObject({ mode: 'incremental', noteNeighbors: 0 });
    expect(await rowVersions()).toEqual(after);
  });
});

// The write path the COPY writers replaced, kept as the reference they are compared with.

async function legacyWriteNeighbours(db: Db, noteIds: readonly string[], model: ItemNeighbours, rows: readonly number[]): Promise<void> {
  const CHUNK = 2000;
  await db.transaction().execute(async (trx) => {
    await sql`delete from rec_note_similar`.execute(trx);
    for (let start = 0; start < rows.length; start += CHUNK) {
      const ids: string[] = [];
      const neighbourIds: string[] = [];
      const weights: string[] = [];
      for (const index of rows.slice(start, start + CHUNK)) {
        const list = model.ids[index];
        if (!list || list.length === 0) continue;
        ids.push(noteIds[index]!);
        neighbourIds.push(`{${Array.from(list, (j) => noteIds[j]!).join(',')}}`);
        weights.push(`{${Array.from(model.weights[index]!, (w) => w.toPrecision(6)).join(',')}}`);
      }
      if (ids.length === 0) continue;
      await sql`
        insert into rec_note_similar (note_id, neighbor_ids, weights)
        select r.note_id, r.neighbor_ids::bigint[], r.weights::real[]
        from unnest(${ids}::bigint[], ${neighbourIds}::text[], ${weights}::text[]) as r(note_id, neighbor_ids, weights)
        where exists (select 1 from notes n where n.id = r.note_id)
        on conflict (note_id) do update set neighbor_ids = excluded.neighbor_ids, weights = excluded.weights`.execute(trx);
    }
  });
}

async function legacyWritePools(db: Db, pools: readonly BuiltPool[], now: Date): Promise<void> {
  const CHUNK = 250;
  for (let start = 0; start < pools.length; start += CHUNK) {
    const chunk = pools.slice(start, start + CHUNK);
    await sql`
      insert into rec_pools (user_id, kind, note_ids, scores, built_at, wanted_at)
      select (p->>'u')::bigint, p->>'k',
        array(select x::bigint from jsonb_array_elements_text(p->'n') with ordinality t(x, i) order by i),
        array(select x::real from jsonb_array_elements_text(p->'s') with ordinality t(x, i) order by i), ${now}, null
      from jsonb_array_elements(${JSON.stringify(chunk.map((pool) => ({ u: pool.userId, k: pool.kind, n: pool.noteIds, s: pool.scores })))}::jsonb) p
      where exists (select 1 from users u where u.id = (p->>'u')::bigint)
      on conflict (user_id, kind) do update set note_ids = excluded.note_ids, scores = excluded.scores, built_at = excluded.built_at, wanted_at = null`.execute(
      db,
    );
  }
}
