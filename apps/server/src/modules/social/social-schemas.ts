import { Type } from 'typebox';
import type { UserRow } from '../../db/tables/users.js';

// Schemas and presenters shared by the social routes (likes, boards, comments,
// people) and by notifications.

export const IdSchema = Type.String({ pattern: '^[0-9]{1,18}$', description: 'Numeric id, as a string' });
export const IdParams = Type.Object({ id: IdSchema });
export const HandleParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 64 }) });

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);

export const DEFAULT_PAGE_SIZE = 20;

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

export const pageSchema = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), cursor: Type.Union([Type.String(), Type.Null()]) });
