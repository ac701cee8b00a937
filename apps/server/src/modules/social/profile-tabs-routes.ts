import { Type } from 'typebox';
import type { ApiApp } from '../../server/api-app.js';
import type { NoteRef } from './profile-tabs-queries.js';
import type { ProfileTabsService } from './profile-tabs-service.js';
import { DEFAULT_PAGE_SIZE, HandleParams, IdSchema, PageQuery, pageSchema } from './social-schemas.js';

// For now the tabs answer note ids; the notes module will hydrate them into
// note cards here (only this presenter and schema need to change).

const NoteRefSchema = Type.Object({ noteId: IdSchema, at: Type.String({ format: 'date-time' }) });
const presentNoteRef = (ref: NoteRef) => ({ noteId: ref.noteId, at: ref.at.toISOString() });

export async function profileTabsRoutes(app: ApiApp, deps: { tabs: ProfileTabsService }) {
  for (const tab of ['likes', 'collects'] as const) {
    app.get(
      `/users/:handle/${tab}`,
      {
        schema: {
          tags: ['social'],
          summary: `Notes someone ${tab === 'likes' ? 'liked' : 'collected'}, latest first (403 ${tab}_private when hidden)`,
          params: HandleParams,
          querystring: PageQuery,
          response: { 200: pageSchema(NoteRefSchema) },
        },
      },
      async (request) => {
        const { query } = request;
        const page = await deps.tabs.page(tab, request.params.handle, request.viewer?.user.id ?? null, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
        return { items: page.items.map(presentNoteRef), cursor: page.cursor };
      },
    );
  }
}
