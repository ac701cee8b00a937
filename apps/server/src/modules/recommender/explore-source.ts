import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { kindFilter, liveNote, type PoolNote, type PoolNoteRow, poolNoteColumns, toPoolNote } from './pool-note.js';

// A little pure exploration: notes drawn at random from the whole catalogue,
// by probing random ids (a few index lookups instead of a scan). The draw is
// seeded by the viewer and the hour, so a page is reproducible in tests and
// evaluation, and changes through the day.

const PROBES = 400;

/** mulberry32: small, fast, good enough to spread probes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function exploreSeed(viewerKey: string, now: Date): number {
  let hash = Math.floor(now.getTime() / 3_600_000) | 0;
  for (const char of viewerKey) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

export async function noteIdRange(db: Db): Promise<{ low: number; high: number } | null> {
  const row = await db
    .selectFrom('notes')
    .select([sql<string | null>`min(id)`.as('low'), sql<string | null>`max(id)`.as('high')])
    .executeTakeFirst();
  if (!row?.low || !row.high) return null;
  return { low: Number(row.low), high: Number(row.high) };
}

/** Random live notes, in the order drawn; `score` is the draw, so the order is the seed's. */
export async function exploreNotes(
  db: Db,
  range: { low: number; high: number },
  options: { seed: number; now: Date; kind?: 'video' },
): Promise<Array<PoolNote & { draw: number }>> {
  const random = seededRandom(options.seed);
  const draws = new Map<string, number>();
  for (let i = 0; i < PROBES; i += 1) {
    const id = String(range.low + Math.floor(random() * (range.high - range.low + 1)));
    if (!draws.has(id)) draws.set(id, PROBES - i);
  }
  const { rows } = await sql<PoolNoteRow>`
    select ${poolNoteColumns}
    from notes left join rec_note_quality q on q.note_id = notes.id
    where notes.id = any(${[...draws.keys()]}::bigint[]) and notes.created_at <= ${options.now}
      and ${liveNote} and ${kindFilter(options.kind)}`.execute(db);
  return rows.map((row) => ({ ...toPoolNote(row), draw: draws.get(String(row.note_id))! })).sort((a, b) => b.draw - a.draw);
}

/**
 * The explore sample every viewer shares for the hour (each starts from their
 * own point in it): drawn once per process and refresh instead of per viewer.
 */
export async function exploreSample(db: Db, options: { now: Date; kind?: 'video' }): Promise<Array<PoolNote & { draw: number }>> {
  const range = await noteIdRange(db);
  if (!range) return [];
  return exploreNotes(db, range, { seed: exploreSeed('explore', options.now), now: options.now, kind: options.kind });
}
