import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { kindFilter, liveNote, type PoolNote, type PoolNoteRow, poolNoteColumns, toPoolNote } from './pool-note.js';

// The latest notes of the people the viewer follows (a minority of a personalised
// page; all of a non-personalised one, before trending).

const FOLLOWING_POOL = 200;

export async function followingNotes(db: Db, viewerId: string, options: { now: Date; kind?: 'video' }): Promise<PoolNote[]> {
  const { rows } = await sql<PoolNoteRow>`
    select ${poolNoteColumns}
    from notes left join rec_note_quality q on q.note_id = notes.id
    where notes.author_id in (select followee_id from follows where follower_id = ${viewerId})
      and notes.created_at <= ${options.now}
      and ${liveNote} and ${kindFilter(options.kind)}
    order by notes.created_at desc, notes.id desc
    limit ${FOLLOWING_POOL}`.execute(db);
  return rows.map(toPoolNote);
}
