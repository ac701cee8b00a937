import type { ColumnType, Generated, Selectable } from 'kysely';
import type { LabelSubject } from './labels.js';

export type ReportStatus = 'open' | 'action_taken' | 'no_violation';

/** Someone's report on a note, comment or account; one open report per reporter and item. */
export interface ReportsTable {
  id: Generated<string>;
  reporter_id: string;
  subject_type: ColumnType<LabelSubject, LabelSubject | undefined, LabelSubject>;
  subject_id: string;
  /** The note concerned (the note itself, or a reported comment's note); null for accounts. */
  note_id: string | null;
  /** A label, 'illegal' (with country) or 'other' (with details). */
  category: string;
  country: string | null;
  details: ColumnType<string, string | undefined, string>;
  /** The reporter's rulebook at the time. */
  rulebook: ColumnType<string, string | undefined, string>;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  case_id: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

export type ReportRow = Selectable<ReportsTable>;
