import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CaseKind, ModerationCaseRow } from '../../db/tables/moderation-cases.js';
import type { ModeratorScope } from './moderators.js';

// The review queue: open cases in priority order (severity, then how many
// people reported, then how fast the item is spreading), within the
// moderator's scope. Spread is kept on the case by a periodic task, so a
// queue page is one index scan, however full the queue is.

export interface QueueKey {
  severity: number;
  reports: number;
  spread: number;
  id: string;
}

const normalised = (row: ModerationCaseRow): ModerationCaseRow => ({
  ...row,
  id: String(row.id),
  subject_id: String(row.subject_id),
  owner_id: String(row.owner_id),
});

export async function queuePage(db: Db, input: { kind: CaseKind; scope: ModeratorScope; after: QueueKey | null; limit: number }): Promise<ModerationCaseRow[]> {
  const { scope, after } = input;
  let query = db.selectFrom('moderation_cases').selectAll().where('status', '=', 'open').where('kind', '=', input.kind);
  if (scope.rulebooks) query = query.where(sql<boolean>`(rulebooks = '{}' or rulebooks && ${sql.val(scope.rulebooks)}::text[])`);
  if (scope.languages) query = query.where(sql<boolean>`(language is null or language = any(${sql.val(scope.languages)}::text[]))`);
  if (after) {
    query = query.where(sql<boolean>`(severity, report_count, spread, -id) < (${after.severity}, ${after.reports}, ${after.spread}, ${-Number(after.id)})`);
  }
  const rows = await query
    .orderBy('severity', 'desc')
    .orderBy('report_count', 'desc')
    .orderBy('spread', 'desc')
    .orderBy('id', 'asc')
    .limit(input.limit + 1)
    .execute();
  return rows.map(normalised);
}

export async function findCase(db: Db, caseId: string): Promise<ModerationCaseRow | undefined> {
  const row = await db.selectFrom('moderation_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  return row && normalised(row);
}

/** Refreshes how fast each open case's note is spreading (impressions in the last 24 hours). */
export async function refreshSpread(db: Db, now: Date): Promise<number> {
  const result = await sql`
    update moderation_cases c set spread = coalesce(v.n, 0)
    from moderation_cases o
    left join lateral (
      select count(*)::int as n from events e
      where o.subject_type = 'note' and e.note_id = o.subject_id and e.type = 'impression' and e.occurred_at > ${new Date(now.getTime() - 86_400_000)}
    ) v on true
    where c.id = o.id and o.status = 'open' and c.spread is distinct from coalesce(v.n, 0)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
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
