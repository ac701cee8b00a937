import type { ColumnType, Generated, Selectable } from 'kysely';

export type CodePurpose = 'sign_in' | 'delete_account';

export interface PhoneCodesTable {
  id: Generated<string>;
  /** The number's blind index (never the number: see personal-data-vault.ts). */
  phone_index: Buffer;
  /** sign_in codes sign in; a delete_account code only confirms a deletion. */
  purpose: ColumnType<CodePurpose, CodePurpose | undefined, never>;
  /** HMAC-SHA256(secret, phone:code); the code itself is never stored. */
  code_hash: Buffer;
  attempts: ColumnType<number, number | undefined, number>;
  ip: string | null;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date;
  /** Set when the right code was entered; a code works once. */
  consumed_at: Date | null;
}

export type PhoneCodeRow = Selectable<PhoneCodesTable>;
