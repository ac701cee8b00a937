import { isAdult } from '../../kernel/viewer-context.js';
import { Type } from 'typebox';
import type { SessionRow } from '../../db/tables/sessions.js';
import type { UserRow } from '../../db/tables/users.js';
import { effectiveReadLanguages } from '../language/viewer-languages.js';
import type { PublicProfile } from './profile-service.js';

// Response shapes and the presenters that produce them from rows.

const Id = Type.String({ pattern: '^[0-9]+$', description: 'Numeric id, as a string' });

export const MeSchema = Type.Object({
  id: Id,
  phone: Type.Union([Type.String(), Type.Null()], { description: 'E.164 (decrypted for me alone); null for an account without a number' }),
  handle: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.Union([Type.String(), Type.Null()]),
  bio: Type.String(),
  language: Type.String(),
  region: Type.String(),
  regionChangedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  adult: Type.Boolean(),
  role: Type.Union([Type.Literal('user'), Type.Literal('moderator'), Type.Literal('admin')]),
  createdAt: Type.String({ format: 'date-time' }),
  profileComplete: Type.Boolean(),
  likesPrivate: Type.Boolean({ description: 'Others cannot open my Liked tab' }),
  collectsPrivate: Type.Boolean({ description: 'Others cannot open my Collected tab' }),
  bioLanguage: Type.Union([Type.String(), Type.Null()], { description: 'ISO 639-1 of my bio; null when unknown' }),
  readLanguages: Type.Array(Type.String(), { description: 'ISO 639-1 codes I read; derived from my interface language until I choose' }),
  autoTranslate: Type.Boolean({ description: 'Translate notes and comments in other languages without a tap' }),
  feedLanguagesOnly: Type.Boolean({ description: 'Feeds show only notes in the languages I read' }),
  feedPersonalised: Type.Boolean({ description: 'For you learns from what I engage with; false: latest from follows, then trending' }),
  discoverableByPhone: Type.Boolean({ description: 'People who have my number may find my account by it' }),
});

export const PublicProfileSchema = Type.Object({
  id: Id,
  handle: Type.String(),
  displayName: Type.String(),
  bio: Type.String(),
  bioLanguage: Type.Union([Type.String(), Type.Null()], { description: 'ISO 639-1 of the bio; null when unknown' }),
  language: Type.String(),
  region: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  likesPrivate: Type.Boolean(),
  collectsPrivate: Type.Boolean(),
  /** suspended: their notes are out of view until the suspension ends. */
  status: Type.Union([
    Type.Literal('active'),
    Type.Literal('pending'),
    Type.Literal('suspended'),
    Type.Literal('banned'),
    Type.Literal('deactivated'),
    Type.Literal('erased'),
  ]),
  /** Labels the viewer's rulebook shows behind a warning. */
  warnings: Type.Array(Type.String()),
  private: Type.Boolean({ description: 'A private account: only approved followers see its notes' }),
  locked: Type.Boolean({ description: 'Private and I am not an approved follower: its notes, collects, likes, boards and lists are closed to me' }),
  stats: Type.Object({
    followers: Type.Integer(),
    following: Type.Integer(),
    likesAndCollects: Type.Integer({ description: 'Likes and collects received on their live notes' }),
    notes: Type.Integer(),
  }),
  viewer: Type.Union([
    Type.Object({
      following: Type.Boolean(),
      followedBy: Type.Boolean(),
      blocked: Type.Boolean({ description: 'I blocked them' }),
      muted: Type.Boolean(),
      isMe: Type.Boolean(),
      requested: Type.Boolean({ description: 'My request to follow them waits for their approval' }),
    }),
    Type.Null(),
  ]),
});

export const SessionSchema = Type.Object({
  id: Id,
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()], { description: 'Full for 7 days, then only its network (/24, /48)' }),
  device: Type.Union([Type.String(), Type.Null()], { description: 'From the user agent: iPhone, Android phone, Windows, Mac…' }),
  browser: Type.Union([Type.String(), Type.Null()], { description: 'From the user agent: Safari, Chrome, Firefox…' }),
  country: Type.Union([Type.String(), Type.Null()], { description: 'ISO 3166-1 alpha-2 where the session signed in; null: unknown' }),
  current: Type.Boolean({ description: 'This device' }),
});

export const HandleSchema = Type.String({ minLength: 1, maxLength: 64 });

/** `phone` is the decrypted number: the caller opened it for its owner. */
export function presentMe(user: UserRow, phone: string | null, now = new Date()) {
  return {
    id: user.id,
    phone,
    handle: user.handle,
    displayName: user.display_name,
    bio: user.bio,
    language: user.language,
    region: user.region,
    regionChangedAt: user.region_changed_at?.toISOString() ?? null,
    birthDate: user.birth_date,
    adult: isAdult(user.birth_date, now),
    role: user.role,
    createdAt: user.created_at.toISOString(),
    profileComplete: user.handle !== null && user.display_name !== null,
    likesPrivate: user.likes_private,
    collectsPrivate: user.collects_private,
    bioLanguage: user.bio_language,
    readLanguages: effectiveReadLanguages(user),
    autoTranslate: user.auto_translate,
    feedLanguagesOnly: user.feed_languages_only,
    feedPersonalised: user.feed_personalised,
    discoverableByPhone: user.discoverable_by_phone,
  };
}

export function presentPublicProfile({ user, stats, viewer, warnings, locked }: PublicProfile) {
  return {
    id: user.id,
    handle: user.handle ?? '',
    displayName: user.display_name ?? '',
    bio: user.bio,
    bioLanguage: user.bio_language,
    language: user.language,
    region: user.region,
    createdAt: user.created_at.toISOString(),
    likesPrivate: user.likes_private,
    collectsPrivate: user.collects_private,
    status: user.status,
    warnings,
    private: user.is_private,
    locked,
    stats,
    viewer,
  };
}

export function presentSession(session: SessionRow, currentId: string) {
  return {
    id: session.id,
    createdAt: session.created_at.toISOString(),
    lastSeenAt: session.last_seen_at.toISOString(),
    userAgent: session.user_agent,
    ip: session.ip,
    device: session.device,
    browser: session.browser,
    country: session.country,
    current: session.id === currentId,
  };
}
