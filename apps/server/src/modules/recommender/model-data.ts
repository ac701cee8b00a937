import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { liveNote } from './pool-note.js';

// What the item model and the pools are computed from, read in a few big
// statements: every person's positive engagement (newest first, capped), what
// they engaged with at all, and which notes may be shown. Notes get dense
// indices here; the models only ever see the indices.

export interface ModelData {
  noteIds: string[];
  indexOf: Map<string, number>;
  people: Array<{ userId: string; history: Int32Array; engaged: Set<number> }>;
  live: Map<number, { authorId: string; kind: 'image' | 'video' }>;
}

export async function loadModelData(db: Db, historyCap: number, onlyPeople?: readonly string[]): Promise<ModelData> {
  const who = onlyPeople ? sql`and a.user_id = any(${onlyPeople}::bigint[])` : sql``;
  const [histories, live] = await Promise.all([
    sql<{ user_id: string; positive: string[] | null; engaged: string[] }>`
      select a.user_id::text as user_id,
        array_agg(a.note_id::text order by a.last_at desc, a.note_id desc) filter (where a.strength > 0) as positive,
        array_agg(a.note_id::text) as engaged
      from rec_affinity a join notes n on n.id = a.note_id
      where n.deleted_at is null ${who}
      group by a.user_id`.execute(db),
    sql<{ id: string; author_id: string; kind: 'image' | 'video' }>`
      select notes.id::text as id, notes.author_id::text as author_id, notes.kind from notes where ${liveNote}`.execute(db),
  ]);
  const noteIds: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (id: string) => {
    let at = indexOf.get(id);
    if (at === undefined) {
      at = noteIds.length;
      noteIds.push(id);
      indexOf.set(id, at);
    }
    return at;
  };
  const people = histories.rows.map((row) => ({
    userId: row.user_id,
    history: Int32Array.from((row.positive ?? []).slice(0, historyCap), index),
    engaged: new Set(row.engaged.map(index)),
  }));
  const liveByIndex = new Map<number, { authorId: string; kind: 'image' | 'video' }>();
  for (const note of live.rows) liveByIndex.set(index(note.id), { authorId: note.author_id, kind: note.kind });
  return { noteIds, indexOf, people, live: liveByIndex };
}
