import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireAdmin } from '../accounts/viewer.js';
import { countUsers } from '../accounts/users-queries.js';

export async function adminRoutes(app: ApiApp, deps: { db: Db }) {
  app.get(
    '/admin/overview',
    {
      schema: {
        tags: ['admin'],
        summary: 'Counts for the operator (admins only)',
        response: { 200: Type.Object({ users: Type.Object({ total: Type.Integer(), admins: Type.Integer() }) }) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { users: await countUsers(deps.db) };
    },
  );
}
