import type { Db } from '../../db/database.js';
import type { EventType } from '../../db/tables/events.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import type { ViewBuffer } from '../views/view-buffer.js';
import { type EventRow, insertEvents, noteFacts, sessionWatchTotals } from './telemetry-queries.js';

export interface ClientEvent {
  type: EventType;
  noteId: string;
  /** Client clock, ms since the epoch. */
  at: number;
  sessionId: string;
  seq: number;
  source?: string;
  watchMs?: number;
  positionMs?: number;
  /** Impressions only: the slot the note was shown in. */
  position?: number;
}

export interface RecordResult {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; reason: string }>;
}

const PLAYBACK_EVENTS = new Set<EventType>(['play', 'watch', 'complete', 'replay', 'skip', 'unmute']);
// Players report watch time in chunks of about 5 s; more than this in one event is not a real chunk.
const MAX_WATCH_CHUNK_MS = 15_000;
// Client clocks drift; events from further than this in the past or future are refused.
const MAX_PAST_MS = 24 * 60 * 60 * 1000;
const MAX_FUTURE_MS = 5 * 60 * 1000;
const SLACK_MS = 1_000;
// A note page left open longer than this is a forgotten tab, not attention.
const MAX_DWELL_MS = 60 * 60 * 1000;

/**
 * Validates and stores a batch of player telemetry. Rules that keep the data
 * honest: events need a live note (playback events a processed video); a watch
 * chunk is at most the video's length and 15 s; and a session's total watch
 * time on a note can never exceed the wall-clock time its events span (plus one
 * chunk), so a client cannot claim 3 hours on a 10-second video. Each
 * (session, seq) is stored once, however often the batch is retried. Dwell
 * (time on a note page) is believed up to an hour; an impression's slot is kept.
 */
export class TelemetryService {
  constructor(
    private readonly db: Db,
    private readonly views: ViewBuffer,
    /** Which notes the viewer may see: impressions of the others are stored but never counted as views. */
    private readonly viewable: (noteIds: string[], context: ViewerContext) => Promise<string[]> = async (noteIds) => noteIds,
  ) {}

  async record(viewer: { userId: string | null; viewerKey: string; context: ViewerContext }, events: ClientEvent[], now: Date): Promise<RecordResult> {
    const facts = await noteFacts(this.db, [...new Set(events.map((event) => event.noteId))]);
    const totalsBySession = new Map<string, Awaited<ReturnType<typeof sessionWatchTotals>>>();
    const rejected: RecordResult['rejected'] = [];
    const rows: EventRow[] = [];

    for (const [index, event] of events.entries()) {
      const reason = await this.problem(event, facts, totalsBySession, now);
      if (reason) {
        rejected.push({ index, reason });
        continue;
      }
      rows.push({
        user_id: viewer.userId,
        note_id: event.noteId,
        type: event.type,
        source: event.source ?? null,
        watch_ms: event.type === 'watch' || event.type === 'dwell' ? Math.round(event.watchMs!) : null,
        position_ms: event.positionMs === undefined ? null : Math.round(event.positionMs),
        position: event.type === 'impression' ? (event.position ?? null) : null,
        client_session: event.sessionId,
        client_seq: event.seq,
        occurred_at: new Date(event.at),
        received_at: now,
      });
    }
    const stored = await insertEvents(this.db, rows);
    const seen = stored.filter((row) => row.type === 'impression').map((row) => row.note_id);
    if (seen.length) this.views.record(viewer.viewerKey, await this.viewable(seen, viewer.context), now.getTime());
    return { accepted: stored.length, duplicates: rows.length - stored.length, rejected };
  }

  private async problem(
    event: ClientEvent,
    facts: Map<string, { kind: string; durationMs: number | null }>,
    totalsBySession: Map<string, Map<string, { firstAt: Date; watchMs: number }>>,
    now: Date,
  ): Promise<string | null> {
    if (event.at < now.getTime() - MAX_PAST_MS || event.at > now.getTime() + MAX_FUTURE_MS) return 'time_out_of_range';
    const note = facts.get(event.noteId);
    if (!note) return 'note_not_found';
    if (event.type === 'dwell' && !(event.watchMs !== undefined && event.watchMs > 0 && event.watchMs <= MAX_DWELL_MS)) return 'dwell_invalid';
    if (!PLAYBACK_EVENTS.has(event.type)) return null;
    if (note.kind !== 'video' || note.durationMs === null) return 'not_a_playable_video';
    if (event.positionMs !== undefined && event.positionMs > note.durationMs + SLACK_MS) return 'position_beyond_end';
    if (event.type !== 'watch') return null;
    const watchMs = event.watchMs ?? 0;
    if (watchMs <= 0 || watchMs > Math.min(MAX_WATCH_CHUNK_MS, note.durationMs + SLACK_MS)) return 'watch_chunk_invalid';

    let totals = totalsBySession.get(event.sessionId);
    if (!totals) {
      totals = await sessionWatchTotals(this.db, event.sessionId);
      totalsBySession.set(event.sessionId, totals);
    }
    const sofar = totals.get(event.noteId) ?? { firstAt: new Date(event.at - watchMs), watchMs: 0 };
    const firstAt = Math.min(sofar.firstAt.getTime(), event.at - watchMs);
    // Played time cannot outrun the clock (with one chunk of slack for reporting delays).
    if (sofar.watchMs + watchMs > event.at - firstAt + MAX_WATCH_CHUNK_MS) return 'watch_exceeds_elapsed_time';
    totals.set(event.noteId, { firstAt: new Date(firstAt), watchMs: sofar.watchMs + watchMs });
    return null;
  }
}
