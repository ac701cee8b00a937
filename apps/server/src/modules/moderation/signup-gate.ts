import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import { HELD_SEVERITY } from './moderation-rules.js';
import { upsertOpenCase } from './reports-queries.js';

// Flood defence: a platform whose moderators have been away for days cannot
// keep its doors wide open. While no person has taken a moderation action for
// `idleDays`, new accounts start as `pending` (they read, but post only once a
// moderator approves them from the held queue). 0 days turns this off.

export class SignupGate {
  constructor(private readonly idleDays: number) {}

  /** Whether sign-ups need approval right now. */
  async approvalNeeded(db: Db, now: Date): Promise<boolean> {
    if (this.idleDays <= 0) return false;
    // The last person to act, or (nobody ever has) the platform's first day.
    const { rows } = await sql<{ since: Date | null }>`
      select coalesce(
        (select max(created_at) from moderation_actions where moderator_id is not null),
        (select min(created_at) from users)) as since`.execute(db);
    const since = rows[0]?.since;
    return since !== null && since !== undefined && now.getTime() - new Date(since).getTime() > this.idleDays * 86_400_000;
  }

  /** Called in the sign-up's transaction for a brand-new account; returns it as stored. */
  async admit(trx: Db, user: UserRow, now: Date): Promise<UserRow> {
    if (!(await this.approvalNeeded(trx, now))) return user;
    const pending = await trx.updateTable('users').set({ status: 'pending' }).where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
    await upsertOpenCase(trx, {
      subject: { type: 'user', id: user.id },
      ownerId: user.id,
      kind: 'held',
      severity: HELD_SEVERITY,
      rulebook: null,
      language: null,
      reports: 0,
      now,
    });
    return pending;
  }
}
