import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../lib/errors.js';
import type { ApiApp } from '../../server/api-app.js';
import { findUserByHandle } from '../accounts/users-queries.js';
import { NotePageSchema } from '../notes/note-schemas.js';
import { hiddenAuthorIds } from '../social/hidden-authors.js';
import { findTopicByName } from '../topics/topics-queries.js';
import type { FeedService } from './feed-service.js';
import { visitorReadLanguage } from './visitor-language.js';

const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
};

export async function feedRoutes(app: ApiApp, deps: { db: Db; feed: FeedService }) {
  const { db, feed } = deps;

  app.get(
    '/feed',
    {
      schema: {
        tags: ['feed'],
        summary: 'The explore grid: for you, following, or one topic',
        querystring: Type.Object({
          tab: Type.Optional(Type.Union([Type.Literal('foryou'), Type.Literal('following'), Type.Literal('topic')])),
          topic: Type.Optional(Type.String({ maxLength: 50 })),
          ...PageQuery,
        }),
        response: { 200: NotePageSchema },
      },
    },
    async (request) => {
      const { tab = 'foryou', topic: topicName, cursor, limit = 20 } = request.query;
      const viewerId = request.viewer?.user.id ?? null;
      if (tab === 'foryou') {
        const readLanguage = viewerId ? undefined : visitorReadLanguage(request.headers['accept-language']);
        return feed.page({ tab, readLanguage }, viewerId, cursor, limit);
      }
      if (tab !== 'topic') return feed.page({ tab }, viewerId, cursor, limit);
      if (!topicName) throw badRequest('topic_required', 'Say which topic: ?tab=topic&topic=<name>.');
      const topic = await findTopicByName(db, topicName);
      if (!topic) throw notFound('topic_not_found', `No notes use #${topicName} yet.`);
      return feed.page({ tab: 'topic', topicId: topic.id, sort: 'top' }, viewerId, cursor, limit);
    },
  );

  app.get(
    '/users/:handle/notes',
    {
      schema: {
        tags: ['feed'],
        summary: "Someone's notes, newest first",
        params: Type.Object({ handle: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object(PageQuery),
        response: { 200: NotePageSchema },
      },
    },
    async (request) => {
      const viewerId = request.viewer?.user.id ?? null;
      const user = await findUserByHandle(db, request.params.handle);
      if (!user || user.display_name === null || (await hiddenAuthorIds(db, viewerId)).has(user.id)) {
        throw notFound('user_not_found', 'No one has this handle.');
      }
      return feed.page({ tab: 'author', authorId: user.id }, viewerId, request.query.cursor, request.query.limit ?? 20);
    },
  );
}
