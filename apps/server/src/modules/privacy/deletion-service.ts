import { sql } from 'kysely';
import type { PrivacyRightsConfig } from '../../config/privacy-rights-config.js';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import { conflict } from '../../lib/errors.js';
import type { AuthService, ClientContext } from '../accounts/auth-service.js';
import type { JobQueue } from '../jobs/job-queue.js';

// Delete my account: a fresh SMS code confirms it; the account is deactivated
// at once (hidden from everyone, signed out everywhere) and erased after the
// grace period by a job. Signing in again, or cancelling, brings it back as it was.

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DeletionView {
  scheduled: boolean;
  requestedAt: string | null;
  /** The erasure runs after this. */
  eraseAfter: string | null;
}

const NOT_SCHEDULED: DeletionView = { scheduled: false, requestedAt: null, eraseAfter: null };

/** In the sign-in's transaction: a pending deletion is cancelled and the account restored (null: none was pending). */
export async function cancelDeletionOnSignIn(trx: Db, user: UserRow): Promise<UserRow | null> {
  const row = await trx.deleteFrom('account_deletions').where('user_id', '=', user.id).returning('previous_status').executeTakeFirst();
  if (!row) return null;
  // A moderator who banned the account meanwhile has the last word: only 'deactivated' goes back.
  const restored = await trx
    .updateTable('users')
    .set({ status: row.previous_status })
    .where('id', '=', user.id)
    .where('status', '=', 'deactivated')
    .returningAll()
    .executeTakeFirst();
  return restored ?? (await trx.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow());
}

export class DeletionService {
  constructor(
    private readonly deps: {
      db: Db;
      auth: AuthService;
      jobs: JobQueue;
      config: PrivacyRightsConfig;
      /** Caches that hold the account or its notes forget them (sessions, feeds, note cards). */
      onAccountChange: (userId: string) => Promise<void> | void;
      /** The account's own number, decrypted (the database holds only its ciphertext). */
      ownPhone: (user: UserRow) => Promise<string | null>;
    },
  ) {}

  async state(userId: string): Promise<DeletionView> {
    const row = await this.deps.db.selectFrom('account_deletions').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row ? { scheduled: true, requestedAt: row.requested_at.toISOString(), eraseAfter: row.erase_after.toISOString() } : NOT_SCHEDULED;
  }

  /** Sends a delete_account code to the account's own number (the same limits as sign-in codes). */
  async requestCode(user: UserRow, client: ClientContext) {
    return this.deps.auth.requestCode({ phone: (await this.deps.ownPhone(user)) ?? '', language: user.language }, client, 'delete_account');
  }

  /** Confirms with the code, deactivates the account, signs it out everywhere and schedules the erasure. */
  async schedule(user: UserRow, code: string, client: ClientContext): Promise<DeletionView> {
    const { db, auth, config } = this.deps;
    const { now } = client;
    if (user.status === 'deactivated') throw conflict('deletion_scheduled', 'Your account is already scheduled for deletion.');
    await auth.confirmActionCode((await this.deps.ownPhone(user)) ?? '', 'delete_account', code, client, config.deletionCodeMaxAgeSeconds);
    const eraseAfter = new Date(now.getTime() + config.deletionGraceDays * DAY_MS);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('account_deletions')
        .values({ user_id: user.id, requested_at: now, erase_after: eraseAfter, previous_status: user.status })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
      await trx.updateTable('users').set({ status: 'deactivated', updated_at: now }).where('id', '=', user.id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    });
    await this.deps.onAccountChange(user.id);
    return this.state(user.id);
  }

  /** Cancels a scheduled deletion (204 whether or not one was pending). */
  async cancel(userId: string): Promise<void> {
    const restored = await this.deps.db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
      return user ? cancelDeletionOnSignIn(trx, user) : null;
    });
    if (restored) await this.deps.onAccountChange(userId);
  }

  /** Periodic: enqueues the erasure of every account whose grace is over (again after an hour, if a job was lost). */
  async enqueueDue(now: Date): Promise<number> {
    const { db, jobs } = this.deps;
    return db.transaction().execute(async (trx) => {
      const due = await trx
        .updateTable('account_deletions')
        .set({ erasure_queued_at: now })
        .where('erase_after', '<=', now)
        .where((eb) => eb.or([eb('erasure_queued_at', 'is', null), eb('erasure_queued_at', '<', new Date(now.getTime() - 60 * 60 * 1000))]))
        .returning('user_id')
        .execute();
      for (const row of due) await jobs.send(trx, { type: 'erase-account', payload: { userId: row.user_id } });
      return due.length;
    });
  }

  /** The erasure job's guard: only accounts still scheduled and due are erased (a cancel wins). */
  async isDue(userId: string, now: Date): Promise<boolean> {
    const { rows } = await sql<{ due: boolean }>`
      select exists (select 1 from account_deletions where user_id = ${userId} and erase_after <= ${now}) as due`.execute(this.deps.db);
    return rows[0]?.due === true;
  }
}
