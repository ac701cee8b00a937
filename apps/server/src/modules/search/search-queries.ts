import { GONE_PROFILE_STATUSES } from '../../kernel/visibility.js';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import { playableNote } from '../feed/feed-queries.js';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Notes holding every query token, best ranked first (keyset on rank). */
export async function searchNoteIds(
  db: Db,
  input: { tokens: string[]; visible: RawBuilder<boolean>; after: [number, string] | null; limit: number },
): Promise<Array<{ id: string; score: number }>> {
  let query = db
    .selectFrom('notes')
    .innerJoin('note_rank', 'note_rank.note_id', 'notes.id')
    .select(['notes.id', 'note_rank.score'])
    .where(input.visible)
    .where(playableNote)
    .where(sql<boolean>`notes.search_tokens @> ${sql.val(input.tokens)}::text[]`);
  if (input.after) query = query.where(sql<boolean>`(note_rank.score, notes.id) < (${input.after[0]}, ${input.after[1]}::bigint)`);
  return query
    .orderBy('note_rank.score', 'desc')
    .orderBy('notes.id', 'desc')
    .limit(input.limit + 1)
    .execute();
}

/** People by handle prefix or a name containing the query (any script). */
export function searchUsers(db: Db, input: { query: string; hidden: readonly string[]; limit: number }): Promise<UserRow[]> {
  const q = escapeLike(input.query.toLowerCase());
  let query = db
    .selectFrom('users')
    .selectAll()
    .where('display_name', 'is not', null)
    .where('status', 'not in', [...GONE_PROFILE_STATUSES])
    .where((eb) => eb.or([eb(sql<string>`lower(handle)`, 'like', `${q}%`), eb(sql<string>`lower(display_name)`, 'like', `%${q}%`)]));
  if (input.hidden.length) query = query.where('id', 'not in', input.hidden);
  // Exact handle first, then shorter handles (closer matches).
  return query.orderBy(sql`lower(handle) = ${input.query.toLowerCase()}`, 'desc').orderBy(sql`length(handle)`).limit(input.limit).execute();
}
