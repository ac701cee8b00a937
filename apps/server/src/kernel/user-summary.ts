import { Type } from 'typebox';
import type { UserRow } from '../db/tables/users.js';
import { IdSchema } from './schemas.js';

// How a person appears beside what they wrote or in a list of people: the one
// presenter for authors, followers, search results and notifications.

export const UserSummarySchema = Type.Object({
  id: IdSchema,
  handle: Type.String(),
  displayName: Type.String(),
  bio: Type.String(),
  region: Type.String(),
  viewer: Type.Optional(Type.Object({ following: Type.Boolean() })),
});

export type UserSummary = {
  id: string;
  handle: string;
  displayName: string;
  bio: string;
  region: string;
  viewer?: { following: boolean };
};

export type UserSummaryRow = Pick<UserRow, 'id' | 'handle' | 'display_name' | 'bio' | 'region'>;

/** `following` is left out for anonymous viewers (there is no "you"). */
export function presentUserSummary(user: UserSummaryRow, following?: boolean): UserSummary {
  return {
    id: user.id,
    handle: user.handle ?? '',
    displayName: user.display_name ?? '',
    bio: user.bio,
    region: user.region,
    ...(following === undefined ? {} : { viewer: { following } }),
  };
}

/** The short author line on cards and comments. */
export const AuthorSchema = Type.Object({
  id: IdSchema,
  handle: Type.String(),
  displayName: Type.String(),
  /** A tombstone: the author erased their account; the text and media are gone, replies by others stay. */
  erased: Type.Optional(Type.Literal(true)),
});

export function presentAuthor(user: Pick<UserRow, 'id' | 'handle' | 'display_name'> & { status?: UserRow['status'] }) {
  const erased = user.status === 'erased' || (user.handle === null && user.display_name === null);
  return { id: user.id, handle: user.handle ?? '', displayName: user.display_name ?? user.handle ?? '', ...(erased ? { erased: true as const } : {}) };
}
