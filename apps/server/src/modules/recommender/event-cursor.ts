import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// Incremental jobs read `events` by id, from where they stopped (rec_job_state).
// Each slice is folded and the cursor moved in one transaction, with the
// cursor's row locked: two workers never fold the same events twice.
// Ids are handed out at insert, so a transaction still open while a job reads
// could commit a lower id later and be skipped; the writes that carry signals
// are short, so that window is a few milliseconds and the loss at most a
// signal now and then, which the jobs can afford.

// A backlog (a bulk load, a worker that was down) folds in a few big set-based
// statements rather than many small ones: every slice rewrites the seen filters
// of everyone in it (affinity-job.ts), so small slices repeat that write many
// times over (the bench world's 6M events took 13 slices and most of three
// minutes). PostgreSQL's aggregates spill past work_mem; Node holds one slice's
// note ids per person.
const SLICE = 4_000_000;

export interface EventSlice {
  /** Exclusive lower bound. */
  afterId: string;
  /** Inclusive upper bound. */
  upToId: string;
}

/** Folds every event not yet read by job `name`, slice by slice; returns how many ids were covered. */
export async function foldEvents(db: Db, name: string, now: Date, fold: (trx: Db, slice: EventSlice) => Promise<void>): Promise<number> {
  await db
    .insertInto('rec_job_state')
    .values({ name, last_event_id: '0', ran_at: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const newest = await sql<{ id: string | null }>`select max(id)::text as id from events`.execute(db);
  const end = BigInt(newest.rows[0]?.id ?? '0');
  let covered = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const state = await trx.selectFrom('rec_job_state').select('last_event_id').where('name', '=', name).forUpdate().executeTakeFirstOrThrow();
      const from = BigInt(state.last_event_id);
      if (from >= end) {
        await trx.updateTable('rec_job_state').set({ ran_at: now }).where('name', '=', name).execute();
        return true;
      }
      const to = from + BigInt(SLICE) < end ? from + BigInt(SLICE) : end;
      // A slice's aggregates (a row per person and note) stay in memory instead of spilling to disk; this transaction only.
      await sql`set local work_mem = '128MB'`.execute(trx);
      await fold(trx, { afterId: from.toString(), upToId: to.toString() });
      await trx.updateTable('rec_job_state').set({ last_event_id: to.toString(), ran_at: now }).where('name', '=', name).execute();
      covered += Number(to - from);
      return false;
    });
    if (done) return covered;
  }
}
