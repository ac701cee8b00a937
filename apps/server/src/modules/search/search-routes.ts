import { Type } from 'typebox';
import { presentUserSummary } from '../../kernel/user-summary.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, encodeCursor } from '../../db/pagination.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { topicCounts } from '../counters/topic-counters.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import { NoteCardSchema } from '../notes/note-schemas.js';
import { visibleNotes } from '../../kernel/visible-rows-sql.js';
import { decideProfile } from '../../kernel/visibility.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { topicsByPrefix, topicsWithVisibleNotes } from '../topics/topics-queries.js';
import { searchNoteIds, searchUsers } from './search-queries.js';
import { normalizeForSearch, queryTokens } from './search-tokens.js';

const UserHitSchema = Type.Object({ id: Type.String(), handle: Type.String(), displayName: Type.String(), bio: Type.String(), region: Type.String() });
const TopicHitSchema = Type.Object({ name: Type.String(), views: Type.Integer(), discussions: Type.Integer() });
const Query = Type.String({ minLength: 1, maxLength: 100 });

export async function searchRoutes(app: ApiApp, deps: { db: Db; hydrator: NoteHydrator }) {
  const { db, hydrator } = deps;

  const topicHits = async (q: string, limit: number, context: ViewerContext) => {
    const found = await topicsByPrefix(db, q.replace(/^#/, ''), limit);
    const shown = await topicsWithVisibleNotes(
      db,
      found.map((topic) => topic.id),
      context,
    );
    const topics = found.filter((topic) => shown.has(topic.id));
    const counts = await topicCounts(
      db,
      topics.map((topic) => topic.id),
    );
    return topics
      .map((topic) => ({ name: topic.name, views: counts.get(topic.id)!.views, discussions: counts.get(topic.id)!.discussions }))
      .sort((a, b) => b.views + b.discussions * 20 - (a.views + a.discussions * 20));
  };

  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search notes, people and topics (English, Chinese and any other script)',
        querystring: Type.Object({
          q: Query,
          type: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('notes'), Type.Literal('users'), Type.Literal('topics')])),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
        }),
        response: {
          200: Type.Object({
            notes: Type.Array(NoteCardSchema),
            users: Type.Array(UserHitSchema),
            topics: Type.Array(TopicHitSchema),
            cursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const { q, type = 'all', cursor, limit = 20 } = request.query;
      const context = await request.viewerContext();
      const hidden = [...context.hiddenAuthors];
      const text = normalizeForSearch(q).trim();
      const tokens = queryTokens(text);
      let notes: Awaited<ReturnType<NoteHydrator['cards']>> = [];
      let next: string | null = null;
      if ((type === 'all' || type === 'notes') && tokens.length) {
        const after = cursor ? decodeCursor(cursor, ['number', 'id'] as const) : null;
        const rows = await searchNoteIds(db, { tokens, visible: visibleNotes(context, 'discovery'), after: after ? [after[0], after[1]] : null, limit });
        const kept = rows.slice(0, limit);
        if (rows.length > limit) next = encodeCursor([kept.at(-1)!.score, kept.at(-1)!.id]);
        notes = await hydrator.cards(
          kept.map((row) => row.id),
          context,
          'discovery',
        );
      }
      // People and topics come on the first page only; paging walks the notes.
      const first = !cursor;
      const users =
        first && text && (type === 'all' || type === 'users')
          ? await searchUsers(db, { query: text.replace(/^@/, ''), hidden, limit: type === 'users' ? limit : 5 })
          : [];
      const topics = first && text && (type === 'all' || type === 'topics') ? await topicHits(text, type === 'topics' ? limit : 5, context) : [];
      return {
        notes,
        users: users.filter((user) => decideProfile(user, context).visible).map((user) => presentUserSummary(user)),
        topics,
        cursor: next,
      };
    },
  );

  app.get(
    '/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Suggestions as you type',
        querystring: Type.Object({ q: Query }),
        response: {
          200: Type.Object({
            suggestions: Type.Array(
              Type.Object({
                type: Type.Union([Type.Literal('topic'), Type.Literal('user'), Type.Literal('query')]),
                text: Type.String(),
                handle: Type.Optional(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const text = normalizeForSearch(request.query.q).trim();
      if (!text) return { suggestions: [] };
      const context = await request.viewerContext();
      const [topics, found] = await Promise.all([
        topicHits(text, 5, context),
        searchUsers(db, { query: text.replace(/^@/, ''), hidden: [...context.hiddenAuthors], limit: 4 }),
      ]);
      const users = found.filter((user) => decideProfile(user, context).visible);
      return {
        suggestions: [
          { type: 'query' as const, text: request.query.q.trim() },
          ...topics.map((topic) => ({ type: 'topic' as const, text: topic.name })),
          ...users.map((user) => ({ type: 'user' as const, text: user.display_name ?? user.handle ?? '', handle: user.handle ?? '' })),
        ],
      };
    },
  );
}
