import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ReportRow } from '../../db/tables/reports.js';
import type { Subject } from './labels-queries.js';

// Reports and the cases they join. A case is the one open queue entry of an
// item: the first report opens it, later ones raise its count and severity.

/** Opens the item's case or joins the open one; returns its id. */
export async function upsertOpenCase(
  db: Db,
  input: {
    subject: Subject;
    ownerId: string;
    kind: 'reports' | 'held';
    severity: number;
    rulebook: string | null;
    language: string | null;
    reports: number;
    now: Date;
  },
): Promise<string> {
  const rulebooks = input.rulebook ? [input.rulebook] : [];
  const { rows } = await sql<{ id: string }>`
    insert into moderation_cases (subject_type, subject_id, owner_id, kind, severity, report_count, rulebooks, language, opened_at, last_reported_at)
    values (${input.subject.type}, ${input.subject.id}, ${input.ownerId}, ${input.kind}, ${input.severity}, ${input.reports},
            ${sql.val(rulebooks)}::text[], ${input.language}, ${input.now}, ${input.reports > 0 ? input.now : null})
    on conflict (subject_type, subject_id) where status = 'open' do update set
      severity = greatest(moderation_cases.severity, excluded.severity),
      report_count = moderation_cases.report_count + excluded.report_count,
      rulebooks = array(select distinct unnest(moderation_cases.rulebooks || excluded.rulebooks) order by 1),
      last_reported_at = coalesce(excluded.last_reported_at, moderation_cases.last_reported_at)
    returning id`.execute(db);
  return String(rows[0]!.id);
}

/** The reporter's open report on the item, if any. */
export function openReportOf(db: Db, reporterId: string, subject: Subject): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('reporter_id', '=', reporterId)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Inserts an open report; undefined when the reporter already has one open on the item (a race lost). */
export function insertReport(
  db: Db,
  input: {
    reporterId: string;
    subject: Subject;
    noteId: string | null;
    category: string;
    country: string | null;
    details: string;
    rulebook: string;
    caseId: string;
    now: Date;
  },
): Promise<ReportRow | undefined> {
  return db
    .insertInto('reports')
    .values({
      reporter_id: input.reporterId,
      subject_type: input.subject.type,
      subject_id: input.subject.id,
      note_id: input.noteId,
      category: input.category,
      country: input.country,
      details: input.details,
      rulebook: input.rulebook,
      case_id: input.caseId,
      created_at: input.now,
    })
    .onConflict((oc) => oc.columns(['reporter_id', 'subject_type', 'subject_id']).where('status', '=', 'open').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function reportsPage(db: Db, reporterId: string, before: { at: Date; id: string } | undefined, limit: number): Promise<ReportRow[]> {
  let query = db.selectFrom('reports').selectAll().where('reporter_id', '=', reporterId);
  if (before) query = query.where(sql<boolean>`(created_at, id) < (${before.at}::timestamptz, ${before.id}::bigint)`);
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Resolves every open report of a case at once (the reporters follow the status). */
export async function resolveReportsOfCase(db: Db, caseId: string, status: 'action_taken' | 'no_violation', now: Date): Promise<number> {
  const result = await db
    .updateTable('reports')
    .set({ status, resolved_at: now })
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
