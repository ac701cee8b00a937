import type { Db } from '../../db/database.js';
import { findUserByHandle } from '../accounts/users-queries.js';

// "Hide my account from search engines": the server-rendered pages of the
// person's profile (/u/:handle and its lists) and notes (/notes/:id) carry
// `<meta name="robots" content="noindex">` and `X-Robots-Tag: noindex`.
// A private account is never indexed either: crawlers see nothing of it anyway.

const NOTE_PAGE = /^\/notes\/([0-9]{1,18})(?:\/[^?#]*)?\/?(?:[?#].*)?$/;
const PROFILE_PAGE = /^\/u\/([A-Za-z0-9_]{1,64})(?:\/[^?#]*)?\/?(?:[?#].*)?$/;

export const NOINDEX_META = '<meta name="robots" content="noindex">';

/** Whether the page at this path belongs to someone who asked not to be indexed. */
export async function pageIsNoindex(db: Db, path: string): Promise<boolean> {
  const note = NOTE_PAGE.exec(path);
  if (note) {
    const row = await db
      .selectFrom('notes')
      .innerJoin('users', 'users.id', 'notes.author_id')
      .select(['users.noindex', 'users.is_private'])
      .where('notes.id', '=', note[1]!)
      .executeTakeFirst();
    return row ? row.noindex || row.is_private : false;
  }
  const profile = PROFILE_PAGE.exec(path);
  if (profile) {
    const row = await findUserByHandle(db, profile[1]!);
    return row ? row.noindex || row.is_private : false;
  }
  return false;
}
