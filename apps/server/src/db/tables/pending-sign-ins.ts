import type { ColumnType, Generated, Selectable } from 'kysely';

/** The SMS code was right and the account has a second factor: no session yet, a few minutes to give it. */
export interface PendingSignInsTable {
  id: Generated<string>;
  /** sha256 of the token the client holds; the token itself is never stored. */
  token_hash: Buffer;
  user_id: string;
  user_agent: string | null;
  ip: string | null;
  country: string | null;
  attempts: Generated<number>;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date;
}

export type PendingSignInRow = Selectable<PendingSignInsTable>;
