import type { Selectable } from 'kysely';

/** A moderator's scope: the rulebooks and content languages they review (null: all). */
export interface ModeratorsTable {
  user_id: string;
  rulebooks: string[] | null;
  languages: string[] | null;
  granted_by: string | null;
  granted_at: Date;
}

export type ModeratorRow = Selectable<ModeratorsTable>;
