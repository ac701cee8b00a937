import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { kindFilter, liveNote, type PoolNote, type PoolNoteRow, poolNoteColumns, toPoolNote } from './pool-note.js';

// Notes gaining engagement fastest (rec_trending, filled by the trending job), shared by all viewers.

export interface TrendingNote extends PoolNote {
  trend: number;
  /** The topic it trends in, when the job found one. */
  trendTopicId: string | null;
}

const TRENDING_POOL = 500;

export async function trendingNotes(db: Db, options: { kind?: 'video' }): Promise<TrendingNote[]> {
  const { rows } = await sql<PoolNoteRow & { trend: number; trend_topic: string | null }>`
    select ${poolNoteColumns}, t.score as trend, t.topic_id as trend_topic
    from rec_trending t join notes on notes.id = t.note_id left join rec_note_quality q on q.note_id = notes.id
    where ${liveNote} and ${kindFilter(options.kind)}
    order by t.score desc, t.note_id desc
    limit ${TRENDING_POOL}`.execute(db);
  return rows.map((row) => ({ ...toPoolNote(row), trend: Number(row.trend), trendTopicId: row.trend_topic === null ? null : String(row.trend_topic) }));
}
