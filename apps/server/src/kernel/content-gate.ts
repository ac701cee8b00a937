import type { Db } from '../db/database.js';
import type { UserRow } from '../db/tables/users.js';

// What stands between someone's text and everyone else: notes, comments and
// profiles pass it on every write. `check` runs before anything is written
// (it refuses accounts that may not post and text the rules reject); `screen`
// runs inside the write's transaction (it labels or holds the new item, so a
// held item is never visible for a moment). The moderation module provides it.

export type GatedKind = 'note' | 'comment' | 'user';

export interface WrittenItem {
  subject: { type: GatedKind; id: string };
  author: UserRow;
  text: string;
  isNew: boolean;
}

export interface ContentGate {
  check(author: UserRow, text: string, kind: GatedKind, now: Date): void;
  screen(trx: Db, item: WrittenItem, now: Date): Promise<void>;
}

/** No moderation (offline tools, unit tests of other modules). */
export const OPEN_GATE: ContentGate = {
  check() {},
  async screen() {},
};
