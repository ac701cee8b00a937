import type { Generated, Selectable } from 'kysely';

/** A strike against an account for an action on its content; appeals reverse them. */
export interface StrikesTable {
  id: Generated<string>;
  user_id: string;
  action_id: string;
  created_at: Date;
  expires_at: Date;
  reversed_at: Date | null;
}

export type StrikeRow = Selectable<StrikesTable>;
