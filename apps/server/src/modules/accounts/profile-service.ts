import { isSupportedCountry } from 'libphonenumber-js/max';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import { badRequest, conflict, notFound, tooManyRequests } from '../../lib/errors.js';
import { type LanguageSettingsUpdate, languageSettingsPatch } from '../language/language-settings.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { decideProfile, mayReadAuthor } from '../../kernel/visibility.js';
import { type ContentGate, OPEN_GATE } from '../../kernel/content-gate.js';
import type { Relation } from '../social/people-queries.js';
import { type ProfileStats, profileFacts } from '../social/profile-stats-queries.js';
import { handleProblem } from './handle-rules.js';
import { SUPPORTED_LANGUAGES } from './languages.js';
import { findUserByHandle, type UserPatch, updateUser } from './users-queries.js';
import { hasNameControls, stripReorderingControls } from '../../lib/hidden-controls.js';

export interface ProfileUpdate extends LanguageSettingsUpdate {
  handle?: string;
  displayName?: string;
  bio?: string;
  language?: string;
  region?: string;
  /** 'YYYY-MM-DD', or null to clear it. */
  birthDate?: string | null;
  likesPrivate?: boolean;
  collectsPrivate?: boolean;
  feedPersonalised?: boolean;
  discoverableByPhone?: boolean;
}

export interface PublicProfile {
  user: UserRow;
  stats: ProfileStats;
  /** How the viewer stands with this user; null for anonymous visitors. */
  viewer: (Relation & { isMe: boolean; requested: boolean }) | null;
  warnings: string[];
  /** A private account the viewer does not follow: header and counts only. */
  locked: boolean;
}

export type HandleAvailability = { available: true } | { available: false; reason: 'taken' | 'reserved' | 'invalid' };

const UNIQUE_VIOLATION = '23505';

const REGION_CHANGE_DAYS = 30;
const OLDEST_YEARS = 120;

function validBirthDate(value: string | null, now: Date): string | null {
  if (value === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  // 2026-02-30 rolls over to March: not a real date.
  if (!match || !date || date.toISOString().slice(0, 10) !== value) throw badRequest('birth_date_invalid', 'A date of birth is written YYYY-MM-DD.');
  if (date.getTime() > now.getTime() || now.getUTCFullYear() - date.getUTCFullYear() > OLDEST_YEARS) {
    throw badRequest('birth_date_invalid', 'That date of birth cannot be right.');
  }
  return value;
}

export class ProfileService {
  constructor(
    private readonly db: Db,
    /** Called after an account changed, so cached sessions carry the new profile. */
    private readonly afterChange: (userId: string) => void = () => {},
    private readonly gate: ContentGate = OPEN_GATE,
  ) {}

  async checkHandle(handle: string, forUserId?: string): Promise<HandleAvailability> {
    const problem = handleProblem(handle);
    if (problem) return { available: false, reason: problem };
    const owner = await findUserByHandle(this.db, handle);
    if (owner && owner.id !== forUserId) return { available: false, reason: 'taken' };
    return { available: true };
  }

  async update(user: UserRow, update: ProfileUpdate, now: Date): Promise<UserRow> {
    const patch: UserPatch = {};
    if (update.handle !== undefined) {
      const problem = handleProblem(update.handle);
      if (problem === 'invalid') {
        throw badRequest('handle_invalid', 'Handles are 3 to 24 letters, digits or underscores, and not only digits.');
      }
      if (problem === 'reserved') throw badRequest('handle_reserved', 'This handle is reserved.');
      patch.handle = update.handle;
    }
    if (update.displayName !== undefined) {
      const displayName = update.displayName.trim();
      if (!displayName) throw badRequest('display_name_invalid', 'Your name cannot be empty.');
      if (hasNameControls(displayName)) {
        throw badRequest('display_name_hidden_characters', 'Your name cannot contain invisible characters that reorder or hide text.');
      }
      patch.display_name = displayName;
    }
    if (update.bio !== undefined) patch.bio = stripReorderingControls(update.bio).trim();
    if (update.language !== undefined) {
      if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(update.language)) {
        throw badRequest('language_invalid', `Language must be one of ${SUPPORTED_LANGUAGES.join(', ')}.`);
      }
      patch.language = update.language;
    }
    if (update.region !== undefined && update.region !== user.region) {
      if (!isSupportedCountry(update.region)) throw badRequest('region_invalid', `Unknown region "${update.region}".`);
      // The region picks the rulebook: once a month stops hopping between rules.
      const next = user.region_changed_at ? user.region_changed_at.getTime() + REGION_CHANGE_DAYS * 86_400_000 : 0;
      if (next > now.getTime()) {
        throw tooManyRequests(
          'region_change_too_soon',
          `Your region can change once every ${REGION_CHANGE_DAYS} days.`,
          Math.ceil((next - now.getTime()) / 1000),
        );
      }
      patch.region = update.region;
      patch.region_changed_at = now;
    }
    if (update.birthDate !== undefined) patch.birth_date = validBirthDate(update.birthDate, now);
    if (update.likesPrivate !== undefined) patch.likes_private = update.likesPrivate;
    if (update.collectsPrivate !== undefined) patch.collects_private = update.collectsPrivate;
    if (update.feedPersonalised !== undefined) patch.feed_personalised = update.feedPersonalised;
    if (update.discoverableByPhone !== undefined) patch.discoverable_by_phone = update.discoverableByPhone;
    Object.assign(patch, languageSettingsPatch(user, update));
    const needsProfile = user.handle === null || user.display_name === null;
    if (needsProfile && (patch.handle ?? user.handle) === null) {
      throw badRequest('handle_required', 'Choose a handle to finish your profile.');
    }
    const shown = [patch.display_name, patch.bio].filter((text): text is string => text !== undefined);
    if (shown.length > 0) this.gate.check(user, shown.join('\n'), 'user', now);
    try {
      const updated = await updateUser(this.db, user.id, patch, now);
      if (!updated) throw notFound('user_not_found', 'Your account no longer exists.');
      if (shown.length > 0) {
        const text = `${updated.display_name ?? ''}\n${updated.bio}`;
        await this.gate.screen(this.db, { subject: { type: 'user', id: user.id }, author: updated, text, isNew: false }, now);
      }
      this.afterChange(user.id);
      return updated;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw conflict('handle_taken', 'This handle is taken. Try another.');
      }
      throw error;
    }
  }

  /**
   * Public profiles exist once onboarding is done. Someone who blocked the
   * viewer does not exist for them; someone the viewer blocked still shows, so
   * they can unblock.
   */
  async publicProfile(handle: string, context: ViewerContext): Promise<PublicProfile> {
    const { viewerId } = context;
    const user = handleProblem(handle) === 'invalid' ? undefined : await findUserByHandle(this.db, handle);
    if (!user || user.display_name === null) throw notFound('user_not_found', 'No one has this handle.');
    const isMe = viewerId === user.id;
    const decision = decideProfile(user, context);
    if (!decision.visible) throw notFound('user_not_found', 'No one has this handle.');
    // Counts and the viewer's standing in one round trip (a request only matters for a private account).
    const { stats, relation } = await profileFacts(this.db, user.id, viewerId && !isMe ? viewerId : null);
    const none = { following: false, followedBy: false, blocked: false, muted: false, requested: false };
    const { requested, ...standing } = relation ?? none;
    const viewer = viewerId ? { ...standing, isMe, requested: requested && user.is_private } : null;
    return { user, stats, viewer, warnings: decision.warnings, locked: !mayReadAuthor(user.id, user.is_private, context) };
  }
}
