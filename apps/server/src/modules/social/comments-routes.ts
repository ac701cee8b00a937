import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewer, requireViewerContext } from '../accounts/viewer.js';
import { CommentSchema, ReplySchema } from './comment-views.js';
import type { CommentsService } from './comments-service.js';
import { DEFAULT_PAGE_SIZE, IdParams, IdSchema, PageQuery, pageSchema } from '../../kernel/schemas.js';

const LikeState = Type.Object({ liked: Type.Boolean(), likes: Type.Integer() });

export async function commentsRoutes(app: ApiApp, deps: { comments: CommentsService; clock: () => Date }) {
  const { comments, clock } = deps;

  app.post(
    '/notes/:id/comments',
    {
      schema: {
        tags: ['social'],
        summary: 'Comment on a note, or reply to a comment on it',
        params: IdParams,
        body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000 }), parentId: Type.Optional(IdSchema) }, { additionalProperties: false }),
        response: { 201: CommentSchema },
      },
    },
    async (request, reply) => {
      const comment = await comments.create(await requireViewerContext(request), request.params.id, request.body, clock());
      return reply.status(201).send(comment);
    },
  );

  app.get(
    '/notes/:id/comments',
    {
      schema: {
        tags: ['social'],
        summary: "A note's top-level comments with their first replies",
        params: IdParams,
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            sort: Type.Optional(Type.Union([Type.Literal('top'), Type.Literal('newest')], { default: 'top' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: pageSchema(CommentSchema) },
      },
    },
    async (request) =>
      comments.list(request.params.id, await request.viewerContext(), {
        sort: request.query.sort ?? 'top',
        cursor: request.query.cursor,
        limit: request.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  );

  app.get(
    '/comments/:id/replies',
    {
      schema: {
        tags: ['social'],
        summary: "A comment's replies, oldest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageSchema(ReplySchema) },
      },
    },
    async (request) =>
      comments.replies(request.params.id, await request.viewerContext(), {
        cursor: request.query.cursor,
        limit: request.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  );

  app.delete(
    '/comments/:id',
    { schema: { tags: ['social'], summary: 'Delete a comment (its author or the note’s author)', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await comments.remove(requireViewer(request).user.id, request.params.id, clock());
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/comments/:id/like',
    { schema: { tags: ['social'], summary: 'Like a comment (idempotent)', params: IdParams, response: { 200: LikeState } } },
    async (request) => comments.like(await requireViewerContext(request), request.params.id, clock()),
  );

  app.delete(
    '/comments/:id/like',
    { schema: { tags: ['social'], summary: 'Take a comment like back (idempotent)', params: IdParams, response: { 200: LikeState } } },
    async (request) => comments.unlike(await requireViewerContext(request), request.params.id),
  );
}
