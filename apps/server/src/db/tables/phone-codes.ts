import type { ColumnType, Generated, Selectable } from 'kysely';

export interface PhoneCodesTable {
  id: Generated<string>;
  /** The number's blind index (never the number: see personal-data-vault.ts). */
  phone_index: Buffer;
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
