import type { Generated, Selectable } from 'kysely';

/** Single-use codes for a lost phone: shown once, stored as keyed hashes. */
export interface TotpRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: Buffer;
  used_at: Date | null;
}

export type TotpRecoveryCodeRow = Selectable<TotpRecoveryCodesTable>;
