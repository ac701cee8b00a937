import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { decodeCursor, type Page, pageOf } from '../../db/pagination.js';
import type { AppealRow } from '../../db/tables/appeals.js';
import type { ModerationActionRow } from '../../db/tables/moderation-actions.js';
import type { StatementRow } from '../../db/tables/statements.js';
import { presentUserSummary, type UserSummary } from '../../kernel/user-summary.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import type { ActionsService } from './actions-service.js';
import { usersById } from './cases-service.js';
import type { ModeratorScope } from './moderators.js';

// Statements of reasons (EU DSA Article 17) and appeals. The person an action
// affected reads why, where, on which rule, whether a machine was involved and
// how to appeal; they may appeal once within 30 days. A moderator other than
// the one who acted decides; upholding the appeal reverses the action.

const APPEAL_TEXT_MAX = 2000;
const statementNotFound = () => notFound('statement_not_found', 'There is no such decision about you.');
const appealNotFound = () => notFound('appeal_not_found', 'There is no such appeal.');

type StatementJoin = StatementRow & { action_row: ModerationActionRow; title: string | null };

export function presentAppeal(row: AppealRow) {
  return {
    id: String(row.id),
    statementId: String(row.statement_id),
    text: row.text,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    reason: row.reason,
  };
}

function presentStatement(row: StatementJoin, appeal: AppealRow | undefined) {
  const action = row.action_row;
  return {
    id: String(row.id),
    createdAt: row.created_at.toISOString(),
    subject: { type: action.subject_type, id: String(action.subject_id), title: row.title ?? '' },
    decision: action.action,
    label: action.label,
    rulebooks: action.rulebooks,
    territorialScope: row.territorial_scope,
    facts: row.facts,
    rule: action.rule,
    automatedDetection: row.automated_detection,
    automatedDecision: action.automated,
    suspendedUntil:
      action.action === 'suspend' && action.duration_hours ? new Date(action.created_at.getTime() + action.duration_hours * 3_600_000).toISOString() : null,
    appealDeadline: row.appeal_deadline.toISOString(),
    reversed: row.reversed_at !== null,
    appeal: appeal ? presentAppeal(appeal) : null,
  };
}

export type StatementView = ReturnType<typeof presentStatement>;

export class AppealsService {
  constructor(
    private readonly db: Db,
    private readonly actions: ActionsService,
  ) {}

  private async statements(where: { userId?: string; ids?: string[]; before?: { at: Date; id: string } }, limit: number): Promise<StatementJoin[]> {
    const { rows } = await sql<StatementRow & { action_json: ModerationActionRow; title: string | null }>`
      select s.*, to_jsonb(a) as action_json,
        case a.subject_type
          when 'note' then (select title from notes where id = a.subject_id)
          when 'comment' then (select left(body, 80) from comments where id = a.subject_id)
          else (select display_name from users where id = a.subject_id) end as title
      from statements s join moderation_actions a on a.id = s.action_id
      where true
        ${where.userId ? sql`and s.user_id = ${where.userId}` : sql``}
        ${where.ids ? sql`and s.id = any(${sql.val(where.ids)}::bigint[])` : sql``}
        ${where.before ? sql`and (s.created_at, s.id) < (${where.before.at}::timestamptz, ${where.before.id}::bigint)` : sql``}
      order by s.created_at desc, s.id desc
      limit ${limit + 1}`.execute(this.db);
    return rows.map(({ action_json, ...row }) => ({
      ...row,
      id: String(row.id),
      created_at: new Date(row.created_at),
      appeal_deadline: new Date(row.appeal_deadline),
      reversed_at: row.reversed_at ? new Date(row.reversed_at) : null,
      action_row: { ...action_json, id: String(action_json.id), created_at: new Date(action_json.created_at) },
    }));
  }

  private async appealsOf(statementIds: string[]): Promise<Map<string, AppealRow>> {
    if (statementIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('appeals').selectAll().where('statement_id', 'in', statementIds).execute();
    return new Map(rows.map((row) => [String(row.statement_id), row]));
  }

  async mine(userId: string, cursor: string | undefined, limit: number): Promise<Page<StatementView>> {
    const before = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : undefined;
    const rows = await this.statements({ userId, before: before && { at: before[0], id: before[1] } }, limit);
    const appeals = await this.appealsOf(rows.map((row) => row.id));
    return pageOf(
      rows,
      limit,
      (row) => presentStatement(row, appeals.get(row.id)),
      (row) => [row.created_at.toISOString(), row.id],
    );
  }

  async one(userId: string, statementId: string): Promise<StatementView> {
    const [row] = await this.statements({ userId, ids: [statementId] }, 1);
    if (!row) throw statementNotFound();
    return presentStatement(row, (await this.appealsOf([row.id])).get(row.id));
  }

  async appeal(userId: string, statementId: string, text: string, now: Date) {
    const body = text.trim();
    if (!body || [...body].length > APPEAL_TEXT_MAX) throw badRequest('appeal_text_invalid', `Say why, in 1 to ${APPEAL_TEXT_MAX} characters.`);
    const statement = await this.one(userId, statementId);
    if (statement.reversed) throw conflict('not_appealable', 'This decision was already reversed.');
    if (statement.appeal) throw conflict('appeal_exists', 'You already appealed this decision.');
    if (now.getTime() > Date.parse(statement.appealDeadline)) throw new AppError(410, 'appeal_window_closed', 'The 30 days to appeal this decision are over.');
    const row = await this.db
      .insertInto('appeals')
      .values({ statement_id: statementId, user_id: userId, text: body, created_at: now })
      .onConflict((oc) => oc.column('statement_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw conflict('appeal_exists', 'You already appealed this decision.');
    return presentAppeal(row);
  }

  /** Open appeals for this moderator: never those on their own decisions. */
  async queue(scope: ModeratorScope, cursor: string | undefined, limit: number) {
    const before = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : undefined;
    let query = this.db
      .selectFrom('appeals as p')
      .innerJoin('statements as s', 's.id', 'p.statement_id')
      .innerJoin('moderation_actions as a', 'a.id', 's.action_id')
      .selectAll('p')
      .select(['a.moderator_id'])
      .where('p.status', '=', 'open')
      .where((eb) => eb.or([eb('a.moderator_id', 'is', null), eb('a.moderator_id', '<>', scope.userId)]));
    if (before) query = query.where(sql<boolean>`(p.created_at, p.id) > (${before[0]}::timestamptz, ${before[1]}::bigint)`);
    const rows = await query
      .orderBy('p.created_at')
      .orderBy('p.id')
      .limit(limit + 1)
      .execute();
    const statements = await this.statements({ ids: rows.map((row) => String(row.statement_id)) }, rows.length);
    const byId = new Map(statements.map((row) => [row.id, row]));
    const people = await usersById(
      this.db,
      rows.map((row) => row.moderator_id),
    );
    return pageOf(
      rows,
      limit,
      (row) => {
        const moderator = row.moderator_id ? people.get(String(row.moderator_id)) : undefined;
        return {
          appeal: presentAppeal(row),
          statement: presentStatement(byId.get(String(row.statement_id))!, row),
          actedBy: (moderator ? presentUserSummary(moderator) : null) as UserSummary | null,
        };
      },
      (row) => [row.created_at.toISOString(), row.id],
    );
  }

  async decide(scope: ModeratorScope, appealId: string, outcome: 'upheld' | 'rejected', reason: string, now: Date) {
    const text = reason.trim();
    if (!text || [...text].length > APPEAL_TEXT_MAX) throw badRequest('reason_invalid', `Give the reasons, 1 to ${APPEAL_TEXT_MAX} characters.`);
    const row = await this.db
      .selectFrom('appeals as p')
      .innerJoin('statements as s', 's.id', 'p.statement_id')
      .innerJoin('moderation_actions as a', 'a.id', 's.action_id')
      .selectAll('a')
      .select(['p.status as appeal_status'])
      .where('p.id', '=', appealId)
      .executeTakeFirst();
    if (!row) throw appealNotFound();
    if (row.moderator_id !== null && String(row.moderator_id) === scope.userId) {
      throw new AppError(403, 'own_decision', 'Someone other than the moderator who acted decides the appeal.');
    }
    if (row.appeal_status !== 'open') throw conflict('appeal_decided', 'This appeal was already decided.');
    const { appeal_status: _status, ...action } = row;
    const actor = { moderatorId: scope.userId, admin: scope.admin };
    const decided = await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('appeals')
        .set({ status: outcome, decided_by: scope.userId, decided_at: now, reason: text })
        .where('id', '=', appealId)
        .where('status', '=', 'open')
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw conflict('appeal_decided', 'This appeal was already decided.');
      const actions = this.actions.within(trx);
      if (outcome === 'upheld') await actions.reverse(action, actor, text, now);
      else {
        await actions.audit({
          caseId: action.case_id,
          action: 'appeal_rejected',
          subject: { type: action.subject_type, id: String(action.subject_id) },
          ownerId: action.owner_id,
          label: action.label,
          rulebooks: action.rulebooks,
          rule: action.rule,
          reason: text,
          durationHours: null,
          moderatorId: scope.userId,
          reverses: null,
          now,
        });
      }
      return updated;
    });
    if (outcome === 'upheld') this.actions.changed(action);
    return presentAppeal(decided);
  }
}
