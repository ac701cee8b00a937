import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import type { TwoFactorService } from './two-factor-service.js';
import { requireViewer } from './viewer.js';

const CodeBody = Type.Object({
  code: Type.String({ minLength: 6, maxLength: 20, description: 'The current 6-digit code from the app (disabling also takes a recovery code)' }),
});

export async function twoFactorRoutes(app: ApiApp, deps: { twoFactor: TwoFactorService; clock: () => Date }) {
  const { twoFactor, clock } = deps;

  app.get(
    '/me/two-factor',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Is an authenticator app required at sign-in?',
        response: { 200: Type.Object({ enabled: Type.Boolean(), recoveryCodesLeft: Type.Integer() }) },
      },
    },
    async (request) => twoFactor.status(requireViewer(request).user.id),
  );

  app.post(
    '/me/two-factor/setup',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Start authenticator-app setup: a new secret, as a QR code and as text; nothing changes until it is confirmed',
        response: {
          200: Type.Object({
            secret: Type.String({ description: 'base32, for typing into the app' }),
            otpauthUrl: Type.String(),
            qrSvg: Type.String({ description: 'The otpauth URL as an SVG QR code' }),
          }),
        },
      },
    },
    async (request) => twoFactor.beginSetup(requireViewer(request).user, clock()),
  );

  app.post(
    '/me/two-factor/confirm',
    {
      schema: {
        tags: ['accounts'],
        summary: "Turn it on with the app's first code; returns 10 single-use recovery codes, shown this once",
        body: CodeBody,
        response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String(), { minItems: 10, maxItems: 10 }) }) },
      },
    },
    async (request) => ({ recoveryCodes: await twoFactor.confirmSetup(requireViewer(request).user, request.body.code, clock()) }),
  );

  app.post(
    '/me/two-factor/disable',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Turn the authenticator app off; needs a current code or a recovery code',
        body: CodeBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await twoFactor.disable(requireViewer(request).user, request.body.code, clock());
      return reply.status(204).send(null);
    },
  );
}
