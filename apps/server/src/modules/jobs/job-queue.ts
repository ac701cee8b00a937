import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db } from '../../db/database.js';
import { type Job, type JobContext, type JobHandlers, JOB_OPTIONS, type JobType } from './jobs.js';

export const JOBS_SCHEMA = 'pgboss';

/** pg-boss runs its SQL through Kysely: on the pool, or inside a caller's transaction. */
function kyselyExecutor(db: Db): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      // biome-ignore lint/suspicious/noExplicitAny: pg-boss hands rows of any shape to Kysely's raw executor
      return { rows: result.rows as any[] };
    },
  };
}

export interface JobQueueOptions {
  /** Run pg-boss maintenance (expiry, retention); true in worker processes. */
  supervise: boolean;
  onError: (error: Error) => void;
}

/**
 * The job queue on the app's own database (schema `pgboss`). It starts on first
 * use, so processes and tests that never enqueue pay nothing.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private starting: Promise<void> | null = null;
  private stopped = false;

  constructor(db: Db, options: JobQueueOptions) {
    this.boss = new PgBoss({
      db: kyselyExecutor(db),
      schema: JOBS_SCHEMA,
      supervise: options.supervise,
      schedule: false,
      migrate: true,
    });
    this.boss.on('error', options.onError);
  }

  start(): Promise<void> {
    this.starting ??= (async () => {
      await this.boss.start();
      for (const [name, options] of Object.entries(JOB_OPTIONS)) {
        // createQueue is idempotent in pg-boss 10; updateQueue keeps options current after a change.
        if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, { name, ...options });
        else await this.boss.createQueue(name, { name, ...options });
      }
    })();
    return this.starting;
  }

  /**
   * Enqueue inside the caller's transaction: the job exists exactly when the
   * write that caused it commits (ozone's outbox, without the relay).
   */
  async send(trx: Db, job: Job): Promise<string> {
    await this.start();
    const id = await this.boss.send(job.type, job.payload, { ...JOB_OPTIONS[job.type], db: kyselyExecutor(trx) });
    if (!id) throw new Error(`job ${job.type} was not enqueued`);
    return id;
  }

  /** Start taking jobs; one at a time per type, as a transcode already keeps two cores busy. */
  async work(handlers: Partial<JobHandlers>, pollingIntervalSeconds = 2): Promise<void> {
    await this.start();
    for (const type of Object.keys(handlers) as JobType[]) {
      // Each queue carries its own type's payload (send() keys the queue by type).
      const handler = handlers[type] as (payload: Job['payload'], context: JobContext) => Promise<void>;
      await this.boss.work<Job['payload']>(type, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
        if (!job) return;
        await handler(job.data, {
          jobId: job.id,
          retryCount: job.retryCount,
          retryLimit: job.retryLimit,
          lastAttempt: job.retryCount >= job.retryLimit,
        });
      });
    }
  }

  /** Stop taking new jobs of every type (jobs in flight finish); the queue still accepts sends. */
  async stopWorking(): Promise<void> {
    if (!this.starting) return;
    for (const type of Object.keys(JOB_OPTIONS)) await this.boss.offWork(type);
  }

  /** Jobs of a type waiting to run (created or waiting for a retry; not the ones running). */
  async waiting(type: JobType): Promise<number> {
    await this.start();
    return this.boss.getQueueSize(type, { before: 'active' });
  }

  /** The stored state of a job (tests and diagnostics). */
  getJob(type: JobType, id: string) {
    return this.boss.getJobById(type, id, { includeArchive: true });
  }

  /** Lets jobs in flight finish (up to `timeoutMs`), then stops polling. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.stopped || !this.starting) return;
    this.stopped = true;
    await this.starting.catch(() => {});
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
  }
}
