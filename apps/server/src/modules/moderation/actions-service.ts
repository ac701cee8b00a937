import type { ModerationPolicy } from '../../config/moderation-policy.js';
import { RESTRICTED_LABEL } from '../../config/moderation-policy.js';
import type { Db } from '../../db/database.js';
import type { ModerationActionKind, ModerationActionRow } from '../../db/tables/moderation-actions.js';
import type { ModerationCaseRow } from '../../db/tables/moderation-cases.js';
import type { ModerationState } from '../../kernel/visibility.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { addToNoteCounter } from '../counters/note-counters.js';
import { addLabel, removeLabel, type Subject } from './labels-queries.js';
import { assertInScope, type ModeratorScope } from './moderators.js';
import { type ActionName, APPEAL_DAYS, ENFORCING_ACTIONS, MAX_SUSPENSION_HOURS, policyRules, STRIKE_DAYS, STRIKING_ACTIONS } from './moderation-rules.js';
import { resolveReportsOfCase } from './reports-queries.js';
import { type SubjectFacts, setAccountStatus, setModerationState, setReachLimited, subjectFacts, subjectNotFound } from './subjects.js';

// What a moderator (or the screening job) does to an item, and undoing it when
// an appeal is upheld. One transaction per action: the effect on the item
// (labels, state, reach, account status), the audit row, the strike, the
// statement of reasons to the person affected, the reporters' report status
// and the case's closing. Caches are told after the commit, so every read path
// and the recommender see the change on the next request.

export interface ActionInput {
  /** hold: the screening job keeps a new item back for review. */
  action: ActionName | 'hold';
  label?: string;
  rulebooks?: string[] | null;
  rule: string;
  reason: string;
  durationHours?: number;
}

export interface Actor {
  /** null: the automated screening. */
  moderatorId: string | null;
  admin: boolean;
}

/** Told after a commit which item (and whose account) changed, to forget cached copies. */
export type ModerationListener = (change: { subject: Subject; ownerId: string | null }) => void;

const REASON_MAX = 2000;
export const caseNotFound = () => notFound('case_not_found', 'This case does not exist.');

export class ActionsService {
  constructor(
    private readonly db: Db,
    private readonly policy: ModerationPolicy,
    private readonly onChange: ModerationListener = () => {},
  ) {}

  /** A moderator's decision on an open case. */
  async act(scope: ModeratorScope, caseId: string, input: ActionInput, now: Date): Promise<ModerationActionRow> {
    const item = await this.db.selectFrom('moderation_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!item) throw caseNotFound();
    assertInScope(scope, item);
    if (item.status !== 'open') throw conflict('case_closed', 'This case was already decided.');
    if (item.claimed_by && item.claimed_by !== scope.userId) throw conflict('case_claimed', 'Another moderator is working on this case.');
    this.validate(input, item);
    const facts = await subjectFacts(this.db, { type: item.subject_type, id: String(item.subject_id) });
    if (!facts) throw subjectNotFound(item.subject_type);
    const actor = { moderatorId: scope.userId, admin: scope.admin };
    const action = await this.db.transaction().execute((trx) => this.within(trx).apply(facts, input, actor, item, now));
    this.changed(action);
    return action;
  }

  /** Suspensions whose time is up end (a periodic task); returns how many. */
  async endSuspensions(now: Date): Promise<number> {
    const ended = await this.db
      .updateTable('users')
      .set({ status: 'active', suspended_until: null })
      .where('status', '=', 'suspended')
      .where('suspended_until', '<=', now)
      .returning('id')
      .execute();
    for (const row of ended) this.onChange({ subject: { type: 'user', id: row.id }, ownerId: row.id });
    return ended.length;
  }

  /** The same service writing through a transaction; the caller reports `changed` after committing. */
  within(trx: Db): ActionsService {
    return new ActionsService(trx, this.policy);
  }

  changed(action: Pick<ModerationActionRow, 'subject_type' | 'subject_id' | 'owner_id'>): void {
    this.onChange({
      subject: { type: action.subject_type, id: String(action.subject_id) },
      ownerId: action.owner_id === null ? null : String(action.owner_id),
    });
  }

  /**
   * Applies an action inside the caller's transaction (the screening job holds
   * new items this way). Returns the audit row.
   */
  async apply(facts: SubjectFacts, input: ActionInput, actor: Actor, item: ModerationCaseRow | null, now: Date): Promise<ModerationActionRow> {
    const subject = facts.subject;
    const rulebooks = input.rulebooks && input.rulebooks.length > 0 ? [...new Set(input.rulebooks)].sort() : null;
    const source = actor.moderatorId === null ? 'screening' : actor.admin ? 'admin' : 'moderator';
    switch (input.action) {
      case 'label':
        await addLabel(this.db, subject, { label: input.label!, rulebooks, source, reason: input.reason, by: actor.moderatorId, now });
        break;
      case 'restrict':
        await addLabel(this.db, subject, { label: RESTRICTED_LABEL, rulebooks, source, reason: input.reason, by: actor.moderatorId, now });
        break;
      case 'limit':
        await setReachLimited(this.db, subject.id, true);
        break;
      case 'remove':
        await this.changeState(facts, 'removed');
        break;
      case 'approve':
        // A held note or comment goes live; a pending account (sign-ups needing approval) becomes active.
        if (subject.type === 'user') await setAccountStatus(this.db, facts.ownerId, 'active', null);
        else await this.changeState(facts, 'live');
        break;
      case 'hold':
        await this.changeState(facts, 'held');
        break;
      case 'suspend':
        await setAccountStatus(this.db, facts.ownerId, 'suspended', new Date(now.getTime() + input.durationHours! * 3_600_000));
        break;
      case 'ban':
        await setAccountStatus(this.db, facts.ownerId, 'banned', null);
        break;
      case 'warn':
      case 'dismiss':
        break;
    }
    const action = await this.audit({
      caseId: item?.id ?? null,
      action: input.action,
      subject,
      ownerId: facts.ownerId,
      label: input.action === 'restrict' ? RESTRICTED_LABEL : (input.label ?? null),
      rulebooks,
      rule: input.rule,
      reason: input.reason,
      durationHours: input.action === 'suspend' ? (input.durationHours ?? null) : null,
      moderatorId: actor.moderatorId,
      reverses: null,
      now,
    });
    if (STRIKING_ACTIONS.has(input.action)) {
      await this.db
        .insertInto('strikes')
        .values({ user_id: facts.ownerId, action_id: action.id, created_at: now, expires_at: new Date(now.getTime() + STRIKE_DAYS * 86_400_000) })
        .execute();
    }
    if (ENFORCING_ACTIONS.has(input.action)) await this.statement(action, facts, item, now);
    // A hold opens the review; every other action decides it.
    if (item && input.action !== 'hold') {
      await resolveReportsOfCase(this.db, item.id, ENFORCING_ACTIONS.has(input.action) ? 'action_taken' : 'no_violation', now);
      await this.db.updateTable('moderation_cases').set({ status: 'closed', closed_at: now, closed_by: actor.moderatorId }).where('id', '=', item.id).execute();
    }
    return action;
  }

  /** Undoes an action and its effects (an upheld appeal), inside the caller's transaction: visibility, account, strikes, counters. */
  async reverse(original: ModerationActionRow, actor: Actor, reason: string, now: Date): Promise<ModerationActionRow> {
    const subject: Subject = { type: original.subject_type, id: String(original.subject_id) };
    const facts = await subjectFacts(this.db, subject);
    switch (original.action) {
      case 'label':
      case 'restrict':
        if (original.label) await removeLabel(this.db, subject, original.label, actor.moderatorId, now);
        break;
      case 'limit':
        await setReachLimited(this.db, subject.id, false);
        break;
      case 'remove':
      case 'hold':
        if (facts) await this.changeState(facts, 'live');
        break;
      case 'suspend':
      case 'ban':
        if (original.owner_id) await setAccountStatus(this.db, original.owner_id, 'active', null);
        break;
      default:
        break;
    }
    await this.db.updateTable('strikes').set({ reversed_at: now }).where('action_id', '=', original.id).where('reversed_at', 'is', null).execute();
    await this.db.updateTable('statements').set({ reversed_at: now }).where('action_id', '=', original.id).execute();
    const reversal = await this.audit({
      caseId: original.case_id,
      action: 'reverse',
      subject,
      ownerId: original.owner_id,
      label: original.label,
      rulebooks: original.rulebooks,
      rule: original.rule,
      reason,
      durationHours: null,
      moderatorId: actor.moderatorId,
      reverses: original.id,
      now,
    });
    return reversal;
  }

  /** Live comments are counted on their note; holding or removing one takes it off the count, and back. */
  private async changeState(facts: SubjectFacts, state: ModerationState): Promise<void> {
    if (facts.subject.type === 'user' || facts.state === state) return;
    await setModerationState(this.db, facts.subject, state);
    if (facts.subject.type === 'comment' && facts.noteId) {
      const delta = (state === 'live' ? 1 : 0) - (facts.state === 'live' ? 1 : 0);
      if (delta !== 0) await addToNoteCounter(this.db, facts.noteId, 'comments', delta);
    }
  }

  private async statement(action: ModerationActionRow, facts: SubjectFacts, item: ModerationCaseRow | null, now: Date): Promise<void> {
    const books = action.rulebooks;
    const scope = books ? books.flatMap((name) => this.policy.rulebooks[name]?.countries ?? []) : null;
    await this.db
      .insertInto('statements')
      .values({
        action_id: action.id,
        user_id: facts.ownerId,
        facts: action.reason,
        // Held by the screening job, or a case it opened: the detection was automated.
        automated_detection: action.moderator_id === null || item?.kind === 'held',
        territorial_scope: scope,
        appeal_deadline: new Date(now.getTime() + APPEAL_DAYS * 86_400_000),
        created_at: now,
      })
      .execute();
  }

  /** Writes one row of the append-only audit log. */
  audit(row: {
    caseId: string | null;
    action: ModerationActionKind;
    subject: Subject;
    ownerId: string | null;
    label: string | null;
    rulebooks: string[] | null;
    rule: string;
    reason: string;
    durationHours: number | null;
    moderatorId: string | null;
    reverses: string | null;
    now: Date;
  }): Promise<ModerationActionRow> {
    return this.db
      .insertInto('moderation_actions')
      .values({
        case_id: row.caseId,
        action: row.action,
        subject_type: row.subject.type,
        subject_id: row.subject.id,
        owner_id: row.ownerId,
        label: row.label,
        rulebooks: row.rulebooks,
        rule: row.rule,
        reason: row.reason,
        duration_hours: row.durationHours,
        automated: row.moderatorId === null,
        moderator_id: row.moderatorId,
        reverses_action_id: row.reverses,
        created_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  private validate(input: ActionInput, item: ModerationCaseRow): void {
    const reason = input.reason.trim();
    if (!reason || [...reason].length > REASON_MAX) throw badRequest('reason_invalid', `Give the facts and reasons, 1 to ${REASON_MAX} characters.`);
    input.reason = reason;
    if (!policyRules(this.policy.labels).includes(input.rule)) throw badRequest('rule_invalid', 'Name one of the policy rules (GET /api/moderation/policy).');
    for (const name of input.rulebooks ?? []) {
      if (!this.policy.rulebooks[name]) throw badRequest('rulebook_invalid', `There is no rulebook "${name}".`);
    }
    if (input.action === 'label' && (!input.label || !this.policy.labels.includes(input.label))) {
      throw badRequest('label_invalid', 'Choose a label from the policy.');
    }
    if (input.action === 'restrict' && !input.rulebooks?.length) throw badRequest('rulebooks_required', 'Say in which rulebooks to restrict it.');
    if (input.action === 'suspend') {
      const hours = input.durationHours;
      if (!hours || !Number.isInteger(hours) || hours < 1 || hours > MAX_SUSPENSION_HOURS) {
        throw badRequest('duration_invalid', `A suspension lasts 1 to ${MAX_SUSPENSION_HOURS} hours.`);
      }
    }
    if (input.action === 'limit' && item.subject_type !== 'note') throw badRequest('action_not_applicable', 'Only a note’s reach can be limited.');
    if (input.action === 'remove' && item.subject_type === 'user') throw badRequest('action_not_applicable', 'Accounts are suspended or banned, not removed.');
    if (input.action === 'approve' && item.kind !== 'held') throw badRequest('action_not_applicable', 'Only held items are approved.');
  }
}
