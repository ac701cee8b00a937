import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { kindFilter, liveNote, type PoolNote, type PoolNoteRow, poolNoteColumns, toPoolNote } from './pool-note.js';

// New notes looking for their audience: live, younger than freshHours and still
// testing a stage (or not yet seen by the quality job, which puts every new
// note at stage 1). Shared by all viewers; each viewer's preferences are
// applied when the page is built.

export interface FreshNote extends PoolNote {
  stage: number;
  stageImpressions: number;
  /** Identifies the stage attempt, so in-process serving counts reset when the note moves on. */
  stageKey: string;
}

const FRESH_POOL = 1000;

export async function freshNotes(db: Db, options: { now: Date; freshHours: number; kind?: 'video' }): Promise<FreshNote[]> {
  const since = new Date(options.now.getTime() - options.freshHours * 3_600_000);
  const { rows } = await sql<PoolNoteRow & { stage: number | null; stage_impressions: number | null; stage_changed_at: Date | null }>`
    select ${poolNoteColumns}, q.stage, q.stage_impressions, q.stage_changed_at
    from notes left join rec_note_quality q on q.note_id = notes.id
    where notes.created_at > ${since} and notes.created_at <= ${options.now}
      and ${liveNote} and ${kindFilter(options.kind)}
      and (q.note_id is null or q.stage_status = 'testing')
    order by notes.created_at desc, notes.id desc
    limit ${FRESH_POOL}`.execute(db);
  return rows.map((row) => ({
    ...toPoolNote(row),
    stage: row.stage ?? 1,
    stageImpressions: row.stage_impressions ?? 0,
    stageKey: `${row.stage ?? 1}:${row.stage_changed_at?.getTime() ?? 0}`,
  }));
}
