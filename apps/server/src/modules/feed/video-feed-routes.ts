import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { NoteViewSchema } from '../notes/note-schemas.js';
import type { FeedService } from './feed-service.js';
import { visitorReadLanguage } from './visitor-language.js';

/**
 * The Video tab's vertical feed: For you, video notes only, as whole notes (the
 * player needs the video, the caption, the counts and the viewer's state), a
 * few at a time, each with the reason it was chosen.
 */
export async function videoFeedRoutes(app: ApiApp, deps: { feed: FeedService }) {
  app.get(
    '/feed/videos',
    {
      schema: {
        tags: ['feed'],
        summary: 'The swipe feed of short videos',
        querystring: Type.Object({
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(NoteViewSchema), cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const { cursor, limit = 5 } = request.query;
      const context = await request.viewerContext();
      return deps.feed.videos(context, cursor, limit, context.viewerId ? undefined : visitorReadLanguage(request.headers['accept-language']));
    },
  );
}
