import { HandleParams, PageQuery } from '../../kernel/schemas.js';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../lib/errors.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { NotePageSchema } from '../notes/note-schemas.js';
import { readableUserByHandle } from '../social/note-access.js';
import { findTopicByName, topicsWithVisibleNotes } from '../topics/topics-queries.js';
import type { FeedService } from './feed-service.js';
import { visitorReadLanguage } from './visitor-language.js';

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
          ...PageQuery.properties,
        }),
        response: { 200: NotePageSchema },
      },
    },
    async (request) => {
      const { tab = 'foryou', topic: topicName, cursor, limit = 20 } = request.query;
      const context = await request.viewerContext();
      if (tab === 'foryou') {
        const readLanguage = context.viewerId ? undefined : visitorReadLanguage(request.headers['accept-language']);
        return feed.page({ tab, readLanguage }, context, cursor, limit);
      }
      if (tab !== 'topic') return feed.page({ tab }, context, cursor, limit);
      if (!topicName) throw badRequest('topic_required', 'Say which topic: ?tab=topic&topic=<name>.');
      const topic = await findTopicByName(db, topicName);
      // As on the topic page: a topic only closed private accounts use is unknown here.
      if (!topic || !(await topicsWithVisibleNotes(db, [topic.id], context)).has(topic.id))
        throw notFound('topic_not_found', `No notes use #${topicName} yet.`);
      return feed.page({ tab: 'topic', topicId: topic.id, sort: 'top' }, context, cursor, limit);
    },
  );

  app.get(
    '/users/:handle/notes',
    {
      schema: {
        tags: ['feed'],
        summary: "Someone's notes, newest first",
        params: HandleParams,
        querystring: PageQuery,
        response: { 200: NotePageSchema },
      },
    },
    async (request) => {
      // The notes list answers exactly as the profile does (a muted author's notes show here too).
      const context = await request.viewerContext();
      const user = await readableUserByHandle(db, request.params.handle, context);
      return feed.page({ tab: 'author', authorId: user.id }, context, request.query.cursor, request.query.limit ?? 20);
    },
  );
}
