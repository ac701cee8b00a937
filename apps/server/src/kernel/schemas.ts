import { Type } from 'typebox';

// Request and response shapes every feature's routes share: ids, handles and
// keyset pages. One definition each, so the OpenAPI document says one thing.

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

export const pageSchema = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), cursor: Type.Union([Type.String(), Type.Null()]) });
