import type { BinaryType, BinaryValue } from '../db/bulk-copy-binary.js';
import type { Random } from './random.js';
import { byTarget, type Pairs } from './seed-engagement.js';

// The signals the live app would have recorded for the seeded engagement, as
// `events` rows: one per like, collect and comment (what the recommender's jobs
// fold), plus anonymous impressions, about four per like and a few for every
// note, spread between the note's creation and now, so note quality rests on
// engagement per impression instead of the prior alone.

const IMPRESSIONS_PER_LIKE = 4;

export interface SeededNote {
  id: string;
  createdAtMs: number;
}

export interface EventSources {
  /** Ids of the seed's people, by index. */
  people: readonly string[];
  /** The seed's notes, most popular (highest id) first: the index the pairs use. */
  notes: readonly SeededNote[];
  likes: Pairs;
  collects: Pairs;
  comments: ReadonlyArray<{ note: number; author: number; atMs: number }>;
}

const signal = (user: string, note: string, type: 'like' | 'collect' | 'comment', atMs: number): BinaryValue[] => [user, note, type, null, 1, atMs, atMs];

/** Columns (and their types, for binary COPY) of the rows `seedEvents` yields. */
export const EVENT_COLUMNS: ReadonlyArray<readonly [string, BinaryType]> = [
  ['user_id', 'int8'],
  ['note_id', 'int8'],
  ['type', 'text'],
  ['source', 'text'],
  ['weight', 'float4'],
  ['occurred_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
];

/**
 * Rows grouped by note, in ascending note id: the events indexes on (note_id, …)
 * then grow at their end instead of taking millions of random inserts.
 * Impression times are drawn from `random` in that same order (deterministic).
 */
export function* seedEvents(sources: EventSources, random: Random, nowMs: number): Generator<BinaryValue[]> {
  const count = sources.notes.length;
  const likes = byTarget(sources.likes, count);
  const collects = byTarget(sources.collects, count);
  const comments: number[][] = Array.from({ length: count }, () => []);
  sources.comments.forEach((comment, i) => comments[comment.note]!.push(i));
  for (let index = count - 1; index >= 0; index -= 1) {
    const note = sources.notes[index]!;
    for (let k = likes.start[index]!; k < likes.start[index + 1]!; k += 1) {
      const row = likes.rows[k]!;
      yield signal(sources.people[sources.likes.from[row]!]!, note.id, 'like', sources.likes.at[row]!);
    }
    for (let k = collects.start[index]!; k < collects.start[index + 1]!; k += 1) {
      const row = collects.rows[k]!;
      yield signal(sources.people[sources.collects.from[row]!]!, note.id, 'collect', sources.collects.at[row]!);
    }
    for (const i of comments[index]!) {
      const comment = sources.comments[i]!;
      yield signal(sources.people[comment.author]!, note.id, 'comment', comment.atMs);
    }
    if (note.createdAtMs > nowMs) continue;
    const impressions = (likes.start[index + 1]! - likes.start[index]!) * IMPRESSIONS_PER_LIKE + Math.floor(random.next() * 20);
    for (let k = 0; k < impressions; k += 1) {
      const at = note.createdAtMs + random.next() * (nowMs - note.createdAtMs);
      yield [null, note.id, 'impression', 'explore', null, at, at];
    }
  }
}
