import type { ColumnType, Generated, Selectable } from 'kysely';

export type StaffAccessKind = 'phone_revealed' | 'export_opened';

/** Append-only (a trigger refuses updates): each time staff looked at a person's private data, and why. */
export interface StaffAccessLogTable {
  id: Generated<string>;
  /** null once the staff account itself was deleted; the entry stays for the person. */
  staff_id: ColumnType<string | null, string, never>;
  subject_id: ColumnType<string, string, never>;
  kind: ColumnType<StaffAccessKind, StaffAccessKind, never>;
  /** 5–500 characters, e.g. "report #812". */
  reason: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date, never>;
}

export type StaffAccessRow = Selectable<StaffAccessLogTable>;
