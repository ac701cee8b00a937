import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { topicCounts } from '../counters/topic-counters.js';
import type { FeedService } from '../feed/feed-service.js';
import { NotePageSchema } from '../notes/note-schemas.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { findTopicByName, topicsWithVisibleNotes, trendingTopics } from './topics-queries.js';

const TopicSchema = Type.Object({
  name: Type.String(),
  views: Type.Integer(),
  discussions: Type.Integer(),
  participants: Type.Integer(),
});
const TopicParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }) });

export async function topicsRoutes(app: ApiApp, deps: { db: Db; feed: FeedService; clock: () => Date }) {
  const { db, feed, clock } = deps;

  // A topic whose notes the viewer may not see (only private accounts use it) answers as if unused.
  const topicOr404 = async (name: string, context: ViewerContext) => {
    const topic = await findTopicByName(db, name);
    if (!topic || !(await topicsWithVisibleNotes(db, [topic.id], context)).has(topic.id)) throw notFound('topic_not_found', `No notes use #${name} yet.`);
    return topic;
  };

  app.get(
    '/topics/trending',
    {
      schema: {
        tags: ['topics'],
        summary: 'Topics growing fastest in the last day',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })) }),
        response: { 200: Type.Object({ topics: Type.Array(Type.Intersect([TopicSchema, Type.Object({ growth: Type.Number() })])) }) },
      },
    },
    async (request) => {
      const trending = await trendingTopics(db, clock(), request.query.limit ?? 10);
      const shown = await topicsWithVisibleNotes(
        db,
        trending.map((topic) => topic.id),
        await request.viewerContext(),
      );
      const topics = trending.filter((topic) => shown.has(topic.id));
      const counts = await topicCounts(
        db,
        topics.map((topic) => topic.id),
      );
      return { topics: topics.map((topic) => ({ name: topic.name, growth: topic.growth, ...counts.get(topic.id)! })) };
    },
  );

  app.get(
    '/topics/:name',
    { schema: { tags: ['topics'], summary: "A topic's live counters", params: TopicParams, response: { 200: TopicSchema } } },
    async (request) => {
      const topic = await topicOr404(request.params.name, await request.viewerContext());
      return { name: topic.name, ...(await topicCounts(db, [topic.id])).get(topic.id)! };
    },
  );

  app.get(
    '/topics/:name/notes',
    {
      schema: {
        tags: ['topics'],
        summary: "A topic's notes, top or latest",
        params: TopicParams,
        querystring: Type.Object({
          sort: Type.Optional(Type.Union([Type.Literal('top'), Type.Literal('latest')])),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
        }),
        response: { 200: NotePageSchema },
      },
    },
    async (request) => {
      const context = await request.viewerContext();
      const topic = await topicOr404(request.params.name, context);
      const { sort = 'top', cursor, limit = 20 } = request.query;
      return feed.page({ tab: 'topic', topicId: topic.id, sort }, context, cursor, limit);
    },
  );
}
