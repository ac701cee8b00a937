import type { ColumnType, Generated, Selectable } from 'kysely';

export type UserRole = 'user' | 'admin';

export interface UsersTable {
  id: Generated<string>;
  /** E.164, e.g. +8613800138000. */
  phone: string;
  /** Chosen at onboarding; unique case-insensitively (index on lower(handle)). */
  handle: string | null;
  display_name: string | null;
  bio: ColumnType<string, string | undefined, string>;
  /** UI language, a supported BCP 47 tag (en, zh-CN). */
  language: string;
  /** ISO 3166-1 alpha-2, suggested from the phone number's country. */
  region: string;
  role: ColumnType<UserRole, UserRole | undefined, UserRole>;
  /** Whether other people may see the notes this user liked / collected. */
  likes_private: ColumnType<boolean, boolean | undefined, boolean>;
  collects_private: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type UserRow = Selectable<UsersTable>;
