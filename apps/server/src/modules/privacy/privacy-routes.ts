import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { DEFAULT_PAGE_SIZE, IdParams, IdSchema, PageQuery, pageSchema } from '../../kernel/schemas.js';
import { UserSummarySchema } from '../../kernel/user-summary.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';
import { requireViewer, requireViewerContext } from '../accounts/viewer.js';
import { lookupByPhone } from './phone-lookup.js';
import { maskedPhoneForStaff, revealPhoneForStaff } from './phone-reveal.js';
import { listStaffAccess, REASON_MAX, REASON_MIN } from './staff-access.js';

export interface PrivacyRoutesDeps {
  db: Db;
  vault: PersonalDataVault;
  clock: () => Date;
  lookupsPerDay: number;
}

const StaffAccessSchema = Type.Object({
  id: IdSchema,
  kind: Type.Union([Type.Literal('phone_revealed'), Type.Literal('export_opened')]),
  reason: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

const StaffPhoneSchema = Type.Object({
  userId: IdSchema,
  masked: Type.Union([Type.String(), Type.Null()], { description: 'e.g. "+1 ••• ••• ••76"; null: no number' }),
});

export async function privacyRoutes(app: ApiApp, deps: PrivacyRoutesDeps) {
  const { db, vault, clock } = deps;

  app.get(
    '/me/privacy/staff-access',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Times staff opened my private data (my phone number, an export), newest first, with the reason they gave',
        querystring: PageQuery,
        response: { 200: pageSchema(StaffAccessSchema) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return listStaffAccess(db, viewer.user.id, { cursor: request.query.cursor, limit: request.query.limit ?? DEFAULT_PAGE_SIZE });
    },
  );

  app.get(
    '/staff/users/:id/phone',
    {
      schema: {
        tags: ['privacy'],
        summary: "An account's phone number, masked (moderators and administrators)",
        params: IdParams,
        response: { 200: StaffPhoneSchema },
      },
    },
    async (request) => maskedPhoneForStaff(db, vault, requireViewer(request), request.params.id),
  );

  app.post(
    '/staff/users/:id/phone/reveal',
    {
      schema: {
        tags: ['privacy'],
        summary: "Reveal an account's phone number for a stated reason; the person sees the reason in their privacy centre",
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ maxLength: 2000, description: `${REASON_MIN}–${REASON_MAX} characters, e.g. "report #812"` }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ ...StaffPhoneSchema.properties, phone: Type.Union([Type.String(), Type.Null()], { description: 'E.164' }) }) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      reply.header('cache-control', 'no-store');
      return revealPhoneForStaff(db, vault, viewer, { userId: request.params.id, reason: request.body.reason, now: clock() });
    },
  );

  app.post(
    '/people/lookup-by-phone',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Find accounts by phone numbers I know; only accounts that allow it are found, and absent numbers say nothing',
        body: Type.Object(
          {
            phones: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { minItems: 1, maxItems: 50 }),
            country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'for numbers written without +' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ matches: Type.Array(Type.Object({ phone: Type.String({ description: 'E.164' }), user: UserSummarySchema })) }) },
      },
    },
    async (request, reply) => {
      const context = await requireViewerContext(request);
      reply.header('cache-control', 'no-store');
      const matches = await lookupByPhone(db, vault, context, {
        phones: request.body.phones,
        country: request.body.country,
        perDay: deps.lookupsPerDay,
        now: clock(),
      });
      return { matches };
    },
  );
}
