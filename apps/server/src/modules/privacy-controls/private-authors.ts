import type { Db } from '../../db/database.js';

/**
 * Which of these authors have a private account, read fresh (never cached):
 * caches of notes keep what every viewer sees alike, and whether an account
 * is private must take effect on the next request, on every instance.
 */
export async function privateAuthorsAmong(db: Db, authorIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(authorIds)];
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('is_private', '=', true).execute();
  return new Set(rows.map((row) => row.id));
}
