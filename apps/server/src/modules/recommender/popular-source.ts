import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { kindFilter, liveNote, type PoolNote, type PoolNoteRow, poolNoteColumns, toPoolNote } from './pool-note.js';

// The best notes by quality (smoothed engagement per impression), for cold
// viewers and as the filler when every other source runs dry. Before the
// quality job has run, the newest notes. Follower counts play no part.

const POPULAR_POOL = 1000;

export async function popularNotes(db: Db, options: { kind?: 'video' }): Promise<PoolNote[]> {
  const { rows } = await sql<PoolNoteRow>`
    select ${poolNoteColumns}
    from notes left join rec_note_quality q on q.note_id = notes.id
    where ${liveNote} and ${kindFilter(options.kind)}
    order by q.quality desc nulls last, notes.created_at desc, notes.id desc
    limit ${POPULAR_POOL}`.execute(db);
  return rows.map(toPoolNote);
}

/** The average quality the quality multiplier compares against; null before the quality job ran. */
export async function averageQuality(db: Db): Promise<number | null> {
  const row = await db.selectFrom('rec_note_quality').select(sql<number | null>`avg(quality)::float8`.as('average')).executeTakeFirst();
  return row?.average === null || row?.average === undefined ? null : Number(row.average);
}
