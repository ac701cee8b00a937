import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireAdmin } from '../accounts/viewer.js';
import type { TranslationService } from './translation-service.js';

const KindSchema = Type.Union([Type.Literal('note'), Type.Literal('comment'), Type.Literal('bio'), Type.Literal('topic')]);
const FieldsSchema = Type.Object({
  title: Type.Optional(Type.String()),
  body: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
});
const CircuitStateSchema = Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half-open')]);

export async function translationRoutes(app: ApiApp, deps: { translation: TranslationService; setupHelp: string }) {
  const { translation } = deps;

  app.post(
    '/translations',
    {
      schema: {
        tags: ['translation'],
        summary: 'Translate a note, comment, bio or topic name',
        description:
          '`id` is the note or comment id, the user id for a bio, and the topic name for a topic. `target` is a language code ' +
          '(en, zh, ja, ko, es…) or a UI locale (zh-CN → zh, zh-TW → zh-Hant). Answers come from a shared cache when the same text ' +
          'was translated before; otherwise providers are tried in their configured order. Errors: 400 nothing_to_translate, ' +
          'same_language, unsupported_language; 404 translation_disabled or <kind>_not_found; 429 translation_rate_limited; ' +
          '503 translation_unavailable.',
        body: Type.Object(
          {
            kind: KindSchema,
            id: Type.String({ minLength: 1, maxLength: 100 }),
            target: Type.String({ minLength: 2, maxLength: 35 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            translation: Type.Object({
              kind: KindSchema,
              id: Type.String(),
              target: Type.String(),
              sourceLanguage: Type.Union([Type.String(), Type.Null()]),
              provider: Type.String(),
              fields: FieldsSchema,
            }),
          }),
        },
      },
    },
    async (request) => ({
      translation: await translation.translate(request.body, { context: await request.viewerContext(), ip: request.ip }),
    }),
  );

  app.get(
    '/admin/translation',
    {
      schema: {
        tags: ['admin'],
        summary: 'Translation providers and their circuits (admins only)',
        response: {
          200: Type.Object({
            enabled: Type.Boolean(),
            providers: Type.Array(
              Type.Object({
                name: Type.String(),
                configured: Type.Boolean(),
                state: CircuitStateSchema,
                failures: Type.Integer(),
                lastError: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
            setupHelp: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { enabled: translation.enabled, providers: translation.status(), setupHelp: deps.setupHelp };
    },
  );
}
