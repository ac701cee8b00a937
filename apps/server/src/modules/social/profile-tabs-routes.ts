import type { ApiApp } from '../../kernel/api-app.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import { NotePageSchema } from '../notes/note-schemas.js';
import type { ProfileTabsService } from './profile-tabs-service.js';
import { DEFAULT_PAGE_SIZE, HandleParams, PageQuery } from '../../kernel/schemas.js';

export async function profileTabsRoutes(app: ApiApp, deps: { tabs: ProfileTabsService; hydrator: NoteHydrator }) {
  for (const tab of ['likes', 'collects'] as const) {
    app.get(
      `/users/:handle/${tab}`,
      {
        schema: {
          tags: ['social'],
          summary: `Notes someone ${tab === 'likes' ? 'liked' : 'collected'}, latest first (403 ${tab}_private when hidden)`,
          params: HandleParams,
          querystring: PageQuery,
          response: { 200: NotePageSchema },
        },
      },
      async (request) => {
        const { query } = request;
        const context = await request.viewerContext();
        const page = await deps.tabs.page(tab, request.params.handle, context, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
        return {
          items: await deps.hydrator.cards(
            page.items.map((ref) => ref.noteId),
            context,
            'feed',
          ),
          cursor: page.cursor,
        };
      },
    );
  }
}
