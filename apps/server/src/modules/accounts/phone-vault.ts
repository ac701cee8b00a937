import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Db } from '../../db/database.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';

// The accounts module's use of the vault: a phone number is sealed under its
// owner's data key and found by its blind index; nothing else is ever stored.

export const PHONE_FIELD = 'users.phone';

export function phoneIndex(vault: PersonalDataVault, e164: string): Buffer {
  return vault.blindIndex('phone', e164);
}

/** The user's number in the clear (for them, the SMS sender, or a logged staff reveal); null without one. */
export async function revealPhone(db: Db, vault: PersonalDataVault, user: { id: string; phone_ciphertext: Buffer | null }): Promise<string | null> {
  return vault.openField(db, user.id, PHONE_FIELD, user.phone_ciphertext);
}

/**
 * "+1 ••• ••• ••76": the calling code and the last two digits, enough for staff to tell
 * two accounts apart or for a person to recognise their number, never enough to call it.
 */
export function maskPhone(e164: string | null): string | null {
  if (!e164) return null;
  const digits = e164.replace(/\D/g, '');
  const callingCode = parsePhoneNumberFromString(e164)?.countryCallingCode ?? digits.slice(0, 1);
  return `+${callingCode} ••• ••• ••${digits.slice(-2)}`;
}
