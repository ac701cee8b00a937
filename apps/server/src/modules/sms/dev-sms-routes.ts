import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { ConsoleSmsProvider } from './console-sms-provider.js';
import type { SmsProvider } from './sms-provider.js';

const codePattern = /\b(\d{6})\b/;

/**
 * The development inbox: with the console provider outside production, the
 * messages "sent" are listed so a developer (and the e2e tests) can sign in
 * without a phone. Not registered at all otherwise.
 */
export async function devSmsRoutes(app: ApiApp, deps: { sms: SmsProvider; enabled: boolean }) {
  const { sms, enabled } = deps;
  if (!enabled || !(sms instanceof ConsoleSmsProvider)) return;
  app.get(
    '/dev/sms',
    {
      schema: {
        tags: ['development'],
        summary: 'Messages sent by the console SMS provider (development only)',
        querystring: Type.Object({ to: Type.Optional(Type.String({ maxLength: 32 })) }),
        response: {
          200: Type.Object({
            messages: Type.Array(
              Type.Object({
                to: Type.String(),
                body: Type.String(),
                code: Type.Union([Type.String(), Type.Null()]),
                sentAt: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      messages: sms.recent(request.query.to).map((message) => ({
        to: message.to,
        body: message.body,
        code: codePattern.exec(message.body)?.[1] ?? null,
        sentAt: message.sentAt.toISOString(),
      })),
    }),
  );
}
