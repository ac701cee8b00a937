import type { Generated, Selectable } from 'kysely';

/** A statement of reasons (EU DSA Article 17) to the person an action affected. */
export interface StatementsTable {
  id: Generated<string>;
  action_id: string;
  user_id: string;
  facts: string;
  automated_detection: boolean;
  /** Countries where the restriction applies; null: everywhere. */
  territorial_scope: string[] | null;
  appeal_deadline: Date;
  reversed_at: Date | null;
  created_at: Date;
}

export type StatementRow = Selectable<StatementsTable>;
