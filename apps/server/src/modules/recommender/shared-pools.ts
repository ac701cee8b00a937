/**
 * Pools every viewer reads alike (fresh, trending, popular notes) are loaded
 * once per process and reused for a few seconds. When one goes stale, the
 * request that notices still gets the old pool while a new one loads in the
 * background, so no request waits for the reload under steady traffic. A pool
 * much older than that (a quiet server) is reloaded before answering, so a
 * new note never waits for a second visitor. With maxAgeMs 0, every call loads.
 * The Recommender keeps each viewer's personal pools the same way.
 */
export class SharedPools {
  private readonly entries = new Map<string, { loadedAt: number; value: Promise<unknown>; reloading: boolean }>();

  constructor(
    private readonly maxAgeMs: number,
    /** Per-viewer pools: beyond this many keys the oldest loaded go first. */
    private readonly maxEntries = Number.POSITIVE_INFINITY,
  ) {}

  get<V>(key: string, load: () => Promise<V>, nowMs = Date.now()): Promise<V> {
    if (this.maxAgeMs <= 0) return load();
    const entry = this.entries.get(key);
    if (!entry || nowMs - entry.loadedAt > 3 * this.maxAgeMs) {
      if (!entry && this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      const value = load();
      this.entries.set(key, { loadedAt: nowMs, value, reloading: false });
      value.catch(() => this.entries.delete(key));
      return value;
    }
    if (nowMs - entry.loadedAt > this.maxAgeMs && !entry.reloading) {
      entry.reloading = true;
      load().then(
        (fresh) => this.entries.set(key, { loadedAt: Date.now(), value: Promise.resolve(fresh), reloading: false }),
        () => (entry.reloading = false),
      );
    }
    return entry.value as Promise<V>;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
