import { Type } from 'typebox';
import type { ModerationPolicy } from '../../config/moderation-policy.js';
import type { Db } from '../../db/database.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { HandleParams } from '../../kernel/schemas.js';
import { badRequest } from '../../lib/errors.js';
import { isContentLanguage } from '../language/content-languages.js';
import { requireAdmin } from '../accounts/viewer.js';
import { userByHandle } from '../social/note-access.js';

// Admins make moderators and scope them to rulebooks and content languages.

const ModeratorSchema = Type.Object({
  handle: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  rulebooks: Type.Union([Type.Array(Type.String()), Type.Null()]),
  languages: Type.Union([Type.Array(Type.String()), Type.Null()]),
});

export async function moderatorsRoutes(app: ApiApp, deps: { db: Db; policy: ModerationPolicy; clock: () => Date; onRoleChange: (userId: string) => void }) {
  const { db, policy } = deps;

  app.get(
    '/admin/moderators',
    { schema: { tags: ['admin'], summary: 'Moderators and their scopes', response: { 200: Type.Object({ items: Type.Array(ModeratorSchema) }) } } },
    async (request) => {
      requireAdmin(request);
      const rows = await db
        .selectFrom('users')
        .leftJoin('moderators', 'moderators.user_id', 'users.id')
        .select(['users.handle', 'users.display_name', 'users.role', 'moderators.rulebooks', 'moderators.languages'])
        .where('users.role', 'in', ['moderator', 'admin'])
        .orderBy('users.handle')
        .execute();
      return {
        items: rows.map((row) => ({
          handle: row.handle ?? '',
          displayName: row.display_name ?? '',
          role: row.role,
          rulebooks: row.rulebooks ?? null,
          languages: row.languages ?? null,
        })),
      };
    },
  );

  app.put(
    '/admin/moderators/:handle',
    {
      schema: {
        tags: ['admin'],
        summary: 'Make someone a moderator, scoped to rulebooks and languages (null: all)',
        params: HandleParams,
        body: Type.Object(
          {
            // Null (all) first: with type coercion on, a null would otherwise become [""].
            rulebooks: Type.Union([Type.Null(), Type.Array(Type.String({ maxLength: 32 }), { maxItems: 50 })]),
            languages: Type.Union([Type.Null(), Type.Array(Type.String({ maxLength: 8 }), { maxItems: 50 })]),
          },
          { additionalProperties: false },
        ),
        response: { 200: ModeratorSchema },
      },
    },
    async (request) => {
      const admin = requireAdmin(request);
      const { rulebooks, languages } = request.body;
      for (const name of rulebooks ?? []) if (!policy.rulebooks[name]) throw badRequest('rulebook_invalid', `There is no rulebook "${name}".`);
      for (const code of languages ?? []) if (!isContentLanguage(code)) throw badRequest('language_invalid', `"${code}" is not a content language.`);
      const user = await userByHandle(db, request.params.handle);
      if (user.role === 'admin') throw badRequest('already_admin', 'Administrators moderate everything already.');
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ role: 'moderator' }).where('id', '=', user.id).execute();
        await trx
          .insertInto('moderators')
          .values({ user_id: user.id, rulebooks, languages, granted_by: admin.user.id, granted_at: deps.clock() })
          .onConflict((oc) => oc.column('user_id').doUpdateSet({ rulebooks, languages, granted_by: admin.user.id, granted_at: deps.clock() }))
          .execute();
      });
      deps.onRoleChange(user.id);
      return { handle: user.handle ?? '', displayName: user.display_name ?? '', role: 'moderator', rulebooks, languages };
    },
  );

  app.delete(
    '/admin/moderators/:handle',
    { schema: { tags: ['admin'], summary: 'Take the moderator role back', params: HandleParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      requireAdmin(request);
      const user = await userByHandle(db, request.params.handle);
      if (user.role === 'moderator') {
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('users').set({ role: 'user' }).where('id', '=', user.id).execute();
          await trx.deleteFrom('moderators').where('user_id', '=', user.id).execute();
        });
        deps.onRoleChange(user.id);
      }
      return reply.status(204).send(null);
    },
  );
}
