import type { Db } from '../../db/database.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Viewer } from '../accounts/sessions-service.js';
import { maskPhone, revealPhone } from '../accounts/phone-vault.js';
import { findUserById } from '../accounts/users-queries.js';
import { recordStaffAccess } from './staff-access.js';

export interface StaffPhoneView {
  userId: string;
  /** "+1 ••• ••• ••76"; null: the account has no number. */
  masked: string | null;
}

function requireStaff(viewer: Viewer): void {
  if (viewer.user.role !== 'admin' && viewer.user.role !== 'moderator') throw forbidden('Only moderators and administrators can do this.');
}

async function subjectOf(db: Db, userId: string) {
  const user = await findUserById(db, userId);
  if (!user) throw notFound('user_not_found', 'There is no such account.');
  return user;
}

/** What staff see by default: the masked number (not an access to log: it cannot be called). */
export async function maskedPhoneForStaff(db: Db, vault: PersonalDataVault, viewer: Viewer, userId: string): Promise<StaffPhoneView> {
  requireStaff(viewer);
  const user = await subjectOf(db, userId);
  return { userId, masked: maskPhone(await revealPhone(db, vault, user)) };
}

/**
 * The full number, for a stated reason. The log entry is written in the same
 * transaction before the number is decrypted: a reveal that is not recorded
 * never happens.
 */
export async function revealPhoneForStaff(
  db: Db,
  vault: PersonalDataVault,
  viewer: Viewer,
  input: { userId: string; reason: string; now: Date },
): Promise<StaffPhoneView & { phone: string | null }> {
  requireStaff(viewer);
  return db.transaction().execute(async (trx) => {
    const user = await subjectOf(trx, input.userId);
    await recordStaffAccess(trx, { staffId: viewer.user.id, subjectId: user.id, kind: 'phone_revealed', reason: input.reason, now: input.now });
    const phone = await revealPhone(trx, vault, user);
    return { userId: user.id, masked: maskPhone(phone), phone };
  });
}
