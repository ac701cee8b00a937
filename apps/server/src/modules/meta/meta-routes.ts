import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { SUPPORTED_LANGUAGES } from '../accounts/languages.js';

/** What the web app needs to know about this installation before anyone signs in. */
export async function metaRoutes(
  app: ApiApp,
  deps: { smsProvider: 'console' | 'twilio'; devSmsInbox: boolean; translationEnabled: boolean; labels: readonly string[] },
) {
  app.get(
    '/meta',
    {
      schema: {
        tags: ['meta'],
        summary: 'Public facts about this installation',
        response: {
          200: Type.Object({
            languages: Type.Array(Type.String()),
            smsProvider: Type.Union([Type.Literal('console'), Type.Literal('twilio')]),
            devSmsInbox: Type.Boolean(),
            translation: Type.Object({ enabled: Type.Boolean({ description: 'A translation provider is configured: show translate buttons' }) }),
            labels: Type.Array(Type.String(), { description: 'Moderation labels people may report (the vocabulary and the operator’s own)' }),
          }),
        },
      },
    },
    async () => ({
      languages: [...SUPPORTED_LANGUAGES],
      smsProvider: deps.smsProvider,
      devSmsInbox: deps.devSmsInbox,
      translation: { enabled: deps.translationEnabled },
      labels: [...deps.labels],
    }),
  );
}
