import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ItemNeighbours } from './models/item-neighbours.js';
import { PersonScorer } from './models/scores.js';
import { SeenNotes } from './seen-filter.js';

// Each person's interest pool, built off the request path: the chosen item
// model's scores over their history, minus what they engaged with, were
// served (their seen filter), wrote themselves, or cannot be shown to anyone
// (not live). Stored best first in rec_pools, one row per feed kind; a request
// only reads the row (recommender.ts).

export const POOL_SIZE = { all: 500, video: 200 } as const;
/** People whose pools are scored and written per round trip (bounds memory: seen filters are a few KB each). */
const PEOPLE_PER_BATCH = 1000;

export interface PoolModel {
  /** Dense note index → note id. */
  noteIds: readonly string[];
  neighbours: ItemNeighbours;
  /** What a pool needs to know of a candidate; null: not live (never a candidate). */
  liveNote(index: number): { authorId: string; kind: 'image' | 'video' } | null;
  /** History weighting of the chosen model (PersonScorer.top). */
  recency: number;
}

export interface PoolPerson {
  userId: string;
  /** Note indices, newest first, capped. */
  history: ArrayLike<number>;
  /** Note indices the person engaged with in any way (also negatively). */
  engaged: ReadonlySet<number>;
}

export interface BuiltPool {
  userId: string;
  kind: 'all' | 'video';
  noteIds: string[];
  scores: number[];
}

export async function buildPools(db: Db, model: PoolModel, people: readonly PoolPerson[], now: Date): Promise<number> {
  const scorer = new PersonScorer(model.neighbours, model.noteIds.length);
  let written = 0;
  for (let start = 0; start < people.length; start += PEOPLE_PER_BATCH) {
    const batch = people.slice(start, start + PEOPLE_PER_BATCH);
    const seen = await seenOf(
      db,
      batch.map((person) => person.userId),
    );
    const pools: BuiltPool[] = [];
    for (const person of batch) {
      const seenNotes = seen.get(person.userId) ?? SeenNotes.empty();
      const allows = (index: number) => {
        const note = model.liveNote(index);
        return note !== null && note.authorId !== person.userId && !person.engaged.has(index) && !seenNotes.has(model.noteIds[index]!);
      };
      // Scored once; the video pool is the best videos of the same list, and a longer list keeps it from running dry.
      // Only notes the model speaks for (a signed model such as EASE^R also scores notes below zero).
      const scored = scorer.top(person.history, POOL_SIZE.all * 4, allows, model.recency).filter((entry) => entry.score > 0);
      const all = scored.slice(0, POOL_SIZE.all);
      const videos = scored.filter((entry) => model.liveNote(entry.item)!.kind === 'video').slice(0, POOL_SIZE.video);
      for (const [kind, entries] of [
        ['all', all],
        ['video', videos],
      ] as const) {
        pools.push({ userId: person.userId, kind, noteIds: entries.map((entry) => model.noteIds[entry.item]!), scores: entries.map((entry) => entry.score) });
      }
    }
    written += await writePools(db, pools, now);
  }
  return written;
}

async function seenOf(db: Db, userIds: readonly string[]): Promise<Map<string, SeenNotes>> {
  const { rows } = await sql<{ user_id: string; current: Buffer; previous: Buffer | null }>`
    select user_id::text as user_id, current, previous from rec_seen where user_id = any(${userIds}::bigint[])`.execute(db);
  return new Map(rows.map((row) => [row.user_id, SeenNotes.fromRow(row.current, row.previous)]));
}

/** Replaces the pools given (an empty list is stored too: the person has no interest candidates right now). */
async function writePools(db: Db, pools: readonly BuiltPool[], now: Date): Promise<number> {
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
  return pools.length;
}
