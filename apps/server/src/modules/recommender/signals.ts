import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { ServerEventType } from '../../db/tables/events.js';

// What people do, as the recommender hears it: one row per act in `events`,
// next to the clients' impressions and watch time. Written in the same
// transaction as the act itself where there is one, so a like that is rolled
// back leaves no signal behind. The jobs fold these rows into affinities,
// note quality and trending.

export interface Signal {
  userId: string;
  noteId: string;
  type: ServerEventType;
  at: Date;
  /** The act's strength; defaults to 1, and -1 for the undoing acts (unlike, uncollect). */
  weight?: number;
}

const UNDOING = new Set<ServerEventType>(['unlike', 'uncollect']);
// PostgreSQL takes at most 65,535 parameters per statement; 12 columns a row.
const CHUNK = 5_000;

export async function recordSignals(db: Db | Transaction<Database>, signals: readonly Signal[]): Promise<void> {
  for (let i = 0; i < signals.length; i += CHUNK) {
    await db
      .insertInto('events')
      .values(
        signals.slice(i, i + CHUNK).map((signal) => ({
          user_id: signal.userId,
          note_id: signal.noteId,
          type: signal.type,
          source: null,
          watch_ms: null,
          position_ms: null,
          client_session: null,
          client_seq: null,
          weight: signal.weight ?? (UNDOING.has(signal.type) ? -1 : 1),
          position: null,
          occurred_at: signal.at,
          received_at: signal.at,
        })),
      )
      .execute();
  }
}
