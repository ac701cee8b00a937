import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { BloomFilter, hashPair } from '../../lib/bloom-filter.js';

// What a person has been served or engaged with, so For you never shows it
// again: two Bloom filter generations per person (rec_seen). New notes go into
// the current one; it becomes the previous one once it is half the seen window
// old or full, so a note is remembered for between seenDays/2 and seenDays
// (or, for someone who scrolls thousands of notes, their last few thousand).
// A false positive only skips a note the person has not seen (under 2% at capacity).

export const SEEN_FILTER_BYTES = 4096;
/** Keys per generation before it rotates: about 0.7% false positives at 32 Kbit and 5 probes. */
export const SEEN_FILTER_CAPACITY = 3000;

export class SeenNotes {
  constructor(
    private readonly current: BloomFilter | null,
    private readonly previous: BloomFilter | null,
  ) {}

  static empty(): SeenNotes {
    return new SeenNotes(null, null);
  }

  static fromRow(current: Uint8Array | null, previous: Uint8Array | null): SeenNotes {
    const filter = (bytes: Uint8Array | null) => (bytes && bytes.length === SEEN_FILTER_BYTES ? new BloomFilter(bytes) : null);
    return new SeenNotes(filter(current), filter(previous));
  }

  has(noteId: string): boolean {
    if (!this.current && !this.previous) return false;
    // One hash for both generations: this runs for every candidate of every page.
    const [h1, h2] = hashPair(noteId);
    return Boolean(this.current?.hasHashes(h1, h2) || this.previous?.hasHashes(h1, h2));
  }
}

/**
 * Adds notes to people's seen filters in one round trip to read and one or two
 * to write, with the rows locked (two instances flushing for one person never
 * lose a note). Only the current generations travel (as one binary blob each
 * way, not an array of hex strings): the previous one is written only when a
 * filter rotates. Run it inside a transaction.
 */
export async function addToSeen(trx: Db, notesByUser: ReadonlyMap<string, readonly string[]>, now: Date, seenDays: number): Promise<void> {
  if (notesByUser.size === 0) return;
  const userIds = [...notesByUser.keys()];
  const existing = await sql<{ user_id: string; current: Buffer; current_count: number; current_since: Date }>`
    select user_id::text as user_id, current, current_count, current_since from rec_seen
    where user_id = any(${userIds}::bigint[]) order by user_id for update`.execute(trx);
  const rows = new Map(existing.rows.map((row) => [row.user_id, row]));
  const rotateBefore = now.getTime() - (seenDays * 86_400_000) / 2;
  const kept = { users: [] as string[], filters: [] as Uint8Array[], counts: [] as number[] };
  const rotated = { users: [] as string[], filters: [] as Uint8Array[], previous: [] as Uint8Array[], hasPrevious: [] as boolean[], counts: [] as number[] };
  for (const [userId, noteIds] of notesByUser) {
    const row = rows.get(userId);
    const stale = !row || row.current.length !== SEEN_FILTER_BYTES || row.current_since.getTime() < rotateBefore || row.current_count >= SEEN_FILTER_CAPACITY;
    const current = new BloomFilter(stale ? SEEN_FILTER_BYTES : Uint8Array.from(row.current));
    for (const noteId of noteIds) current.add(noteId);
    if (!stale) {
      kept.users.push(userId);
      kept.filters.push(current.bits);
      kept.counts.push(row.current_count + noteIds.length);
      continue;
    }
    const previous = row?.current.length === SEEN_FILTER_BYTES ? row.current : null;
    rotated.users.push(userId);
    rotated.filters.push(current.bits);
    rotated.previous.push(previous ?? new Uint8Array(SEEN_FILTER_BYTES));
    rotated.hasPrevious.push(previous !== null);
    rotated.counts.push(noteIds.length);
  }
  // Filter i of a blob is bytes [i * SEEN_FILTER_BYTES, (i + 1) * SEEN_FILTER_BYTES).
  const slice = (blob: RawBuilder<unknown>) => sql`substring(${blob} from (r.i::int - 1) * ${SEEN_FILTER_BYTES}::int + 1 for ${SEEN_FILTER_BYTES}::int)`;
  const blob = (filters: Uint8Array[]) => sql`${Buffer.concat(filters)}::bytea`;
  if (kept.users.length > 0) {
    await sql`
      update rec_seen s set current = ${slice(blob(kept.filters))}, current_count = r.count
      from unnest(${kept.users}::bigint[], ${kept.counts}::int[]) with ordinality as r(user_id, count, i)
      where s.user_id = r.user_id`.execute(trx);
  }
  if (rotated.users.length > 0) {
    await sql`
      insert into rec_seen (user_id, current, previous, current_count, current_since)
      select r.user_id, ${slice(blob(rotated.filters))}, case when r.has_previous then ${slice(blob(rotated.previous))} end, r.count, ${now}
      from unnest(${rotated.users}::bigint[], ${rotated.counts}::int[], ${rotated.hasPrevious}::boolean[]) with ordinality as r(user_id, count, has_previous, i)
      -- An account deleted meanwhile is skipped rather than failing the batch.
      where exists (select 1 from users u where u.id = r.user_id)
      on conflict (user_id) do update set current = excluded.current, previous = excluded.previous,
        current_count = excluded.current_count, current_since = excluded.current_since`.execute(trx);
  }
}
