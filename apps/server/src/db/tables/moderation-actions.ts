import type { Generated, Selectable } from 'kysely';
import type { LabelSubject } from './labels.js';

export type ModerationActionKind =
  | 'label'
  | 'limit'
  | 'restrict'
  | 'remove'
  | 'warn'
  | 'suspend'
  | 'ban'
  | 'hold'
  | 'approve'
  | 'dismiss'
  | 'reverse'
  | 'appeal_rejected';

/** The audit log: append-only (a trigger refuses updates and deletes). */
export interface ModerationActionsTable {
  id: Generated<string>;
  case_id: string | null;
  action: ModerationActionKind;
  subject_type: LabelSubject;
  subject_id: string;
  owner_id: string | null;
  label: string | null;
  /** null: everywhere. */
  rulebooks: string[] | null;
  /** The policy rule (or law) the action applies. */
  rule: string;
  reason: string;
  duration_hours: number | null;
  automated: Generated<boolean>;
  moderator_id: string | null;
  reverses_action_id: string | null;
  created_at: Date;
}

export type ModerationActionRow = Selectable<ModerationActionsTable>;
