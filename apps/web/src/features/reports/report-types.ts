/** Shapes of the trust-and-safety API a person sees (docs/moderation-api.md): reports, statements, appeals. */

export type SubjectType = 'note' | 'comment' | 'user';

/** What a report or a decision is about. */
export interface Subject {
  type: SubjectType;
  id: string;
}

export type ReportStatus = 'received' | 'action_taken' | 'no_violation';

export interface Report {
  id: string;
  subject: Subject;
  /** A label, 'illegal' (with `country`) or 'other' (with `details`). */
  category: string;
  country: string | null;
  details: string;
  status: ReportStatus;
  createdAt: string;
  resolvedAt: string | null;
}

export interface ReportInput {
  subject: Subject;
  category: string;
  country?: string;
  details?: string;
}

export type AppealStatus = 'open' | 'upheld' | 'rejected';

export interface Appeal {
  id: string;
  statementId: string;
  text: string;
  /** upheld: the person was right and the action is reversed. */
  status: AppealStatus;
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
}

export type Decision = 'label' | 'limit' | 'restrict' | 'remove' | 'warn' | 'suspend' | 'ban' | 'hold';

/** A statement of reasons: the fields of the EU DSA, Article 17. */
export interface Statement {
  id: string;
  createdAt: string;
  subject: Subject & { title: string };
  /** One of Decision; a string so a newer server's decision still renders. */
  decision: string;
  label: string | null;
  rulebooks: string[] | null;
  territorialScope: string[] | null;
  facts: string;
  rule: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  suspendedUntil: string | null;
  appealDeadline: string;
  reversed: boolean;
  appeal: Appeal | null;
}
