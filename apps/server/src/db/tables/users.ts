import type { ColumnType, Generated, Selectable } from 'kysely';
import type { AccountStatus } from '../../kernel/visibility.js';

export type UserRole = 'user' | 'moderator' | 'admin';
/** followers: people who follow me; following: people I follow. */
export type Audience = 'everyone' | 'followers' | 'following' | 'nobody';

export interface UsersTable {
  /** Sign-ups take it from the sequence first: the phone's ciphertext is bound to the id. */
  id: Generated<string>;
  /** The E.164 number sealed (AES-256-GCM) under the person's data key (user_data_keys); null: an account without a number (demo). */
  phone_ciphertext: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  /** Keyed HMAC of the E.164 number (blind index, unique): how sign-in finds the account. */
  phone_index: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  /** Others may find this account by its phone number (POST /api/people/lookup-by-phone). */
  discoverable_by_phone: ColumnType<boolean, boolean | undefined, boolean>;
  /** Chosen at onboarding; unique case-insensitively (index on lower(handle)). */
  handle: string | null;
  display_name: string | null;
  bio: ColumnType<string, string | undefined, string>;
  /** ISO 639-1 of the bio, detected or set by the user; null when unknown. */
  bio_language: ColumnType<string | null, string | null | undefined, string | null>;
  /** ISO 639-1 codes the user reads; empty means derived from the UI language (see viewer-languages.ts). */
  read_languages: ColumnType<string[], string[] | undefined, string[]>;
  /** Translate notes and comments in other languages without a tap. */
  auto_translate: ColumnType<boolean, boolean | undefined, boolean>;
  /** Feeds show only notes in the read languages. */
  feed_languages_only: ColumnType<boolean, boolean | undefined, boolean>;
  /** UI language, a supported BCP 47 tag (en, zh-CN, zh-TW, ja, ko, es). */
  language: string;
  /** ISO 3166-1 alpha-2, suggested from the phone number's country. */
  region: string;
  role: ColumnType<UserRole, UserRole | undefined, UserRole>;
  /** Whether other people may see the notes this user liked / collected. */
  likes_private: ColumnType<boolean, boolean | undefined, boolean>;
  collects_private: ColumnType<boolean, boolean | undefined, boolean>;
  /** false: For you shows latest from follows, then trending (no personalisation). */
  feed_personalised: ColumnType<boolean, boolean | undefined, boolean>;
  /** Active labels on the profile, `label` or `label@rulebook`. */
  labels: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  /** When a suspension ends (status goes back to active). */
  suspended_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Self-declared in settings; adults-only content needs it. */
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** The region may change once per 30 days (it decides the rulebook). */
  region_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Private account: only approved followers (follows rows) see the notes; new followers ask first. */
  is_private: ColumnType<boolean, boolean | undefined, boolean>;
  /** Who may comment on my notes / mention me. */
  comment_permission: ColumnType<Audience, Audience | undefined, Audience>;
  mention_permission: ColumnType<Audience, Audience | undefined, Audience>;
  /** Search engines are asked not to index my profile and notes. */
  noindex: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type UserRow = Selectable<UsersTable>;
