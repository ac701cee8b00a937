import type { EventInput, EventSource } from './telemetry-batcher';

/** Swiped away sooner than this after becoming active: a skip. */
export const SKIP_WITHIN_MS = 2000;
/** A watch event goes out after this much playback. */
export const WATCH_EVERY_MS = 5000;
/** No watch event claims more than this; longer stretches are split. */
export const WATCH_CHUNK_MAX_MS = 15_000;
/** Bigger jumps of the playhead are seeks, not playback. */
const MAX_STEP_MS = 1500;
/** How close to the end counts as having reached it, when the loop jumps back. */
const END_SLACK_MS = 1000;

/**
 * Turns what one player sees (becoming active, playhead moving, looping, leaving) into
 * the telemetry events for one note. Watch time is summed from the playhead's own small
 * steps, so stalls, pauses and seeks never count as watching.
 */
export class WatchTracker {
  private activatedAt: number | undefined;
  private played = false;
  private completed = false;
  private unsentMs = 0;
  private lastPositionMs: number | undefined;

  constructor(
    private readonly noteId: string,
    private readonly source: EventSource,
    private readonly emit: (event: EventInput) => void,
    private readonly durationMs: number,
  ) {}

  get active(): boolean {
    return this.activatedAt !== undefined;
  }

  activate(at: number): void {
    if (this.activatedAt !== undefined) return;
    this.activatedAt = at;
    this.played = false;
    this.completed = false;
    this.unsentMs = 0;
    this.lastPositionMs = undefined;
    this.send('impression', at);
  }

  /** The element started playing (the `playing` event). */
  playing(at: number, positionMs: number): void {
    if (this.activatedAt === undefined) return;
    this.lastPositionMs = positionMs;
    if (this.played) return;
    this.played = true;
    this.send('play', at, { positionMs });
  }

  /** The playhead moved (the `timeupdate` event). */
  progress(at: number, positionMs: number): void {
    if (this.activatedAt === undefined) return;
    const last = this.lastPositionMs;
    this.lastPositionMs = positionMs;
    if (last === undefined) return;
    const step = positionMs - last;
    if (step > 0 && step <= MAX_STEP_MS) {
      this.unsentMs += step;
    } else if (step < 0 && this.durationMs > 0 && last >= this.durationMs - END_SLACK_MS - MAX_STEP_MS) {
      // `loop` jumps back to the start without an `ended` event: that jump is the end.
      this.unsentMs += Math.max(0, Math.min(this.durationMs - last, MAX_STEP_MS));
      this.reachedEnd(at);
      this.send('replay', at, { positionMs });
    }
    if (this.unsentMs >= WATCH_EVERY_MS) this.sendWatch(at, positionMs);
  }

  /** The element fired `ended` (players without `loop`). */
  ended(at: number): void {
    if (this.activatedAt === undefined) return;
    this.reachedEnd(at);
  }

  unmute(at: number): void {
    this.send('unmute', at);
  }

  share(at: number): void {
    this.send('share', at);
  }

  /** The note stopped being the active one: send the rest of the watch time, maybe a skip. */
  deactivate(at: number): void {
    if (this.activatedAt === undefined) return;
    this.sendWatch(at, this.lastPositionMs);
    if (at - this.activatedAt < SKIP_WITHIN_MS) this.send('skip', at, this.positionField(this.lastPositionMs));
    this.activatedAt = undefined;
  }

  private reachedEnd(at: number): void {
    this.sendWatch(at, this.durationMs);
    if (this.completed) return;
    this.completed = true;
    this.send('complete', at, { positionMs: this.durationMs });
  }

  private sendWatch(at: number, positionMs: number | undefined): void {
    while (this.unsentMs >= 1) {
      const watchMs = Math.min(Math.round(this.unsentMs), WATCH_CHUNK_MAX_MS);
      this.unsentMs = Math.max(0, this.unsentMs - watchMs);
      this.send('watch', at, { watchMs, ...this.positionField(positionMs) });
    }
    this.unsentMs = 0;
  }

  private positionField(positionMs: number | undefined): { positionMs?: number } {
    return positionMs === undefined ? {} : { positionMs: Math.max(0, Math.round(positionMs)) };
  }

  private send(type: EventInput['type'], at: number, extra: Partial<EventInput> = {}): void {
    this.emit({ type, noteId: this.noteId, source: this.source, at, ...extra });
  }
}
