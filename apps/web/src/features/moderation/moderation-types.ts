/** Shapes of the moderator console's API (docs/moderation-api.md, "Moderation"). */
import type { UserSummary } from '../notes/note-types';
import type { Appeal, Statement, Subject } from '../reports/report-types';

export interface Rulebook {
  name: string;
  /** ISO 3166-1 alpha-2 countries whose viewers use it (empty for `default`). */
  countries: string[];
  hide: string[];
  warn: string[];
  adult: string[];
}

export interface ModerationPolicy {
  /** The vocabulary plus the operator's own labels. */
  labels: string[];
  rulebooks: Rulebook[];
  /** The policy rules an action may cite, e.g. community-guidelines/spam. */
  rules: string[];
  /** Absent from servers that predate it; the console then offers its own list. */
  actions?: string[];
}

export type QueueKind = 'reports' | 'held';

export interface QueueItem {
  id: string;
  subject: Subject;
  kind: QueueKind;
  status?: 'open' | 'closed';
  severity: number;
  reportCount: number;
  reporters: number;
  /** Reports per category. */
  categories: Record<string, number>;
  views24h: number;
  /** The reporters' rulebooks. */
  rulebooks?: string[];
  openedAt: string;
  claimedBy: UserSummary | null;
  preview: { title: string; text: string; language: string | null; author: UserSummary | null };
}

export interface LabelView {
  label: string;
  /** null: everywhere. */
  rulebooks: string[] | null;
  source: string;
  reason: string;
  createdAt: string;
}

export interface ModerationAction {
  id: string;
  caseId: string | null;
  /** An ActionName, or 'hold' / 'reverse' / 'appeal_rejected' in the log. */
  action: string;
  subject: Subject;
  label: string | null;
  rulebooks: string[] | null;
  rule: string;
  reason: string;
  durationHours?: number | null;
  automated: boolean;
  moderator: UserSummary | null;
  createdAt: string;
  reverses: string | null;
}

export interface CaseDetail extends QueueItem {
  item: {
    title: string;
    text: string;
    language: string | null;
    /** The note concerned (a comment's note); null for an account. */
    noteId?: string | null;
    images: { url: string; alt: string }[];
    createdAt: string;
    state: string;
    limited: boolean;
    labels: LabelView[];
  } | null;
  /** The item machine-translated into the moderator's UI language; null when not needed or unavailable. */
  translation: { language: string; title: string; text: string; provider?: string } | null;
  author: (UserSummary & { createdAt: string; status: string; suspendedUntil?: string | null; strikes: number; notes: number }) | null;
  history: ModerationAction[];
  reports: { id: string; category: string; country: string | null; details: string; rulebook?: string; reporter: UserSummary | null; createdAt: string }[];
}

export const ACTION_NAMES = ['label', 'limit', 'restrict', 'remove', 'warn', 'suspend', 'ban', 'approve', 'dismiss'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export interface ActionInput {
  action: ActionName;
  label?: string;
  /** null or absent: everywhere. */
  rulebooks?: string[] | null;
  rule: string;
  reason: string;
  durationHours?: number;
}

export interface AppealQueueItem {
  appeal: Appeal;
  statement: Statement;
  actedBy: UserSummary | null;
}
