import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { RankedId } from './feed-queries.js';

/** Video notes whose video is ready to play, in explore rank order (keyset on rank). */
export async function rankedVideoNoteIds(
  db: Db,
  window: { after: [number, string] | null; limit: number; hidden: readonly string[] },
): Promise<RankedId[]> {
  let query = db
    .selectFrom('note_rank')
    .innerJoin('notes', 'notes.id', 'note_rank.note_id')
    .select(['note_rank.note_id as id', 'note_rank.score'])
    .where('notes.deleted_at', 'is', null)
    .where('notes.kind', '=', 'video')
    .where(sql<boolean>`exists (select 1 from videos v where v.note_id = notes.id and v.status = 'ready')`);
  if (window.hidden.length) query = query.where('notes.author_id', 'not in', window.hidden);
  if (window.after) {
    query = query.where(sql<boolean>`(note_rank.score, note_rank.note_id) < (${window.after[0]}, ${window.after[1]}::bigint)`);
  }
  return query.orderBy('note_rank.score', 'desc').orderBy('note_rank.note_id', 'desc').limit(window.limit + 1).execute();
}
