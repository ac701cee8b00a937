import { RESTRICTED_LABEL, type Rulebook } from '../config/moderation-policy.js';
import type { ViewerContext } from './viewer-context.js';

// The one visibility decision. Every read path (feeds, search, topics,
// profiles, the note page, comments, notifications, share previews, media)
// and the recommender ask it whether a viewer may see an item, given the
// item's author and moderation facts and the viewer's context. Queries may
// pre-filter with `hidingLabels` for speed, but the last word is `decide`.

/** Where the item would appear: discovery surfaces also drop notes whose reach a moderator limited. */
export type Surface =
  /** For you, explore, the video feed, search, topic listings: recommendations. */
  | 'discovery'
  /** Following, comments under a note, notifications: muted authors stay out. */
  | 'feed'
  /** A person's own profile tabs: a muted author's notes show (the viewer went there). */
  | 'profile'
  /** A note opened by link, its media, a translation of it, a share preview. */
  | 'direct';

export type ModerationState = 'live' | 'held' | 'removed';
/**
 * pending: a sign-up waiting for approval (flood defence); deactivated: the person asked
 * for erasure and is in the 30-day grace (hidden from everyone else); erased: the one
 * placeholder account that holds tombstones of erased people's notes and comments.
 */
export type AccountStatus = 'active' | 'pending' | 'suspended' | 'banned' | 'deactivated' | 'erased';

export interface ModerationFacts {
  /** Active labels: `label` everywhere, or `label@rulebook` in one rulebook only. */
  labels: readonly string[];
  /** held: waiting for review before anyone else sees it; removed: taken down. */
  state: ModerationState;
  /** Visible, but out of recommendations and search. */
  limited: boolean;
}

export interface VisibleItem extends ModerationFacts {
  authorId: string;
  authorStatus: AccountStatus;
  /** A private account: only its approved followers see its notes. */
  authorPrivate: boolean;
}

export type HiddenReason = 'blocked' | 'muted' | 'removed' | 'held' | 'region' | 'adult' | 'limited' | 'author_unavailable' | 'private';

export type Decision = { visible: true; warnings: string[] } | { visible: false; reason: HiddenReason };

export const NO_MODERATION: ModerationFacts = { labels: [], state: 'live', limited: false };

/** A label entry as stored: the label, and the rulebook it is scoped to (null: all). */
export function parseLabelEntry(entry: string): { label: string; rulebook: string | null } {
  const at = entry.indexOf('@');
  return at < 0 ? { label: entry, rulebook: null } : { label: entry.slice(0, at), rulebook: entry.slice(at + 1) };
}

export function labelEntry(label: string, rulebook: string | null): string {
  return rulebook ? `${label}@${rulebook}` : label;
}

/** The labels that apply to items for viewers under `rulebook`. */
export function applicableLabels(entries: readonly string[], rulebook: Rulebook): string[] {
  const labels: string[] = [];
  for (const entry of entries) {
    const { label, rulebook: scope } = parseLabelEntry(entry);
    if (scope === null || scope === rulebook.name) labels.push(label);
  }
  return labels;
}

/** What the viewer's rulebook makes of the item's labels alone. */
export function decideLabels(entries: readonly string[], context: Pick<ViewerContext, 'rulebook' | 'adult'>): Decision {
  // Most items carry no label: this runs for every candidate of every For-you page.
  if (entries.length === 0) return { visible: true, warnings: [] };
  const warnings: string[] = [];
  let adultOnly = false;
  for (const label of applicableLabels(entries, context.rulebook)) {
    if (label === RESTRICTED_LABEL || context.rulebook.hide.includes(label)) return { visible: false, reason: 'region' };
    if (context.rulebook.adult.includes(label)) adultOnly = true;
    else if (context.rulebook.warn.includes(label) && !warnings.includes(label)) warnings.push(label);
  }
  if (adultOnly && !context.adult) return { visible: false, reason: 'adult' };
  return { visible: true, warnings };
}

/** May this viewer see this item on this surface, and behind which warnings? */
export function decide(item: VisibleItem, context: ViewerContext, surface: Surface): Decision {
  // Authors always see their own items, whatever happened to them (the note page says what and where).
  if (context.viewerId !== null && item.authorId === context.viewerId) return { visible: true, warnings: [] };
  if (context.blocked.has(item.authorId)) return { visible: false, reason: 'blocked' };
  // A tombstone of an erased account (no text, no media) opens by link, so replies by others stay readable.
  if (item.authorStatus === 'erased') return surface === 'direct' ? { visible: true, warnings: [] } : { visible: false, reason: 'author_unavailable' };
  if (item.authorStatus !== 'active') return { visible: false, reason: 'author_unavailable' };
  if (item.state === 'removed') return { visible: false, reason: 'removed' };
  if (item.state === 'held') return { visible: false, reason: 'held' };
  if (!mayReadAuthor(item.authorId, item.authorPrivate, context)) return { visible: false, reason: 'private' };
  if ((surface === 'discovery' || surface === 'feed') && context.muted.has(item.authorId)) return { visible: false, reason: 'muted' };
  if (surface === 'discovery' && item.limited) return { visible: false, reason: 'limited' };
  return decideLabels(item.labels, context);
}

/**
 * Label entries that hide an item from this viewer (for a query's
 * `not (labels && $entries)` pre-filter): the rulebook's hidden labels, and
 * its adults-only ones for viewers who are not adults, unscoped or scoped to it.
 */
export function hidingLabels(context: Pick<ViewerContext, 'rulebook' | 'adult'>): string[] {
  const { rulebook } = context;
  const hiding = [RESTRICTED_LABEL, ...rulebook.hide, ...(context.adult ? [] : rulebook.adult)];
  return hiding.flatMap((label) => [label, labelEntry(label, rulebook.name)]);
}

/** Accounts whose profile exists for nobody but themselves (SQL pre-filters use the same list). */
export const GONE_PROFILE_STATUSES: readonly AccountStatus[] = ['banned', 'deactivated', 'erased'];

/**
 * A private account's notes, collects, likes and boards are for itself and
 * its approved followers (a `follows` row: a follow made while the account
 * was public, or an approved request). Staff get no pass here: the moderator
 * console reads what it reviews through its own paths.
 */
export function mayReadAuthor(authorId: string, authorPrivate: boolean, context: Pick<ViewerContext, 'viewerId' | 'approvedPrivate'>): boolean {
  return !authorPrivate || context.viewerId === authorId || context.approvedPrivate.has(authorId);
}

/**
 * What of a visible profile the viewer may open: a private account shows a
 * stranger its header and counts, not its notes, collects, likes, boards or
 * the people in its lists ('private').
 */
export function decideProfileContent(
  user: { id: string; labels: readonly string[]; status: AccountStatus; is_private: boolean },
  context: ViewerContext,
): Decision {
  const decision = decideProfile(user, context);
  if (!decision.visible) return decision;
  return mayReadAuthor(user.id, user.is_private, context) ? decision : { visible: false, reason: 'private' };
}

/** A profile (its page, its lists): gone for whoever it blocked, for everyone when banned or hidden by the rulebook. */
export function decideProfile(user: { id: string; labels: readonly string[]; status: AccountStatus }, context: ViewerContext): Decision {
  if (context.viewerId === user.id) return { visible: true, warnings: [] };
  if (context.blockedBy.has(user.id)) return { visible: false, reason: 'blocked' };
  if (GONE_PROFILE_STATUSES.includes(user.status)) return { visible: false, reason: 'author_unavailable' };
  return decideLabels(user.labels, context);
}
