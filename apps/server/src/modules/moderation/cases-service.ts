import type { Db } from '../../db/database.js';
import { decodeCursor, encodeCursor, type Page } from '../../db/pagination.js';
import type { CaseKind, ModerationCaseRow } from '../../db/tables/moderation-cases.js';
import type { ModerationActionRow } from '../../db/tables/moderation-actions.js';
import { presentUserSummary, type UserSummary, type UserSummaryRow } from '../../kernel/user-summary.js';
import { conflict } from '../../lib/errors.js';
import { imagesOfNotes } from '../media/images-queries.js';
import type { MediaStorage } from '../media/media-storage.js';
import { presentImage } from '../media/image-view.js';
import { caseNotFound } from './actions-service.js';
import { categoriesOf, findCase, type QueueKey, queuePage } from './cases-queries.js';
import { activeLabels, presentLabel, type Subject } from './labels-queries.js';
import { assertInScope, type ModeratorScope } from './moderators.js';
import { severityOf } from './moderation-rules.js';
import { upsertOpenCase } from './reports-queries.js';
import { subjectFacts, subjectNotFound, subjectPreviews } from './subjects.js';

// The moderator's side of cases: the queue, opening a case on anything,
// claiming one so two people do not work on it at once, and the full context
// of one case (the item, its author's history, earlier actions, reporters).

export interface QueueItem {
  id: string;
  subject: Subject;
  kind: CaseKind;
  status: 'open' | 'closed';
  severity: number;
  reportCount: number;
  reporters: number;
  categories: Record<string, number>;
  views24h: number;
  rulebooks: string[];
  openedAt: string;
  claimedBy: UserSummary | null;
  preview: { title: string; text: string; language: string | null; author: UserSummary | null };
}

const EXCERPT = 280;
const excerpt = (text: string) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT - 1).join('')}…` : chars.join('');
};

export function presentAction(row: ModerationActionRow, moderators: Map<string, UserSummaryRow>) {
  const moderator = row.moderator_id ? moderators.get(String(row.moderator_id)) : undefined;
  return {
    id: String(row.id),
    caseId: row.case_id === null ? null : String(row.case_id),
    action: row.action,
    subject: { type: row.subject_type, id: String(row.subject_id) },
    label: row.label,
    rulebooks: row.rulebooks,
    rule: row.rule,
    reason: row.reason,
    durationHours: row.duration_hours,
    automated: row.automated,
    moderator: moderator ? presentUserSummary(moderator) : null,
    createdAt: row.created_at.toISOString(),
    reverses: row.reverses_action_id === null ? null : String(row.reverses_action_id),
  };
}

export async function usersById(db: Db, ids: readonly (string | null)[]): Promise<Map<string, UserSummaryRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null).map(String))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'handle', 'display_name', 'bio', 'region']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [String(row.id), row]));
}

export class CasesService {
  constructor(
    private readonly db: Db,
    private readonly storage: MediaStorage,
  ) {}

  async queue(scope: ModeratorScope, kind: CaseKind, cursor: string | undefined, limit: number, now: Date): Promise<Page<QueueItem>> {
    const after = cursor ? decodeCursor(cursor, ['number', 'number', 'number', 'id'] as const) : null;
    const key: QueueKey | null = after ? { severity: after[0], reports: after[1], spread: after[2], id: after[3] } : null;
    const rows = await queuePage(this.db, { kind, scope, after: key, limit });
    const kept = rows.slice(0, limit);
    const last = kept.at(-1);
    const next = rows.length > limit && last ? encodeCursor([last.severity, last.report_count, last.spread, last.id]) : null;
    return { items: await this.present(kept), cursor: next };
  }

  /** Opens a case on any item (a moderator's own finding), or returns the open one. */
  async open(scope: ModeratorScope, subject: Subject, now: Date): Promise<QueueItem> {
    const facts = await subjectFacts(this.db, subject);
    if (!facts) throw subjectNotFound(subject.type);
    const id = await upsertOpenCase(this.db, {
      subject,
      ownerId: facts.ownerId,
      kind: facts.state === 'held' ? 'held' : 'reports',
      severity: severityOf('other'),
      rulebook: null,
      language: facts.language,
      reports: 0,
      now,
    });
    return this.one(scope, id, now);
  }

  async one(scope: ModeratorScope, caseId: string, _now: Date): Promise<QueueItem> {
    const row = await findCase(this.db, caseId);
    if (!row) throw caseNotFound();
    assertInScope(scope, row);
    return (await this.present([row]))[0]!;
  }

  async claim(scope: ModeratorScope, caseId: string, now: Date): Promise<QueueItem> {
    const item = await this.one(scope, caseId, now);
    if (item.status !== 'open') throw conflict('case_closed', 'This case was already decided.');
    const claimed = await this.db
      .updateTable('moderation_cases')
      .set({ claimed_by: scope.userId, claimed_at: now })
      .where('id', '=', caseId)
      .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', scope.userId)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw conflict('case_claimed', 'Another moderator is working on this case.');
    return this.one(scope, caseId, now);
  }

  async release(scope: ModeratorScope, caseId: string, now: Date): Promise<void> {
    await this.one(scope, caseId, now);
    // Admins may release anyone's claim (someone went home); moderators their own.
    let query = this.db.updateTable('moderation_cases').set({ claimed_by: null, claimed_at: null }).where('id', '=', caseId);
    if (!scope.admin) query = query.where('claimed_by', '=', scope.userId);
    await query.execute();
  }

  /** Everything a moderator needs to decide, except the translation (the route adds it). */
  async detail(scope: ModeratorScope, caseId: string, now: Date) {
    const item = await this.one(scope, caseId, now);
    const facts = await subjectFacts(this.db, item.subject);
    const [labels, history, reports, author, strikes, notes, images] = await Promise.all([
      activeLabels(this.db, item.subject),
      this.db
        .selectFrom('moderation_actions')
        .selectAll()
        .where((eb) =>
          eb.or([eb.and([eb('subject_type', '=', item.subject.type), eb('subject_id', '=', item.subject.id)]), eb('owner_id', '=', facts?.ownerId ?? '0')]),
        )
        .orderBy('id', 'desc')
        .limit(50)
        .execute(),
      this.db.selectFrom('reports').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc').limit(100).execute(),
      facts
        ? this.db
            .selectFrom('users')
            .select(['id', 'handle', 'display_name', 'bio', 'region', 'created_at', 'status', 'suspended_until'])
            .where('id', '=', facts.ownerId)
            .executeTakeFirst()
        : undefined,
      facts
        ? this.db
            .selectFrom('strikes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', facts.ownerId)
            .where('reversed_at', 'is', null)
            .where('expires_at', '>', now)
            .executeTakeFirst()
        : undefined,
      facts
        ? this.db
            .selectFrom('notes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('author_id', '=', facts.ownerId)
            .where('deleted_at', 'is', null)
            .executeTakeFirst()
        : undefined,
      item.subject.type === 'note' ? imagesOfNotes(this.db, [item.subject.id]) : Promise.resolve([]),
    ]);
    const people = await usersById(this.db, [...history.map((row) => row.moderator_id), ...reports.map((row) => row.reporter_id)]);
    return {
      ...item,
      item: facts
        ? {
            title: facts.title,
            text: facts.text,
            language: facts.language,
            noteId: facts.noteId,
            images: images.map((image) => {
              const view = presentImage(image, this.storage);
              return { url: view.url, alt: view.alt };
            }),
            createdAt: facts.createdAt.toISOString(),
            state: facts.state,
            limited: facts.limited,
            labels: labels.map(presentLabel),
          }
        : null,
      author: author
        ? {
            ...presentUserSummary(author),
            createdAt: author.created_at.toISOString(),
            status: author.status,
            suspendedUntil: author.suspended_until?.toISOString() ?? null,
            strikes: Number(strikes?.n ?? 0),
            notes: Number(notes?.n ?? 0),
          }
        : null,
      history: history.map((row) => presentAction(row, people)),
      reports: reports.map((row) => {
        const reporter = people.get(String(row.reporter_id));
        return {
          id: String(row.id),
          category: row.category,
          country: row.country,
          details: row.details,
          rulebook: row.rulebook,
          reporter: reporter ? presentUserSummary(reporter) : null,
          createdAt: row.created_at.toISOString(),
        };
      }),
    };
  }

  private async present(rows: ModerationCaseRow[]): Promise<QueueItem[]> {
    const [categories, previews] = await Promise.all([
      categoriesOf(
        this.db,
        rows.map((row) => row.id),
      ),
      subjectPreviews(
        this.db,
        rows.map((row) => ({ type: row.subject_type, id: row.subject_id })),
      ),
    ]);
    const facts = rows.map((row) => previews.get(`${row.subject_type}:${row.subject_id}`));
    const people = await usersById(this.db, [...rows.map((row) => row.claimed_by), ...facts.map((fact) => fact?.ownerId ?? null)]);
    return rows.map((row, i) => {
      const fact = facts[i];
      const claimer = row.claimed_by ? people.get(String(row.claimed_by)) : undefined;
      const owner = fact ? people.get(fact.ownerId) : undefined;
      return {
        id: row.id,
        subject: { type: row.subject_type, id: row.subject_id },
        kind: row.kind,
        status: row.status,
        severity: row.severity,
        reportCount: row.report_count,
        // One open report per person and item: a case's reports come from as many people.
        reporters: row.report_count,
        categories: categories.get(row.id) ?? {},
        views24h: row.spread,
        rulebooks: row.rulebooks,
        openedAt: new Date(row.opened_at).toISOString(),
        claimedBy: claimer ? presentUserSummary(claimer) : null,
        preview: {
          title: fact?.title ?? '',
          text: excerpt(fact?.text ?? ''),
          language: fact?.language ?? null,
          author: owner ? presentUserSummary(owner) : null,
        },
      };
    });
  }
}
