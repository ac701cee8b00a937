import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface CreatorExposure {
  authorId: string;
  impressions: number;
  followers: number;
}

/**
 * Impressions in [since, until) per author of the note shown, with each author's
 * follower count today. Grouped in SQL: a day can hold millions of impressions.
 */
export async function creatorExposure(db: Db, since: Date, until: Date): Promise<CreatorExposure[]> {
  const rows = await db
    .with('shown', (qb) =>
      qb
        .selectFrom('events')
        .innerJoin('notes', 'notes.id', 'events.note_id')
        .select(['notes.author_id', (eb) => eb.fn.countAll<string>().as('impressions')])
        .where('events.type', '=', 'impression')
        .where('events.occurred_at', '>=', since)
        .where('events.occurred_at', '<', until)
        .groupBy('notes.author_id'),
    )
    .with('audience', (qb) =>
      qb
        .selectFrom('follows')
        .select(['followee_id', (eb) => eb.fn.countAll<string>().as('followers')])
        .where('followee_id', 'in', (sub) => sub.selectFrom('shown').select('author_id'))
        .groupBy('followee_id'),
    )
    .selectFrom('shown')
    .leftJoin('audience', 'audience.followee_id', 'shown.author_id')
    .select(['shown.author_id', 'shown.impressions', sql<string>`coalesce(audience.followers, 0)`.as('followers')])
    .execute();
  return rows.map((row) => ({ authorId: row.author_id, impressions: Number(row.impressions), followers: Number(row.followers) }));
}

/**
 * Live notes created in [since, until), counted by the exposure stage each reached (null: not yet judged)
 * and by whether they were eligible for recommendation at all (not held, removed or limited by moderation,
 * by an active account): fairness is measured over the notes the feed may show.
 */
export async function newNotesByStage(db: Db, since: Date, until: Date): Promise<Array<{ stage: number | null; eligible: boolean; notes: number }>> {
  const rows = await db
    .selectFrom('notes')
    .innerJoin('users', 'users.id', 'notes.author_id')
    .leftJoin('rec_note_quality', 'rec_note_quality.note_id', 'notes.id')
    .select([
      'rec_note_quality.stage',
      sql<boolean>`notes.mod_state = 'live' and not notes.reach_limited and users.status = 'active'`.as('eligible'),
      (eb) => eb.fn.countAll<string>().as('notes'),
    ])
    .where('notes.created_at', '>=', since)
    .where('notes.created_at', '<', until)
    .where('notes.deleted_at', 'is', null)
    .groupBy(['rec_note_quality.stage', 'eligible'])
    .execute();
  return rows.map((row) => ({ stage: row.stage === null ? null : Number(row.stage), eligible: row.eligible, notes: Number(row.notes) }));
}
