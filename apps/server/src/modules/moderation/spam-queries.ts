import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { IMAGE_NEAR_DUPLICATE_MAX_DISTANCE } from '../../lib/image-dhash.js';
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, NEAR_DUPLICATE_MIN_SHINGLES, shingles, simhash64 } from './screening/simhash.js';

// Spam signals that need the database: the same text from several accounts
// (SimHash over the last day's posts), the same picture from several accounts
// (dHash of the last day's images) and one account posting in a burst.

/** How many recent posts by others a new post is compared with (the newest first). */
const RECENT_POSTS = 500;
const DAY_MS = 86_400_000;
const BURST_WINDOW_MS = 10 * 60_000;

export interface SpamFindings {
  /** Other accounts that posted a near-duplicate of this text in the last day. */
  duplicateAuthors: number;
  /** Other accounts whose notes of the last day carry a copy of one of this note's images. */
  imageCopyAuthors: number;
  /** The author's notes and comments in the last 10 minutes, this one included. */
  burst: number;
}

/** Stores the text's SimHash on the row and compares it with the last day's posts by other accounts. */
export async function spamFindings(db: Db, input: { kind: 'note' | 'comment'; id: string; authorId: string; text: string; now: Date }): Promise<SpamFindings> {
  const table = input.kind === 'note' ? 'notes' : 'comments';
  const long = shingles(input.text).length >= NEAR_DUPLICATE_MIN_SHINGLES;
  const hash = long ? simhash64(input.text) : null;
  // pg's bigint is signed: store the 64 bits as a signed number.
  const stored = hash === null ? null : BigInt.asIntN(64, hash).toString();
  await sql`update ${sql.table(table)} set text_simhash = ${stored} where id = ${input.id}`.execute(db);
  const since = new Date(input.now.getTime() - DAY_MS);
  const [recent, burst] = await Promise.all([
    hash === null
      ? Promise.resolve({ rows: [] as Array<{ author_id: string; text_simhash: string }> })
      : sql<{ author_id: string; text_simhash: string }>`
          select author_id, text_simhash from ${sql.table(table)}
          where created_at > ${since} and text_simhash is not null and author_id <> ${input.authorId} and deleted_at is null
          order by created_at desc limit ${RECENT_POSTS}`.execute(db),
    sql<{ n: number }>`
      select ((select count(*) from notes where author_id = ${input.authorId} and created_at > ${new Date(input.now.getTime() - BURST_WINDOW_MS)})
            + (select count(*) from comments where author_id = ${input.authorId} and created_at > ${new Date(input.now.getTime() - BURST_WINDOW_MS)}))::int as n`.execute(
      db,
    ),
  ]);
  const authors = new Set<string>();
  if (hash !== null) {
    for (const row of recent.rows) {
      if (hammingDistance(BigInt.asUintN(64, BigInt(row.text_simhash)), hash) <= NEAR_DUPLICATE_MAX_DISTANCE) authors.add(String(row.author_id));
    }
  }
  const imageCopyAuthors = input.kind === 'note' ? await imageCopies(db, input.id, input.authorId, since) : 0;
  return { duplicateAuthors: authors.size, imageCopyAuthors, burst: burst.rows[0]?.n ?? 0 };
}

/** Distinct other authors whose recent notes use a near-copy (dHash) of one of this note's images. */
async function imageCopies(db: Db, noteId: string, authorId: string, since: Date): Promise<number> {
  const own = await db.selectFrom('images').select('dhash').where('note_id', '=', noteId).where('dhash', 'is not', null).execute();
  if (own.length === 0) return 0;
  const { rows } = await sql<{ owner_id: string; dhash: string }>`
    select owner_id, dhash from images
    where created_at > ${since} and dhash is not null and note_id is not null and owner_id <> ${authorId}
    order by created_at desc limit ${RECENT_POSTS}`.execute(db);
  const mine = own.map((row) => BigInt.asUintN(64, BigInt(row.dhash!)));
  const authors = new Set<string>();
  for (const row of rows) {
    const theirs = BigInt.asUintN(64, BigInt(row.dhash));
    if (mine.some((hash) => hammingDistance(hash, theirs) <= IMAGE_NEAR_DUPLICATE_MAX_DISTANCE)) authors.add(String(row.owner_id));
  }
  return authors.size;
}
