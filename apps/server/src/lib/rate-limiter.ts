// Fixed-window counters kept in this process. One instance is enough until
// several server processes share the load; then the same interface can be
// backed by Redis (see README, "Running at scale").

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets; meaningful when not allowed. */
  retryAfterSeconds: number;
  remaining: number;
}

export interface RateLimiter {
  consume(key: string, limit: number, windowSeconds: number, nowMs?: number): RateLimitResult;
}

interface Window {
  startedAt: number;
  count: number;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  consume(key: string, limit: number, windowSeconds: number, nowMs = Date.now()): RateLimitResult {
    const windowMs = windowSeconds * 1000;
    this.sweep(nowMs, windowMs);
    let window = this.windows.get(key);
    if (!window || nowMs - window.startedAt >= windowMs) {
      window = { startedAt: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - nowMs) / 1000));
    if (window.count >= limit) {
      return { allowed: false, retryAfterSeconds, remaining: 0 };
    }
    window.count += 1;
    return { allowed: true, retryAfterSeconds, remaining: limit - window.count };
  }

  // Drop expired windows now and then so a flood of distinct keys cannot grow memory forever.
  private sweep(nowMs: number, windowMs: number): void {
    if (nowMs - this.lastSweep < windowMs) return;
    this.lastSweep = nowMs;
    for (const [key, window] of this.windows) {
      if (nowMs - window.startedAt >= windowMs) this.windows.delete(key);
    }
  }
}
