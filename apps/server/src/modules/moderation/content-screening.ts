import { sql } from 'kysely';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import type { ContentGate, WrittenItem } from '../../kernel/content-gate.js';
import { AppError, badRequest } from '../../lib/errors.js';
import type { ActionInput, ActionsService } from './actions-service.js';
import { severityOf } from './moderation-rules.js';
import { upsertOpenCase } from './reports-queries.js';
import { subjectFacts } from './subjects.js';
import { labelNote } from './images/image-screening.js';
import { countLinks, countMentions } from './screening/spam-signals.js';
import { spamFindings } from './spam-queries.js';

// Automated screening on every write of a note, comment, bio or display name.
// Before the write: accounts that may not post are refused, texts with too
// many mentions or a rejecting term are refused. In the write's transaction:
// matching term rules label the item (in their rulebooks), and items that must
// wait for a person (a hold rule, a new account posting links or many
// mentions) are held and queued, so no one else sees them before review.

/** One matched term rule, as the screening engine reports it. */
export interface TermMatch {
  term: string;
  label: string;
  action: 'label' | 'hold' | 'reject';
  /** Rulebook names; empty: all. */
  regions: string[];
}

/** The text screening engine (screening/screen-text.ts), or none when no terms file is configured. */
export type TermScreener = (text: string) => TermMatch[];

const MANY_MENTIONS_FOR_NEW = 3;
/** The same text from this many other accounts in a day is a campaign, not a coincidence. */
const DUPLICATE_AUTHORS = 2;

export class ContentScreening implements ContentGate {
  constructor(
    private readonly actions: ActionsService,
    private readonly settings: Pick<Config['moderation'], 'maxMentions' | 'newAccountHours' | 'burstPosts'>,
    private readonly terms: TermScreener | null,
  ) {}

  /** Images the classifier already rated lend their labels to the note that uses them. */
  private async imageLabels(trx: Db, noteId: string): Promise<string[]> {
    const rows = await trx.selectFrom('images').select('labels').where('note_id', '=', noteId).where('labels', '<>', sql<string[]>`'{}'`).execute();
    return [...new Set(rows.flatMap((row) => row.labels))];
  }

  check(author: UserRow, text: string, kind: WrittenItem['subject']['type'], now: Date): void {
    // A pending sign-up still finishes its profile (that is what a moderator reviews).
    if (!(kind === 'user' && author.status === 'pending')) assertMayWrite(author, now);
    if (kind !== 'user' && countMentions(text) > this.settings.maxMentions) {
      throw badRequest('too_many_mentions', `Mention at most ${this.settings.maxMentions} people in one post.`);
    }
    const rejecting = this.matches(text).find((match) => match.action === 'reject' && match.regions.length === 0);
    if (rejecting) throw badRequest('content_rejected', 'This cannot be posted: it breaks the community guidelines.', { label: rejecting.label });
  }

  async screen(trx: Db, item: WrittenItem, now: Date): Promise<void> {
    const matches = this.matches(item.text);
    const young = now.getTime() - item.author.created_at.getTime() < this.settings.newAccountHours * 3_600_000;
    const holdReasons: string[] = [];
    const actions = this.actions.within(trx);
    const facts = await subjectFacts(trx, item.subject);
    if (!facts) return;
    const automated = { moderatorId: null, admin: false };

    for (const [label, regions] of labelsToApply(matches)) {
      await actions.apply(facts, this.input('label', label, regions, `Matched the term rules for ${label}.`), automated, null, now);
    }
    if (item.subject.type === 'note') {
      const fromImages = await this.imageLabels(trx, item.subject.id);
      if (fromImages.length > 0) await labelNote(trx, this.actions, item.subject.id, fromImages, 'The image classifier rated an image of this note.', now);
    }
    // A reject rule scoped to rulebooks cannot refuse the post for everyone: it hides it there.
    const regional = matches.filter((match) => match.action === 'reject' && match.regions.length > 0);
    if (regional.length > 0) {
      const regions = [...new Set(regional.flatMap((match) => match.regions))];
      await actions.apply(
        facts,
        { action: 'restrict', rulebooks: regions, rule: `community-guidelines/${regional[0]!.label}`, reason: 'Not allowed in this region.' },
        automated,
        null,
        now,
      );
    }
    for (const match of matches.filter((entry) => entry.action === 'hold')) holdReasons.push(`Matched a term held for review (${match.label}).`);
    if (young && item.subject.type !== 'user') {
      if (countLinks(item.text) > 0) holdReasons.push('A new account posted a link.');
      if (countMentions(item.text) > MANY_MENTIONS_FOR_NEW) holdReasons.push('A new account mentioned many people.');
    }
    if (item.subject.type !== 'user') {
      const spam = await spamFindings(trx, { kind: item.subject.type, id: item.subject.id, authorId: item.author.id, text: item.text, now });
      if (spam.duplicateAuthors >= DUPLICATE_AUTHORS) holdReasons.push(`The same text was posted from ${spam.duplicateAuthors} other accounts today.`);
      if (spam.imageCopyAuthors >= DUPLICATE_AUTHORS) holdReasons.push(`The same picture was posted from ${spam.imageCopyAuthors} other accounts today.`);
      if (spam.burst > this.settings.burstPosts) holdReasons.push(`${spam.burst} posts in ten minutes.`);
    }
    if (holdReasons.length === 0) return;

    const heldLabel = matches.find((match) => match.action === 'hold')?.label ?? 'spam';
    const caseId = await upsertOpenCase(trx, {
      subject: item.subject,
      ownerId: item.author.id,
      kind: 'held',
      severity: severityOf(heldLabel),
      rulebook: null,
      language: facts.language,
      reports: 0,
      now,
    });
    const held = await trx.selectFrom('moderation_cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    // A profile is not hidden while it waits: its review is queued, its labels already apply.
    if (item.subject.type === 'user') return;
    await actions.apply(facts, this.input('hold', heldLabel, [], holdReasons.join(' ')), automated, held, now);
  }

  private matches(text: string): TermMatch[] {
    return this.terms && text.trim() ? this.terms(text) : [];
  }

  private input(action: ActionInput['action'], label: string, regions: string[], reason: string): ActionInput {
    return { action, label, rulebooks: regions.length > 0 ? regions : null, rule: `community-guidelines/${label}`, reason };
  }
}

/** Each label once, with the union of its rules' rulebooks (any rule for all rulebooks makes it global). */
function labelsToApply(matches: readonly TermMatch[]): Map<string, string[]> {
  const byLabel = new Map<string, string[] | 'all'>();
  for (const match of matches) {
    const current = byLabel.get(match.label);
    if (current === 'all' || match.regions.length === 0) byLabel.set(match.label, 'all');
    else byLabel.set(match.label, [...new Set([...(current ?? []), ...match.regions])]);
  }
  return new Map([...byLabel].map(([label, regions]) => [label, regions === 'all' ? [] : regions]));
}

/** Suspended, banned and pending accounts read but do not write. */
export function assertMayWrite(author: Pick<UserRow, 'status' | 'suspended_until'>, now: Date): void {
  if (author.status === 'active') return;
  if (author.status === 'suspended' && author.suspended_until && author.suspended_until.getTime() <= now.getTime()) return;
  const messages = {
    suspended: 'Your account is suspended; you can post again when the suspension ends.',
    banned: 'Your account was banned for breaking the community guidelines.',
    pending: 'Your account is waiting for approval by a moderator.',
    deactivated: 'Your account is scheduled for deletion; cancel the deletion to post again.',
    erased: 'This account was erased.',
  } as const;
  throw new AppError(403, `account_${author.status}`, messages[author.status], {
    extra: author.status === 'suspended' && author.suspended_until ? { until: author.suspended_until.toISOString() } : {},
  });
}
