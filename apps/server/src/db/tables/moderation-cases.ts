import type { ColumnType, Generated, Selectable } from 'kysely';
import type { LabelSubject } from './labels.js';

export type CaseKind = 'reports' | 'held';

/** One queue entry per item under review; every report on the item while it is open joins it. */
export interface ModerationCasesTable {
  id: Generated<string>;
  subject_type: LabelSubject;
  subject_id: string;
  owner_id: string;
  kind: CaseKind;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  severity: ColumnType<number, number | undefined, number>;
  report_count: ColumnType<number, number | undefined, number>;
  /** Impressions in the last 24 hours (notes), refreshed every minute. */
  spread: ColumnType<number, number | undefined, number>;
  rulebooks: ColumnType<string[], string[] | undefined, string[]>;
  language: string | null;
  opened_at: Date;
  last_reported_at: Date | null;
  claimed_by: string | null;
  claimed_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
}

export type ModerationCaseRow = Selectable<ModerationCasesTable>;
