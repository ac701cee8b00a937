import type { Db } from '../../db/database.js';
import type { UserRole, UserRow } from '../../db/tables/users.js';
import { notFound } from '../../lib/errors.js';
import { normalizePhone } from '../accounts/phone-number.js';
import { setUserRoleByPhone } from '../accounts/users-queries.js';

/** Grants or takes back a role by phone number (the operator knows numbers, not ids). */
export async function setRoleByPhone(db: Db, phoneInput: string, role: UserRole): Promise<UserRow> {
  const phone = normalizePhone(phoneInput);
  const user = await setUserRoleByPhone(db, phone.e164, role);
  if (!user) throw notFound('user_not_found', `No account uses ${phone.e164}. Sign up with it first.`);
  return user;
}
