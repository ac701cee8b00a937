import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// "Clear my watch history": what the recommender learned from what I was shown
// and watched goes; the For you feed starts fresh. Client events (impressions,
// plays, watch time…) lose my id instead of disappearing, so notes' aggregate
// counters and the quality figures stay as they are. Likes, collects, follows
// and "not interested" are things I did and see elsewhere; they stay.

const WATCH_EVENTS = ['impression', 'play', 'watch', 'complete', 'replay', 'skip', 'unmute', 'share', 'dwell'];

export interface ClearedHistory {
  events: number;
  served: number;
}

export async function clearWatchHistory(db: Db, userId: string): Promise<ClearedHistory> {
  return db.transaction().execute(async (trx) => {
    const events = await sql`update events set user_id = null where user_id = ${userId} and type = any(${sql.val(WATCH_EVENTS)}::text[])`.execute(trx);
    const served = await trx.deleteFrom('rec_served').where('user_id', '=', userId).executeTakeFirst();
    // What was derived from the history: affinities, inferred interests, the precomputed pool and the seen filter.
    await trx.deleteFrom('rec_affinity').where('user_id', '=', userId).execute();
    await trx.deleteFrom('rec_user_topics').where('user_id', '=', userId).execute();
    await trx.deleteFrom('rec_pools').where('user_id', '=', userId).execute();
    await trx.deleteFrom('rec_seen').where('user_id', '=', userId).execute();
    return { events: Number(events.numAffectedRows ?? 0), served: Number(served.numDeletedRows) };
  });
}
