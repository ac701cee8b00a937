import type { Db } from '../../db/database.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import type { PoolNote } from './pool-note.js';
import type { DraftReason, Reason } from './recommender-types.js';

// Every served note says why it is there. Reasons are built with topic ids
// (the sources know ids); names are filled in just before a page leaves.

/** Liked topics a pool note is credited to: the viewer's strongest few. */
const CREDITED_TOPICS = 3;

/**
 * An interest note's reason: one of the viewer's strongest liked topics when
 * the note carries it ("because you like #…"), else its likeness to notes the
 * viewer engaged with (the item model's score).
 */
export function interestReason(note: PoolNote, topicWeights: ReadonlyMap<string, number>): DraftReason {
  let rank = 0;
  for (const topicId of topicWeights.keys()) {
    if (rank++ >= CREDITED_TOPICS) break;
    if (note.topicIds.includes(topicId)) return { code: 'liked_topic', topicId };
  }
  return { code: 'similar_notes' };
}

export function popularReason(language: string | null, readLanguages: readonly string[]): DraftReason {
  return language && readLanguages.includes(language) ? { code: 'popular_in_language', language } : { code: 'popular' };
}

export function trendingReason(topicId: string | null): DraftReason {
  return topicId ? { code: 'trending_topic', topicId } : { code: 'trending' };
}

/** Topic names by id, cached: names never change once a topic exists. */
export class TopicNames {
  private readonly cache = new TtlCache<string>(10 * 60_000, 20_000);

  constructor(private readonly db: Db) {}

  async resolve(reasons: readonly DraftReason[]): Promise<Reason[]> {
    const ids = [...new Set(reasons.flatMap((reason) => (reason.topicId ? [reason.topicId] : [])))];
    const names = ids.length
      ? await this.cache.getMany(ids, async (missing) => {
          const rows = await this.db.selectFrom('topics').select(['id', 'name']).where('id', 'in', missing).execute();
          return new Map(rows.map((row) => [String(row.id), row.name]));
        })
      : new Map<string, string>();
    return reasons.map(({ topicId, ...reason }) => {
      const topic = topicId ? names.get(topicId) : undefined;
      if (topicId && !topic) {
        // A topic gone meanwhile: fall back to the plain code.
        if (reason.code === 'liked_topic') return { code: 'similar_notes' };
        if (reason.code === 'trending_topic') return { code: 'trending' };
      }
      return topic ? { ...reason, topic } : reason;
    });
  }
}
