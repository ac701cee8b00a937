/**
 * A small in-process cache with a time-to-live and a size cap, for read paths
 * where a second of staleness is fine (a note's card, its like count) and the
 * same rows are read thousands of times a second. Values are promises, so
 * concurrent misses for one key share a single load.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<V>, nowMs = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > nowMs) return hit.value;
    if (this.entries.size >= this.maxEntries) this.evict(nowMs);
    const value = load();
    this.entries.set(key, { expires: nowMs + this.ttlMs, value });
    // A failed load is not cached.
    value.catch(() => this.entries.delete(key));
    return value;
  }

  /** Loads many keys, fetching all misses with one call. */
  async getMany(keys: readonly string[], loadMissing: (keys: string[]) => Promise<Map<string, V>>, nowMs = Date.now()): Promise<Map<string, V>> {
    const result = new Map<string, V>();
    const missing: string[] = [];
    const pending: Array<Promise<void>> = [];
    for (const key of keys) {
      const hit = this.entries.get(key);
      if (hit && hit.expires > nowMs) pending.push(hit.value.then((value) => void result.set(key, value)));
      else missing.push(key);
    }
    if (missing.length) {
      const loaded = loadMissing(missing);
      for (const key of missing) {
        const value = loaded.then((map) => {
          if (!map.has(key)) throw new Error('absent');
          return map.get(key)!;
        });
        value.catch(() => this.entries.delete(key));
        this.entries.set(key, { expires: nowMs + this.ttlMs, value });
      }
      const map = await loaded;
      for (const [key, value] of map) result.set(key, value);
    }
    await Promise.allSettled(pending);
    return result;
  }

  /** The cached value of `key`, if fresh; never loads. */
  peek(key: string, nowMs = Date.now()): Promise<V> | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expires > nowMs ? hit.value : undefined;
  }

  /** Caches a value another query already read. */
  set(key: string, value: V, nowMs = Date.now()): void {
    if (this.entries.size >= this.maxEntries) this.evict(nowMs);
    this.entries.set(key, { expires: nowMs + this.ttlMs, value: Promise.resolve(value) });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private evict(nowMs: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= nowMs) this.entries.delete(key);
    // Still full: drop the oldest insertions (Map keeps insertion order).
    const excess = this.entries.size - Math.floor(this.maxEntries * 0.9);
    if (excess > 0) for (const key of [...this.entries.keys()].slice(0, excess)) this.entries.delete(key);
  }
}
