import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { liveNote, type PoolNote, type PoolNoteRow, poolNoteColumns, toPoolNote } from './pool-note.js';

// What the re-ranker needs to know of a note (author, kind, language, topics,
// labels, quality), the same for every viewer: kept per process for a short
// while and read synchronously, so filtering a pool of hundreds of notes costs
// map look-ups, not promises or queries. Misses of one page load in one query.
// A note that stopped being live (deleted, removed, its video failed) is
// remembered as absent, so it is not asked for again on every page.

const TTL_MS = 30_000;
const MAX_ENTRIES = 200_000;

export class NoteFacts {
  private readonly entries = new Map<string, { expires: number; note: PoolNote | null }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = TTL_MS,
  ) {}

  /**
   * The known facts of these notes (absent and not-live ones left out), loading
   * misses in one query. When something is missing, the misses among `alsoLoad()`
   * (the rest of the viewer's pool, which the next pages will read) come in the
   * same query: a viewer's pool costs one query per cache lifetime, not one a page.
   */
  async of(noteIds: readonly string[], alsoLoad: () => Iterable<string> = () => [], nowMs = Date.now()): Promise<Map<string, PoolNote>> {
    const result = new Map<string, PoolNote>();
    const missing: string[] = [];
    const fresh = (id: string) => {
      const hit = this.entries.get(id);
      return hit !== undefined && hit.expires > nowMs ? hit : undefined;
    };
    for (const id of noteIds) {
      const hit = fresh(id);
      if (hit) {
        if (hit.note) result.set(id, hit.note);
      } else missing.push(id);
    }
    if (missing.length > 0) {
      const asked = new Set(missing);
      for (const id of alsoLoad()) {
        if (asked.has(id) || fresh(id)) continue;
        asked.add(id);
        missing.push(id);
      }
      const loaded = await loadFacts(this.db, missing);
      if (this.entries.size + missing.length > MAX_ENTRIES) this.entries.clear();
      for (const id of missing) {
        const note = loaded.get(id) ?? null;
        this.entries.set(id, { expires: nowMs + this.ttlMs, note });
        if (note) result.set(id, note);
      }
    }
    return result;
  }

  /** Remembers facts another query already read (the shared pools). */
  remember(notes: readonly PoolNote[], nowMs = Date.now()): void {
    for (const note of notes) this.entries.set(note.noteId, { expires: nowMs + this.ttlMs, note });
  }

  forget(noteId: string): void {
    this.entries.delete(noteId);
  }
}

async function loadFacts(db: Db, noteIds: readonly string[]): Promise<Map<string, PoolNote>> {
  const { rows } = await sql<PoolNoteRow>`
    select ${poolNoteColumns}
    from notes left join rec_note_quality q on q.note_id = notes.id
    where notes.id = any(${noteIds}::bigint[]) and ${liveNote}`.execute(db);
  return new Map(rows.map((row) => [String(row.note_id), toPoolNote(row)]));
}
