import type { ColumnType, Generated, Selectable } from 'kysely';

/** A named collection of collected notes (RedNote's 收藏夹). */
export interface BoardsTable {
  id: Generated<string>;
  owner_id: string;
  name: string;
  is_private: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date, never>;
}

export type BoardRow = Selectable<BoardsTable>;
