import type { ColumnType, Generated, Selectable } from 'kysely';

export interface SessionsTable {
  /** Public id, used to list and revoke sessions; the secret token is never stored. */
  id: Generated<string>;
  /** sha256 of the cookie's token. */
  token_hash: Buffer;
  user_id: string;
  user_agent: string | null;
  ip: string | null;
  created_at: ColumnType<Date, Date, never>;
  last_seen_at: Date;
  expires_at: Date;
}

export type SessionRow = Selectable<SessionsTable>;
