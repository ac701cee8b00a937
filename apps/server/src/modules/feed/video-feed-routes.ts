import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { decodeCursor, encodeCursor } from '../../db/pagination.js';
import type { ApiApp } from '../../server/api-app.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import { NoteViewSchema } from '../notes/note-schemas.js';
import { hiddenAuthorIds } from '../social/hidden-authors.js';
import { rankedVideoNoteIds } from './video-feed-queries.js';

/**
 * The Video tab's vertical feed: whole notes (the player needs the video, the
 * caption, the counts and the viewer's state), a few at a time.
 */
export async function videoFeedRoutes(app: ApiApp, deps: { db: Db; hydrator: NoteHydrator }) {
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
      const viewerId = request.viewer?.user.id ?? null;
      const after = cursor ? decodeCursor(cursor, ['number', 'id'] as const) : null;
      const hidden = [...(await hiddenAuthorIds(deps.db, viewerId))];
      const rows = await rankedVideoNoteIds(deps.db, { after: after ? [after[0], after[1]] : null, limit, hidden });
      const kept = rows.slice(0, limit);
      const items = [];
      for (const row of kept) {
        try {
          items.push(await deps.hydrator.view(row.id, viewerId));
        } catch {
          // Deleted or hidden between the skeleton and now: skip it.
        }
      }
      return { items, cursor: rows.length > limit ? encodeCursor([kept.at(-1)!.score, kept.at(-1)!.id]) : null };
    },
  );
}
