import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CandidateSource } from './recommender-types.js';
import { addToSeen } from './seen-filter.js';

interface ServedRow {
  userId: string;
  noteId: string;
  source: CandidateSource;
  servedAt: Date;
}

/**
 * What the feed served each viewer (rec_served, the log they can download, and
 * their seen filter, seen-filter.ts), so a note is never served to them twice. Every page adds a row per note; writing them one page at a time
 * would double the feed's writes, so rows are buffered and written about once
 * a second in one statement. Until a row is written, `unwritten` still knows
 * it, so a page built in between never repeats it. A crash loses at most the
 * last second of the log (those notes could be served once more).
 */
export class ServedLog {
  private pending: ServedRow[] = [];
  private writing: ServedRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly seenDays: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  record(userId: string, items: ReadonlyArray<{ noteId: string; source: CandidateSource }>, servedAt: Date): void {
    for (const item of items) this.pending.push({ userId, noteId: item.noteId, source: item.source, servedAt });
  }

  /** Notes served to this viewer that are not in the table yet. */
  unwritten(userId: string): string[] {
    const ids: string[] = [];
    for (const row of this.writing) if (row.userId === userId) ids.push(row.noteId);
    for (const row of this.pending) if (row.userId === userId) ids.push(row.noteId);
    return ids;
  }

  /** Writes what has been recorded so far. Safe to call concurrently. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.length === 0) return;
      this.writing = this.pending;
      this.pending = [];
      // One row per (user, note): the latest serving wins.
      const latest = new Map<string, ServedRow>();
      for (const row of this.writing) latest.set(`${row.userId}:${row.noteId}`, row);
      const rows = [...latest.values()];
      try {
        const byUser = new Map<string, string[]>();
        for (const row of rows) {
          const notes = byUser.get(row.userId);
          if (notes) notes.push(row.noteId);
          else byUser.set(row.userId, [row.noteId]);
        }
        // The log (what the person can download) and their seen filter (what For you reads) move together.
        await this.db.transaction().execute(async (trx) => {
          // Notes or accounts deleted meanwhile are skipped rather than failing the batch.
          await sql`
          insert into rec_served (user_id, note_id, source, served_at)
          select r.user_id, r.note_id, r.source, r.served_at
          from unnest(${rows.map((row) => row.userId)}::bigint[], ${rows.map((row) => row.noteId)}::bigint[],
                      ${rows.map((row) => row.source)}::text[], ${rows.map((row) => row.servedAt.toISOString())}::timestamptz[])
                 as r(user_id, note_id, source, served_at)
          where exists (select 1 from users u where u.id = r.user_id) and exists (select 1 from notes n where n.id = r.note_id)
          on conflict (user_id, note_id) do update set source = excluded.source, served_at = excluded.served_at`.execute(trx);
          await addToSeen(trx, byUser, rows.at(-1)!.servedAt, this.seenDays);
        });
      } catch (error) {
        // Keep them for the next flush.
        this.pending = [...this.writing, ...this.pending];
        this.onError(error);
      } finally {
        this.writing = [];
      }
    });
    return this.flushing;
  }

  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
