import type { ColumnType, Generated, Selectable } from 'kysely';

export type LabelSubject = 'note' | 'comment' | 'user';
export type LabelSource = 'screening' | 'moderator' | 'admin';

/** One label on one item, with its history: removing a label stamps removed_at, never deletes. */
export interface LabelsTable {
  id: Generated<string>;
  subject_type: LabelSubject;
  subject_id: string;
  label: string;
  /** null: in every rulebook. */
  rulebooks: string[] | null;
  source: LabelSource;
  reason: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: Date;
  removed_at: Date | null;
  removed_by: string | null;
}

export type LabelRow = Selectable<LabelsTable>;
