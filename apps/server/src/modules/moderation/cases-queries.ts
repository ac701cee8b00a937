import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CaseKind, ModerationCaseRow } from '../../db/tables/moderation-cases.js';
import type { ModeratorScope } from './moderators.js';

// The review queue: open cases in priority order (severity, then how many
// people reported, then how fast the item is spreading: its impressions in the
// last 24 hours), within the moderator's scope.

export type QueueRow = ModerationCaseRow & { views_24h: number; reporters: number };

export interface QueueKey {
  severity: number;
  reports: number;
  views: number;
  id: string;
}

export async function queuePage(
  db: Db,
  input: { kind: CaseKind; scope: ModeratorScope; after: QueueKey | null; limit: number; now: Date },
): Promise<QueueRow[]> {
  const { scope, after } = input;
  const since = new Date(input.now.getTime() - 86_400_000);
  const { rows } = await sql<QueueRow>`
    select * from (
      select c.*,
        coalesce((select count(*) from events e where c.subject_type = 'note' and e.note_id = c.subject_id
                  and e.type = 'impression' and e.occurred_at > ${since}), 0)::int as views_24h,
        (select count(distinct r.reporter_id) from reports r where r.case_id = c.id)::int as reporters
      from moderation_cases c
      where c.status = 'open' and c.kind = ${input.kind}
        ${scope.rulebooks ? sql`and (c.rulebooks = '{}' or c.rulebooks && ${sql.val(scope.rulebooks)}::text[])` : sql``}
        ${scope.languages ? sql`and (c.language is null or c.language = any(${sql.val(scope.languages)}::text[]))` : sql``}
    ) q
    ${after ? sql`where (q.severity, q.report_count, q.views_24h, -q.id) < (${after.severity}, ${after.reports}, ${after.views}, ${-Number(after.id)})` : sql``}
    order by q.severity desc, q.report_count desc, q.views_24h desc, q.id asc
    limit ${input.limit + 1}`.execute(db);
  return rows.map((row) => ({ ...row, id: String(row.id), subject_id: String(row.subject_id), owner_id: String(row.owner_id) }));
}

export async function caseWithCounts(db: Db, caseId: string, now: Date): Promise<QueueRow | undefined> {
  const since = new Date(now.getTime() - 86_400_000);
  const { rows } = await sql<QueueRow>`
    select c.*,
      coalesce((select count(*) from events e where c.subject_type = 'note' and e.note_id = c.subject_id
                and e.type = 'impression' and e.occurred_at > ${since}), 0)::int as views_24h,
      (select count(distinct r.reporter_id) from reports r where r.case_id = c.id)::int as reporters
    from moderation_cases c where c.id = ${caseId}`.execute(db);
  const row = rows[0];
  return row && { ...row, id: String(row.id), subject_id: String(row.subject_id), owner_id: String(row.owner_id) };
}

/** Report counts per category of each case. */
export async function categoriesOf(db: Db, caseIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  if (caseIds.length === 0) return result;
  const rows = await db
    .selectFrom('reports')
    .select(['case_id', 'category', sql<number>`count(*)::int`.as('n')])
    .where('case_id', 'in', caseIds)
    .groupBy(['case_id', 'category'])
    .execute();
  for (const row of rows) {
    const key = String(row.case_id);
    result.set(key, { ...(result.get(key) ?? {}), [row.category]: row.n });
  }
  return result;
}
