// Every kind of background work: a typed union of { type, payload }, one queue
// per type, one handler per type (PeerTube's job queue, in Postgres via pg-boss).

export type Job =
  | { type: 'transcode-video'; payload: { videoId: string } }
  | { type: 'screen-image'; payload: { imageId: string } }
  // Privacy rights (modules/privacy): ids only, never a phone number or a handle.
  | { type: 'build-export'; payload: { exportId: string } }
  | { type: 'erase-account'; payload: { userId: string } };

export type JobType = Job['type'];
export type PayloadOf<T extends JobType> = Extract<Job, { type: T }>['payload'];

export interface JobContext {
  jobId: string;
  /** 0 on the first run; retries count up to `retryLimit`. */
  retryCount: number;
  retryLimit: number;
  /** No retry follows if this run fails. */
  lastAttempt: boolean;
}

export type JobHandlers = { [T in JobType]: (payload: PayloadOf<T>, context: JobContext) => Promise<void> };

/**
 * Retries and expiry per type. A transcode that outlives `expireInSeconds`
 * (a worker died mid-job) is put back in the queue by pg-boss and runs again.
 */
export interface JobTypeOptions {
  retryLimit: number;
  /** Seconds before the first retry; doubled each time with retryBackoff. */
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

export const JOB_OPTIONS: Record<JobType, JobTypeOptions> = {
  'transcode-video': { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 30 * 60 },
  // An outside classifier may be briefly down: a few spaced retries, then a person sees the note anyway.
  'screen-image': { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  'build-export': { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  // Erasure is idempotent (each step deletes what is still there): retry until it is done.
  'erase-account': { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
};
