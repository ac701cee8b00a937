import type { Db } from '../../db/database.js';
import { addToNoteCounters } from '../counters/note-counters.js';
import { addTopicViews } from '../counters/topic-counters.js';
import { noteTopicPairs } from './views-queries.js';

const DEDUPE_MS = 30 * 60 * 1000;

/**
 * Views arrive in bursts (a viral topic can get thousands a second). Writing
 * each one would make the topic's counter rows a queue; instead views are
 * summed in memory and written once a second as one statement per table.
 * The cost: a crash loses at most the last second of views (never likes,
 * collects or comments, which are written with their rows).
 */
export class ViewBuffer {
  private pending = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Counts each viewer's view of a note once per half hour; returns how many counted. */
  record(viewerKey: string, noteIds: readonly string[], nowMs: number): number {
    if (this.seen.size > 200_000) {
      for (const [key, expires] of this.seen) if (expires <= nowMs) this.seen.delete(key);
    }
    let counted = 0;
    for (const noteId of new Set(noteIds)) {
      const key = `${viewerKey}:${noteId}`;
      if ((this.seen.get(key) ?? 0) > nowMs) continue;
      this.seen.set(key, nowMs + DEDUPE_MS);
      this.pending.set(noteId, (this.pending.get(noteId) ?? 0) + 1);
      counted += 1;
    }
    return counted;
  }

  /** Writes what has been recorded so far. Safe to call concurrently. */
  flush(now: Date = new Date()): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      try {
        await this.db.transaction().execute(async (trx) => {
          const pairs = await noteTopicPairs(trx, [...batch.keys()]);
          const liveNotes = new Map([...batch].filter(([noteId]) => pairs.live.has(noteId)));
          const topicDeltas = new Map<string, number>();
          for (const { noteId, topicId } of pairs.topics) {
            topicDeltas.set(topicId, (topicDeltas.get(topicId) ?? 0) + batch.get(noteId)!);
          }
          await addToNoteCounters(trx, 'views', liveNotes);
          await addTopicViews(trx, topicDeltas, now);
        });
      } catch (error) {
        // Put the views back so the next flush retries them.
        for (const [noteId, count] of batch) this.pending.set(noteId, (this.pending.get(noteId) ?? 0) + count);
        this.onError(error);
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
