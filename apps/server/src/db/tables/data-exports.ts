import type { ColumnType, Generated, Selectable } from 'kysely';

export type ExportState = 'queued' | 'building' | 'ready' | 'failed';

export interface DataExportsTable {
  id: Generated<string>;
  user_id: string;
  state: ColumnType<ExportState, ExportState | undefined, ExportState>;
  /** 0–100, written by the job as it goes (the settings page draws a progress bar). */
  progress: ColumnType<number, number | undefined, number>;
  /** Media storage key of the finished zip. */
  storage_key: string | null;
  size_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: ColumnType<Date, Date, never>;
  finished_at: Date | null;
  /** The download link stops working, and the zip is deleted, after this. */
  expires_at: Date;
}

export type DataExportRow = Selectable<DataExportsTable>;
