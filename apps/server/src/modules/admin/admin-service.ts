import type { Db } from '../../db/database.js';
import type { UserRole, UserRow } from '../../db/tables/users.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';
import { notFound } from '../../lib/errors.js';
import { normalizePhone } from '../accounts/phone-number.js';
import { maskPhone, phoneIndex } from '../accounts/phone-vault.js';
import { setUserRoleByPhoneIndex } from '../accounts/users-queries.js';

/** Grants or takes back a role by phone number (the operator knows numbers, not ids); found by blind index. */
export async function setRoleByPhone(db: Db, vault: PersonalDataVault, phoneInput: string, role: UserRole): Promise<UserRow> {
  const phone = normalizePhone(phoneInput);
  const user = await setUserRoleByPhoneIndex(db, phoneIndex(vault, phone.e164), role);
  // The message names the number only masked: errors end up in terminals, logs and tickets.
  if (!user) throw notFound('user_not_found', `No account uses ${maskPhone(phone.e164)}. Sign up with it first.`);
  return user;
}
