/** The watch events the server's recommender reads (see POST /api/events). */
export type EventType = 'impression' | 'play' | 'watch' | 'complete' | 'replay' | 'skip' | 'unmute' | 'share';
export type EventSource = 'video_feed' | 'explore' | 'note';

export interface TelemetryEvent {
  type: EventType;
  noteId: string;
  /** ms since the epoch, by the client's clock. */
  at: number;
  sessionId: string;
  seq: number;
  source: EventSource;
  watchMs?: number;
  positionMs?: number;
  /** The 0-based slot a grid impression was shown in. */
  position?: number;
}

/** What the caller describes; the batcher stamps the session, sequence and time. */
export type EventInput = Omit<TelemetryEvent, 'sessionId' | 'seq' | 'at'> & { at?: number };

/** How a send went: delivered, refused for good (4xx: drop it) or worth one more try. */
export type SendOutcome = 'ok' | 'drop' | 'retry';

export interface BatcherTransport {
  send: (events: TelemetryEvent[]) => Promise<SendOutcome>;
  /** Fire-and-forget while the page hides (navigator.sendBeacon); false if the browser refused. */
  beacon: (events: TelemetryEvent[]) => boolean;
}

export interface BatcherOptions {
  sessionId: string;
  transport: BatcherTransport;
  now?: () => number;
  /** Send as soon as this many are queued. */
  flushAt?: number;
  flushEveryMs?: number;
  /** The server takes at most this many per request. */
  maxBatch?: number;
  /** Pause before the one retry, so a blip in the connection can pass. */
  retryDelayMs?: number;
}

/**
 * Collects events in memory and sends them in batches: every few seconds, as soon as a
 * batch fills, and by beacon when the page hides. Sending never throws and never waits
 * on the caller, so the player is never held up by telemetry.
 */
export class EventBatcher {
  private queue: TelemetryEvent[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  private readonly flushAt: number;
  private readonly flushEveryMs: number;
  private readonly maxBatch: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: BatcherOptions) {
    this.now = options.now ?? Date.now;
    this.flushAt = options.flushAt ?? 50;
    this.flushEveryMs = options.flushEveryMs ?? 5000;
    this.maxBatch = options.maxBatch ?? 100;
    this.retryDelayMs = options.retryDelayMs ?? 2000;
  }

  get pending(): number {
    return this.queue.length;
  }

  push(input: EventInput): TelemetryEvent {
    this.seq += 1;
    const event: TelemetryEvent = { ...input, at: input.at ?? this.now(), sessionId: this.options.sessionId, seq: this.seq };
    this.queue.push(event);
    if (this.queue.length >= this.flushAt) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushEveryMs);
    return event;
  }

  /** Sends everything queued now, in batches the server accepts. */
  flush(): void {
    this.clearTimer();
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      void this.sendWithOneRetry(batch);
    }
  }

  /** The page is hiding: hand the queue to the browser, which sends it even if the page dies. */
  flushBeacon(): void {
    this.clearTimer();
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      if (!this.options.transport.beacon(batch)) void this.sendWithOneRetry(batch);
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async sendWithOneRetry(batch: TelemetryEvent[]): Promise<void> {
    // A lost batch costs the recommender a little signal; retrying forever would cost the user.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      let outcome: SendOutcome;
      try {
        outcome = await this.options.transport.send(batch);
      } catch {
        outcome = 'retry';
      }
      if (outcome !== 'retry') return;
    }
  }
}
