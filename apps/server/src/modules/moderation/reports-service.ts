import type { ModerationPolicy } from '../../config/moderation-policy.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, type Page, pageOf } from '../../db/pagination.js';
import type { ReportRow } from '../../db/tables/reports.js';
import type { SignedInContext } from '../../kernel/viewer-context.js';
import { decideProfile } from '../../kernel/visibility.js';
import { badRequest } from '../../lib/errors.js';
import { recordSignals } from '../recommender/signals.js';
import { reachableNote, userNotFound, visibleComment } from '../social/note-access.js';
import type { Subject } from './labels-queries.js';
import { REPORT_EXTRA_CATEGORIES, severityOf } from './moderation-rules.js';
import { insertReport, openReportOf, reportsPage, upsertOpenCase } from './reports-queries.js';
import { subjectFacts, subjectNotFound } from './subjects.js';

// Anyone may report what they can see. A report joins the item's open case (a
// surge of reports is one queue entry), is stored once per reporter and item
// while open, and tells the recommender in the same transaction. The reporter
// follows its status: received, then action taken or no violation.

export interface ReportInput {
  subject: Subject;
  category: string;
  country?: string;
  details?: string;
}

export type ReportStatusView = 'received' | 'action_taken' | 'no_violation';

export interface ReportView {
  id: string;
  subject: Subject;
  category: string;
  country: string | null;
  details: string;
  status: ReportStatusView;
  createdAt: string;
  resolvedAt: string | null;
}

const DETAILS_MAX = 1000;

export function presentReport(row: ReportRow): ReportView {
  return {
    id: row.id,
    subject: { type: row.subject_type, id: String(row.subject_id) },
    category: row.category,
    country: row.country,
    details: row.details,
    status: row.status === 'open' ? 'received' : row.status,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}

export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly policy: ModerationPolicy,
  ) {}

  /** Returns the report and whether it is new (false: the reporter's open report on the item). */
  async report(context: SignedInContext, input: ReportInput, now: Date): Promise<{ report: ReportView; created: boolean }> {
    const { category, country, details } = this.validated(input);
    await this.assertVisible(context, input.subject);
    const facts = await subjectFacts(this.db, input.subject);
    if (!facts) throw subjectNotFound(input.subject.type);
    if (facts.ownerId === context.viewerId) throw badRequest('cannot_report_self', 'You cannot report your own content.');
    const existing = await openReportOf(this.db, context.viewerId, input.subject);
    if (existing) return { report: presentReport(existing), created: false };

    const row = await this.db.transaction().execute(async (trx) => {
      const caseId = await upsertOpenCase(trx, {
        subject: input.subject,
        ownerId: facts.ownerId,
        kind: 'reports',
        severity: severityOf(category),
        rulebook: context.rulebook.name,
        language: facts.language,
        reports: 1,
        now,
      });
      const inserted = await insertReport(trx, {
        reporterId: context.viewerId,
        subject: input.subject,
        noteId: facts.noteId,
        category,
        country,
        details,
        rulebook: context.rulebook.name,
        caseId,
        now,
      });
      if (!inserted) return undefined;
      if (input.subject.type === 'note') await recordSignals(trx, [{ userId: context.viewerId, noteId: input.subject.id, type: 'report', at: now }]);
      return inserted;
    });
    // Lost a race with the same reporter's other request: answer with the report that won.
    if (!row) {
      const winner = await openReportOf(this.db, context.viewerId, input.subject);
      if (!winner) throw subjectNotFound(input.subject.type);
      return { report: presentReport(winner), created: false };
    }
    return { report: presentReport(row), created: true };
  }

  async mine(reporterId: string, cursor: string | undefined, limit: number): Promise<Page<ReportView>> {
    const before = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : undefined;
    const rows = await reportsPage(this.db, reporterId, before && { at: before[0], id: before[1] }, limit);
    return pageOf(rows, limit, presentReport, (row) => [row.created_at.toISOString(), row.id]);
  }

  private validated(input: ReportInput): { category: string; country: string | null; details: string } {
    const categories = [...this.policy.labels, ...REPORT_EXTRA_CATEGORIES];
    if (!categories.includes(input.category)) {
      throw badRequest('category_invalid', `Choose one of: ${categories.join(', ')}.`);
    }
    const details = (input.details ?? '').trim();
    if ([...details].length > DETAILS_MAX) throw badRequest('details_too_long', `Details are at most ${DETAILS_MAX} characters.`);
    const country = input.country?.trim().toUpperCase() || null;
    if (country !== null && !/^[A-Z]{2}$/.test(country)) throw badRequest('country_invalid', 'A country is its ISO 3166-1 alpha-2 code, e.g. DE.');
    if (input.category === 'illegal' && !country) throw badRequest('country_required', 'Say in which country this is illegal.');
    if (input.category === 'other' && !details) throw badRequest('details_required', 'Say what is wrong with it.');
    return { category: input.category, country: input.category === 'illegal' ? country : null, details };
  }

  /** Only what the reporter can see may be reported (the same 404 as every other path otherwise). */
  private async assertVisible(context: SignedInContext, subject: Subject): Promise<void> {
    if (subject.type === 'note') await reachableNote(this.db, subject.id, context);
    else if (subject.type === 'comment') await visibleComment(this.db, subject.id, context);
    else {
      const user = await this.db.selectFrom('users').select(['id', 'handle', 'labels', 'status']).where('id', '=', subject.id).executeTakeFirst();
      if (!user || user.handle === null || !decideProfile(user, context).visible) throw userNotFound();
    }
  }
}
