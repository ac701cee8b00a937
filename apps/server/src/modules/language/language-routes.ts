import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewer } from '../accounts/viewer.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import { NoteViewSchema } from '../notes/note-schemas.js';
import { IdParams, IdSchema } from '../../kernel/schemas.js';
import type { LanguageService } from './language-service.js';

const LanguageBody = Type.Object(
  {
    // Null first: with type coercion on, a null would otherwise become an empty string.
    language: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 16, description: 'ISO 639-1, one of the supported content languages' })], {
      description: 'null: detect it from the text again',
    }),
  },
  { additionalProperties: false },
);

export async function languageRoutes(app: ApiApp, deps: { languages: LanguageService; hydrator: NoteHydrator }) {
  const { languages, hydrator } = deps;

  app.put(
    '/notes/:id/language',
    {
      schema: {
        tags: ['notes'],
        summary: "Correct my note's language (null: detect it again); edits keep a language I set",
        params: IdParams,
        body: LanguageBody,
        response: { 200: NoteViewSchema },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await languages.setNoteLanguage(viewer.user, request.params.id, request.body.language);
      return hydrator.view(request.params.id, await request.viewerContext());
    },
  );

  app.put(
    '/comments/:id/language',
    {
      schema: {
        tags: ['social'],
        summary: "Correct my comment's language (null: detect it again)",
        params: IdParams,
        body: LanguageBody,
        response: { 200: Type.Object({ id: IdSchema, language: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => languages.setCommentLanguage(requireViewer(request).user.id, request.params.id, request.body.language),
  );
}
