import { sql } from 'kysely';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import type { ItemNeighbours } from './models/item-neighbours.js';
import { loadModelData } from './model-data.js';
import { buildPools } from './pool-builder.js';

// Rebuilds the pools of the people who just did something (their affinities
// changed in the last fold) and of those who used up most of theirs, from the
// stored neighbour rows (rec_note_similar) of their history: milliseconds per
// person, so a newcomer's first likes shape their next pages within a fold.

/** At most this many people per run; the rest wait for the next one (bounded work every 30 s). */
const PEOPLE_PER_RUN = 5_000;

export async function updatePools(db: Db, settings: RecommenderSettings, now: Date, active: ReadonlySet<string>): Promise<number> {
  const wanted = await db.selectFrom('rec_pools').select('user_id').where('wanted_at', 'is not', null).orderBy('wanted_at').limit(PEOPLE_PER_RUN).execute();
  const people = [...new Set([...active, ...wanted.map((row) => String(row.user_id))])].slice(0, PEOPLE_PER_RUN);
  if (people.length === 0) return 0;
  const data = await loadModelData(db, settings.neighbors.historyCap, people);
  const historyNotes = new Set<string>();
  for (const person of data.people) for (const index of person.history) historyNotes.add(data.noteIds[index]!);
  const { rows } = await sql<{ note_id: string; neighbor_ids: string[]; weights: number[] }>`
    select note_id::text as note_id, neighbor_ids::text[] as neighbor_ids, weights from rec_note_similar where note_id = any(${[...historyNotes]}::bigint[])`.execute(
    db,
  );
  // Neighbours outside the live set get indices too; liveNote() then rules them out as candidates.
  const index = (id: string) => {
    let at = data.indexOf.get(id);
    if (at === undefined) {
      at = data.noteIds.length;
      data.noteIds.push(id);
      data.indexOf.set(id, at);
    }
    return at;
  };
  const byIndex = new Map<number, { ids: Int32Array; weights: Float32Array }>();
  for (const row of rows) byIndex.set(index(row.note_id), { ids: Int32Array.from(row.neighbor_ids, index), weights: Float32Array.from(row.weights) });
  const empty = { ids: new Int32Array(0), weights: new Float32Array(0) };
  const neighbours: ItemNeighbours = { ids: [], weights: [] };
  for (let i = 0; i < data.noteIds.length; i += 1) {
    const entry = byIndex.get(i) ?? empty;
    neighbours.ids.push(entry.ids);
    neighbours.weights.push(entry.weights);
  }
  const stored = await db.selectFrom('rec_job_state').select('details').where('name', '=', 'similarities').executeTakeFirst();
  const recency = Number((stored?.details as { recency?: number } | null)?.recency ?? 0);
  // Someone whose engagement was all taken back has no history left: their pool empties rather than going stale.
  const withHistory = new Set(data.people.map((person) => person.userId));
  const gone = people.filter((userId) => !withHistory.has(userId));
  if (gone.length) await db.deleteFrom('rec_pools').where('user_id', 'in', gone).execute();
  return buildPools(db, { noteIds: data.noteIds, neighbours, liveNote: (i) => data.live.get(i) ?? null, recency }, data.people, now);
}
