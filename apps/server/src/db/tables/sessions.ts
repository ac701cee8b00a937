import type { ColumnType, Generated, Selectable } from 'kysely';

export interface SessionsTable {
  /** Public id, used to list and revoke sessions; the secret token is never stored. */
  id: Generated<string>;
  /** sha256 of the cookie's token. */
  token_hash: Buffer;
  user_id: string;
  user_agent: string | null;
  ip: string | null;
  /** Parsed from the user agent when the session started ("iPhone", "Windows"…). */
  device: string | null;
  browser: string | null;
  /** ISO 3166-1 alpha-2 from the edge's country header, when one is configured. */
  country: string | null;
  /** The IP has been cut to its /24 or /48 (privacy: full addresses are kept 7 days). */
  ip_truncated: Generated<boolean>;
  created_at: ColumnType<Date, Date, never>;
  last_seen_at: Date;
  expires_at: Date;
}

export type SessionRow = Selectable<SessionsTable>;
