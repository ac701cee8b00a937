import { sql } from 'kysely';
import { copyInto, inCopyTransaction } from '../../db/bulk-copy.js';
import { type BinaryType, binarySource } from '../../db/bulk-copy-binary.js';
import type { Db } from '../../db/database.js';
import type { ItemNeighbours } from './models/item-neighbours.js';
import { PersonScorer } from './models/scores.js';
import { SeenNotes } from './seen-filter.js';

// Each person's interest pool, built off the request path: the chosen item
// model's scores over their history, minus what they engaged with, were
// served (their seen filter), wrote themselves, or cannot be shown to anyone
// (not live). Stored best first in rec_pools, one row per feed kind; a request
// only reads the row (recommender.ts). Written with COPY and one upsert: a
// full rebuild writes every person's two pools at once.

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

/**
 * Scores and writes the pools of `people` (the chosen model's neighbours over
 * each one's history, in memory, a batch of people per seen-filter read).
 * Every batch is COPYed into a staging table as it is scored; one statement
 * then replaces the stored pools, in the same transaction (readers see the
 * old pools or the new ones, never a mix). Returns the pools written.
 */
export async function buildPools(db: Db, model: PoolModel, people: readonly PoolPerson[], now: Date): Promise<number> {
  if (people.length === 0) return 0;
  const scorer = new PersonScorer(model.neighbours, model.noteIds.length);
  return inCopyTransaction(db, async (client) => {
    await client.query(`create temporary table rec_pools_staging (user_id bigint, kind text, note_ids bigint[], scores real[]) on commit drop`);
    for (let start = 0; start < people.length; start += PEOPLE_PER_BATCH) {
      const batch = people.slice(start, start + PEOPLE_PER_BATCH);
      // On the transaction's own connection: the caller may hold the pool's others (a pool of two in the command-line tools).
      const seen = await seenOf(
        (text, values) => client.query(text, values),
        batch.map((person) => person.userId),
      );
      const pools = scorePools(model, scorer, batch, seen);
      await copyInto(
        client,
        'rec_pools_staging',
        ['user_id', 'kind', 'note_ids', 'scores'],
        binarySource(
          STAGING_TYPES,
          pools.map((pool) => [pool.userId, pool.kind, pool.noteIds, pool.scores]),
        ),
      );
    }
    await client.query('analyze rec_pools_staging');
    // An empty list is stored too: the person has no interest candidates right now. Accounts deleted meanwhile are skipped.
    const written = await client.query(
      `insert into rec_pools (user_id, kind, note_ids, scores, built_at, wanted_at)
       select s.user_id, s.kind, s.note_ids, s.scores, $1, null from rec_pools_staging s
       where exists (select 1 from users u where u.id = s.user_id)
       on conflict (user_id, kind) do update set note_ids = excluded.note_ids, scores = excluded.scores, built_at = excluded.built_at, wanted_at = null`,
      [now],
    );
    return written.rowCount ?? 0;
  });
}

const STAGING_TYPES: BinaryType[] = ['int8', 'text', 'int8[]', 'float4[]'];

/** The pools ("all" and "video") of one batch of people, best first. */
export function scorePools(model: PoolModel, scorer: PersonScorer, people: readonly PoolPerson[], seen: ReadonlyMap<string, SeenNotes>): BuiltPool[] {
  const pools: BuiltPool[] = [];
  for (const person of people) {
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
  return pools;
}

type Query = (text: string, values: unknown[]) => Promise<{ rows: Array<{ user_id: string; current: Buffer; previous: Buffer | null }> }>;

async function seenOf(query: Query, userIds: readonly string[]): Promise<Map<string, SeenNotes>> {
  const { rows } = await query('select user_id::text as user_id, current, previous from rec_seen where user_id = any($1::bigint[])', [userIds]);
  return new Map(rows.map((row) => [row.user_id, SeenNotes.fromRow(row.current, row.previous)]));
}
