import type { ColumnType, Selectable } from 'kysely';

/** An account's authenticator-app seed, sealed under the person's data key (kernel/vault); confirmed once a first code matched. */
export interface UserTotpTable {
  user_id: string;
  secret_sealed: Buffer;
  created_at: ColumnType<Date, Date, never>;
  confirmed_at: Date | null;
  /** The newest 30-second step a code was accepted for: that step and older ones are refused (replay). */
  last_step: ColumnType<string | null, number | null, number | null>;
}

export type UserTotpRow = Selectable<UserTotpTable>;
