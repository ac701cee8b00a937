import { sql } from 'kysely';
import type { TestApp } from '../../../test/test-app.js';
import type { JobType } from '../jobs/jobs.js';

// Runs the privacy jobs a test enqueued through the real queue (rows in
// pg-boss's table, written in the request's transaction), by the app's own
// handlers, without waiting for a worker's polling interval.

export async function runQueuedJobs(t: TestApp, type: Extract<JobType, 'build-export' | 'erase-account'>): Promise<Array<Record<string, string>>> {
  const { rows } = await sql<{ id: string; data: Record<string, string> }>`
    select id::text, data from pgboss.job where name = ${type} and state = 'created' order by created_on`.execute(t.database.db);
  for (const row of rows) {
    // As a worker would: the job is active while its handler runs (handlers look at what still waits).
    await sql`update pgboss.job set state = 'active', started_on = now() where id = ${row.id}::uuid`.execute(t.database.db);
    // biome-ignore lint/suspicious/noExplicitAny: each queue's payload matches its type (JobQueue.send keys queues by type)
    await t.app.privacyRights.handlers[type](row.data as any, { jobId: row.id, retryCount: 0, retryLimit: 0, lastAttempt: true });
    await sql`update pgboss.job set state = 'completed' where id = ${row.id}::uuid`.execute(t.database.db);
  }
  return rows.map((row) => row.data);
}
