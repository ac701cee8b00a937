import path from 'node:path';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import type { ApiApp } from '../../kernel/api-app.js';
import type { UserRow } from '../../db/tables/users.js';
import type { AuthService } from '../accounts/auth-service.js';
import type { JobHandlers } from '../jobs/jobs.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { MediaStorage } from '../media/media-storage.js';
import { deletionRoutes } from './deletion-routes.js';
import { DeletionService } from './deletion-service.js';
import { createErasureCompactor } from './erasure-compaction.js';
import { ErasureService } from './erasure-service.js';
import { exportRoutes } from './export-routes.js';
import { ExportService } from './export-service.js';

// Download my data and delete my account (issue 12, items 2 and 3): the
// services, their routes, their jobs' handlers and their periodic work.

export interface PrivacyRights {
  exports: ExportService;
  deletions: DeletionService;
  erasure: ErasureService;
  handlers: Pick<JobHandlers, 'build-export' | 'erase-account'>;
  /** Periodic work: expired exports go, due erasures are enqueued. */
  tick(now: Date): Promise<{ exportsPurged: number; erasuresQueued: number }>;
}

export async function registerPrivacyRights(
  api: ApiApp,
  deps: {
    config: Config;
    db: Db;
    storage: MediaStorage;
    jobs: JobQueue;
    auth: AuthService;
    secretKey: string;
    clock: () => Date;
    onAccountChange: (userId: string) => void;
    /** Decrypts a person's own number (exports carry it; deletion codes go to it). */
    ownPhone: (user: UserRow) => Promise<string | null>;
    forgetNotes: (noteIds: readonly string[]) => void;
  },
): Promise<PrivacyRights> {
  const { config, db, storage, jobs, clock } = deps;
  const exports = new ExportService({
    db,
    storage,
    jobs,
    secretKey: deps.secretKey,
    ownPhone: deps.ownPhone,
    config: { ...config.privacyRights, exportsDir: path.join(config.dataDir, 'exports') },
  });
  // Deactivation hides their notes at once: note caches forget them too.
  const onAccountChange = async (userId: string) => {
    deps.onAccountChange(userId);
    const notes = await db.selectFrom('notes').select('id').where('author_id', '=', userId).execute();
    deps.forgetNotes(notes.map((row) => row.id));
  };
  const deletions = new DeletionService({ db, auth: deps.auth, jobs, config: config.privacyRights, onAccountChange, ownPhone: deps.ownPhone });
  const erasure = new ErasureService({
    db,
    storage,
    uploadsDir: config.video.uploadsDir,
    exports,
    compactor: createErasureCompactor(db, config.privacyRights.erasureCompaction, (message, error) => api.log.warn({ err: error }, message)),
    forget: (userId, noteIds) => {
      deps.onAccountChange(userId);
      deps.forgetNotes(noteIds);
    },
  });
  await exportRoutes(api, { exports, clock });
  await deletionRoutes(api, { deletions: deletions, clock });
  return {
    exports,
    deletions: deletions,
    erasure,
    handlers: {
      'build-export': (payload) => exports.build(payload.exportId, clock()),
      'erase-account': async (payload) => {
        // A cancel that won the race keeps the account.
        if (!(await deletions.isDue(payload.userId, clock()))) return;
        await erasure.erase(payload.userId, { compact: (await jobs.waiting('erase-account')) === 0 });
      },
    },
    async tick(now) {
      return { exportsPurged: await exports.purgeExpired(now), erasuresQueued: await deletions.enqueueDue(now) };
    },
  };
}
