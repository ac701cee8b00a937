import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewer } from '../accounts/viewer.js';
import type { BoardsService } from './boards-service.js';
import { DEFAULT_PAGE_SIZE, HandleParams, IdParams, IdSchema, PageQuery, pageSchema } from '../../kernel/schemas.js';

const BoardSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  isPrivate: Type.Boolean(),
  noteCount: Type.Integer(),
  coverImageId: Type.Union([IdSchema, Type.Null()], { description: 'First image of the latest collected note' }),
  createdAt: Type.String({ format: 'date-time' }),
});
const BoardList = Type.Object({ items: Type.Array(BoardSchema) });

export async function boardsRoutes(app: ApiApp, deps: { boards: BoardsService; clock: () => Date }) {
  const { boards, clock } = deps;

  app.get('/boards', { schema: { tags: ['social'], summary: 'My boards, private ones included', response: { 200: BoardList } } }, async (request) => ({
    items: await boards.mine(requireViewer(request).user.id),
  }));

  app.post(
    '/boards',
    {
      schema: {
        tags: ['social'],
        summary: 'Make a board',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 60 }), isPrivate: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 201: BoardSchema },
      },
    },
    async (request, reply) => {
      const board = await boards.create(requireViewer(request).user.id, request.body, clock());
      return reply.status(201).send(board);
    },
  );

  app.patch(
    '/boards/:id',
    {
      schema: {
        tags: ['social'],
        summary: 'Rename a board or change its privacy',
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })), isPrivate: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: BoardSchema },
      },
    },
    async (request) => boards.update(requireViewer(request).user.id, request.params.id, request.body),
  );

  app.delete(
    '/boards/:id',
    { schema: { tags: ['social'], summary: 'Delete a board; its notes stay collected', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await boards.remove(requireViewer(request).user.id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users/:handle/boards',
    { schema: { tags: ['social'], summary: "Someone's public boards (all of mine)", params: HandleParams, response: { 200: BoardList } } },
    async (request) => ({ items: await boards.ofUser(request.params.handle, await request.viewerContext()) }),
  );

  app.get(
    '/boards/:id/notes',
    {
      schema: {
        tags: ['social'],
        summary: "A board's notes, latest collected first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageSchema(Type.Object({ noteId: IdSchema, collectedAt: Type.String({ format: 'date-time' }) })) },
      },
    },
    async (request) => boards.notes(request.params.id, await request.viewerContext(), request.query.cursor, request.query.limit ?? DEFAULT_PAGE_SIZE),
  );
}
