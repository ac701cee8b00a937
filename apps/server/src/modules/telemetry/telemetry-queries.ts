import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EventsTable, EventType } from '../../db/tables/events.js';

export interface NoteFacts {
  kind: 'image' | 'video';
  /** Known for video notes whose video is ready. */
  durationMs: number | null;
}

// The video's length, once it is processed (null for image notes and unfinished videos).
const videoDuration = () => sql`(select v.duration_ms from videos v where v.note_id = n.id and v.status = 'ready')`;

export async function noteFacts(db: Db, noteIds: readonly string[]): Promise<Map<string, NoteFacts>> {
  if (noteIds.length === 0) return new Map();
  const rows = await sql<{ id: string; kind: 'image' | 'video'; duration_ms: number | null }>`
    select n.id, n.kind, ${videoDuration()} as duration_ms
    from notes n
    where n.id = any(${sql.val(noteIds)}::bigint[]) and n.deleted_at is null`.execute(db);
  return new Map(rows.rows.map((row) => [String(row.id), { kind: row.kind, durationMs: row.duration_ms === null ? null : Number(row.duration_ms) }]));
}

/** Watch time (playback only, not dwell) and first sighting already recorded for each note in a client session. */
export async function sessionWatchTotals(db: Db, clientSession: string): Promise<Map<string, { firstAt: Date; watchMs: number }>> {
  const rows = await db
    .selectFrom('events')
    .select(['note_id', sql<Date>`min(occurred_at)`.as('first_at'), sql<string>`coalesce(sum(watch_ms) filter (where type = 'watch'), 0)`.as('watch_ms')])
    .where('client_session', '=', clientSession)
    .groupBy('note_id')
    .execute();
  return new Map(rows.map((row) => [row.note_id, { firstAt: new Date(row.first_at), watchMs: Number(row.watch_ms) }]));
}

export type EventRow = Insertable<EventsTable>;

/** Inserts, skipping events already received (same session and seq); returns the ones stored now. */
export function insertEvents(db: Db, rows: EventRow[]): Promise<Array<{ note_id: string; type: EventType }>> {
  if (rows.length === 0) return Promise.resolve([]);
  return db
    .insertInto('events')
    .values(rows)
    .onConflict((oc) => oc.constraint('events_client_unique').doNothing())
    .returning(['note_id', 'type'])
    .execute();
}
