/**
 * A cache of what every viewer sees alike (a note's card, an author's name
 * line), keyed by id and forgotten by the writes that change an entry. Behind
 * this interface so that instances can share one: the in-process
 * implementation below serves the embedded single-process default; a Redis one
 * (issue 14) will make a `delete` on one instance reach all of them. Values
 * must be plain JSON (no Dates) for that reason.
 */
export interface SharedCache<V> {
  /** The entries for these keys, loading all misses with one call; keys the loader leaves out are absent (and not cached). */
  getMany(keys: readonly string[], loadMissing: (keys: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>>;
  /** Forget entries at once, so the next read loads them again. */
  delete(keys: readonly string[]): Promise<void>;
}

interface Entry<V> {
  expires: number;
  value: Promise<V | undefined>;
  /** The value once loaded: hits need no promise (a page reads hundreds of entries). */
  settled?: V;
}

/**
 * In-process, bounded (oldest insertions go first when full) and long-lived:
 * entries live `ttlMs` (a backstop for writes made by another process), or
 * `ttlOf(value)` when that is shorter (values still settling, such as a note
 * whose video is processing in a worker). Values are promises, so concurrent
 * misses for one key share a load; a delete during a load drops that load's
 * result, so an invalidation is never overwritten by an older read.
 */
export class MemorySharedCache<V> implements SharedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly ttlOf: (value: V) => number = () => Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  async getMany(keys: readonly string[], loadMissing: (keys: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    const nowMs = this.now();
    const result = new Map<string, V>();
    const wanted = new Map<string, Promise<V | undefined>>();
    const missing: string[] = [];
    for (const key of keys) {
      if (result.has(key) || wanted.has(key)) continue;
      const hit = this.ttlMs > 0 ? this.entries.get(key) : undefined;
      if (hit && hit.expires > nowMs) {
        if (hit.settled !== undefined) result.set(key, hit.settled);
        else wanted.set(key, hit.value);
      } else missing.push(key);
    }
    if (wanted.size === 0 && missing.length === 0) return result;
    if (missing.length > 0) {
      const loaded = loadMissing(missing);
      if (this.ttlMs > 0 && this.entries.size + missing.length > this.maxEntries) this.evict(nowMs, missing.length);
      for (const key of missing) {
        const value = loaded.then((map) => map.get(key));
        wanted.set(key, value);
        if (this.ttlMs <= 0) continue;
        const entry: Entry<V> = { expires: nowMs + this.ttlMs, value };
        this.entries.set(key, entry);
        // Absent or failed loads are not kept; short-lived values get their shorter life.
        value.then(
          (settled) => {
            if (this.entries.get(key) !== entry) return;
            if (settled === undefined) this.entries.delete(key);
            else {
              entry.settled = settled;
              entry.expires = Math.min(entry.expires, nowMs + this.ttlOf(settled));
            }
          },
          () => {
            if (this.entries.get(key) === entry) this.entries.delete(key);
          },
        );
      }
    }
    const keysInOrder = [...wanted.keys()];
    const values = await Promise.all(wanted.values());
    values.forEach((settled, index) => {
      if (settled !== undefined) result.set(keysInOrder[index]!, settled);
    });
    return result;
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  private evict(nowMs: number, room: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= nowMs) this.entries.delete(key);
    // Still full: drop the oldest insertions (a Map keeps insertion order).
    let excess = this.entries.size + room - Math.floor(this.maxEntries * 0.9);
    for (const key of this.entries.keys()) {
      if (excess-- <= 0) break;
      this.entries.delete(key);
    }
  }
}
