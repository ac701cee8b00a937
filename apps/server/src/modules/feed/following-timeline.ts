import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { PREPARED } from '../../db/prepared.js';
import { MemorySharedCache, type SharedCache } from '../../lib/shared-cache.js';
import { TtlCache } from '../../lib/ttl-cache.js';

// The Following tab without a per-page scan of every followee: each author's
// newest notes (ids and times only, the same for every reader) sit in a shared
// cache, forgotten when the author posts, edits or deletes; a page is a merge
// of the followees' lists in memory, newest first below the cursor. What each
// reader may see is decided afterwards on the cached cards (the one visibility
// decision), so a list holds every live note whatever its moderation. When the
// merge would run past the end of a list that was cut short, the page comes
// from SQL instead (feed-queries.ts followingNoteIds), so deep pages stay exact.

/** Notes kept per author: four 50-item pages of a reader following few people. */
export const TIMELINE_DEPTH = 200;

export interface AuthorTimeline {
  /** Newest first: [id, created_at in epoch ms]. */
  notes: Array<[string, number]>;
  /** False when the author has more notes than the list holds. */
  complete: boolean;
}

export function memoryTimelines(cacheMs: number): SharedCache<AuthorTimeline> {
  return new MemorySharedCache<AuthorTimeline>(cacheMs, 50_000);
}

/** The newest live notes of each author, up to TIMELINE_DEPTH (+1 to know whether there are more), in one query. */
async function loadTimelines(db: Db, authorIds: readonly string[]): Promise<Map<string, AuthorTimeline>> {
  const { rows } = await sql<{ author_id: string; id: string; at: Date }>`${PREPARED}
    select authors.id::text as author_id, latest.id::text as id, latest.created_at as at
    from unnest(${sql.val([...authorIds])}::bigint[]) as authors (id)
    cross join lateral (
      select notes.id, notes.created_at from notes
      where notes.author_id = authors.id and notes.deleted_at is null
      order by notes.created_at desc, notes.id desc
      limit ${TIMELINE_DEPTH + 1}
    ) latest`.execute(db);
  const timelines = new Map<string, AuthorTimeline>(authorIds.map((id) => [id, { notes: [], complete: true }]));
  for (const row of rows) timelines.get(row.author_id)!.notes.push([row.id, row.at.getTime()]);
  for (const timeline of timelines.values()) {
    if (timeline.notes.length > TIMELINE_DEPTH) {
      timeline.notes.length = TIMELINE_DEPTH;
      timeline.complete = false;
    }
  }
  return timelines;
}

/** (at, id) ordering of the feeds: newer first, then the larger id. */
function before(a: [string, number], b: [string, number]): boolean {
  if (a[1] !== b[1]) return a[1] > b[1];
  return BigInt(a[0]) > BigInt(b[0]);
}

interface Head {
  notes: Array<[string, number]>;
  at: number;
  complete: boolean;
}

/** The index of the first note strictly below the cursor (the lists are newest first). */
function firstBelow(notes: Array<[string, number]>, cursor: [string, number]): number {
  let low = 0;
  let high = notes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(cursor, notes[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A binary max-heap of list heads by their current note. */
class HeadHeap {
  constructor(private readonly heads: Head[]) {
    for (let i = (heads.length >> 1) - 1; i >= 0; i -= 1) this.down(i);
  }

  top(): Head | undefined {
    return this.heads[0];
  }

  /** The top head moved on to an older note. */
  siftTop(): void {
    this.down(0);
  }

  popTop(): void {
    const last = this.heads.pop()!;
    if (this.heads.length > 0) {
      this.heads[0] = last;
      this.down(0);
    }
  }

  private newer(a: number, b: number): boolean {
    const x = this.heads[a]!;
    const y = this.heads[b]!;
    return before(x.notes[x.at]!, y.notes[y.at]!);
  }

  private down(index: number): void {
    const { heads } = this;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let best = index;
      if (left < heads.length && this.newer(left, best)) best = left;
      if (right < heads.length && this.newer(right, best)) best = right;
      if (best === index) return;
      [heads[index], heads[best]] = [heads[best]!, heads[index]!];
      index = best;
    }
  }
}

export class FollowingTimelines {
  private readonly followeeLists: TtlCache<string[]>;

  /** `followeesMs` (RELATIONS_CACHE_MS): how long a reader's list of followees is reused; their follows and unfollows here forget it at once. */
  constructor(
    private readonly db: Db,
    private readonly cache: SharedCache<AuthorTimeline>,
    followeesMs = 0,
  ) {
    this.followeeLists = new TtlCache(followeesMs, 50_000);
  }

  /** The reader followed or unfollowed someone (or blocked them: a block ends follows). */
  forgetFollowees(viewerId: string): void {
    this.followeeLists.delete(viewerId);
  }

  /** Forget an author's list (they posted, edited or deleted a note). */
  async forget(authorId: string): Promise<void> {
    await this.cache.delete([authorId]);
  }

  private followees(viewerId: string): Promise<string[]> {
    return this.followeeLists.get(viewerId, async () => {
      const { rows } = await sql<{ id: string }>`${PREPARED}
        select followee_id::text as id from follows where follower_id = ${viewerId}`.execute(this.db);
      return rows.map((row) => row.id);
    });
  }

  /**
   * The followees' notes newest first below `after`, as candidates in order
   * (more than a page, for the visibility decision to drop some), or null
   * when a list cut short would be needed: the caller then asks SQL.
   */
  async candidates(
    viewerId: string,
    hidden: ReadonlySet<string>,
    after: [Date, string] | null,
    wanted: number,
  ): Promise<Array<{ id: string; at: Date }> | null> {
    const authors = (await this.followees(viewerId)).filter((id) => !hidden.has(id));
    const lists = await this.cache.getMany(authors, (missing) => loadTimelines(this.db, missing));
    const cursor: [string, number] | null = after ? [after[1], after[0].getTime()] : null;
    // One position per author, at its first note below the cursor; a heap of them, the newest head on top.
    const heads: Head[] = [];
    for (const list of lists.values()) {
      const head = { notes: list.notes, at: cursor ? firstBelow(list.notes, cursor) : 0, complete: list.complete };
      if (head.at < head.notes.length) heads.push(head);
      // This author may have older notes than the list holds, and they could belong on this page.
      else if (!head.complete) return null;
    }
    const heap = new HeadHeap(heads);
    const picked: Array<{ id: string; at: Date }> = [];
    for (let head = heap.top(); head && picked.length < wanted; head = heap.top()) {
      const [id, at] = head.notes[head.at]!;
      picked.push({ id, at: new Date(at) });
      head.at += 1;
      if (head.at < head.notes.length) heap.siftTop();
      else if (!head.complete && picked.length < wanted) return null;
      else heap.popTop();
    }
    return picked;
  }
}
