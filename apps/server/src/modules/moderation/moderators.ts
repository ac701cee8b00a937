import type { Db } from '../../db/database.js';
import type { ModerationCaseRow } from '../../db/tables/moderation-cases.js';
import type { Viewer } from '../accounts/sessions-service.js';
import { AppError, forbidden } from '../../lib/errors.js';

// Who may moderate what. Admins see every case; a moderator sees the cases of
// the rulebooks and content languages an admin scoped them to (null: all).

export interface ModeratorScope {
  userId: string;
  admin: boolean;
  rulebooks: string[] | null;
  languages: string[] | null;
}

export async function moderatorScope(db: Db, viewer: Viewer | null): Promise<ModeratorScope> {
  if (!viewer) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  const { role, id } = viewer.user;
  if (role === 'admin') return { userId: id, admin: true, rulebooks: null, languages: null };
  if (role !== 'moderator') throw forbidden('Only moderators can do this.');
  const row = await db.selectFrom('moderators').select(['rulebooks', 'languages']).where('user_id', '=', id).executeTakeFirst();
  return { userId: id, admin: false, rulebooks: row?.rulebooks ?? null, languages: row?.languages ?? null };
}

/** Whether the case is within the moderator's rulebooks (any reporter's) and languages. */
export function inScope(scope: ModeratorScope, item: Pick<ModerationCaseRow, 'rulebooks' | 'language'>): boolean {
  if (scope.rulebooks && item.rulebooks.length > 0 && !item.rulebooks.some((book) => scope.rulebooks!.includes(book))) return false;
  if (scope.languages && item.language && !scope.languages.includes(item.language)) return false;
  return true;
}

export function assertInScope(scope: ModeratorScope, item: Pick<ModerationCaseRow, 'rulebooks' | 'language'>): void {
  if (!inScope(scope, item)) throw new AppError(403, 'out_of_scope', 'This case is outside the rulebooks or languages you moderate.');
}
