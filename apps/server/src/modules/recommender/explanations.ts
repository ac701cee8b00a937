import type { Db } from '../../db/database.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import type { InterestNote } from './interest-source.js';
import type { DraftReason, Reason } from './recommender-types.js';

// Every served note says why it is there. Reasons are built with topic ids
// (the sources know ids); names are filled in just before a page leaves.

/**
 * The interest source's reason follows the part of the score that put the
 * note there: a liked topic when it weighs about as much as the strongest
 * neighbour part, else similar notes or people like you.
 */
export function interestReason(
  note: InterestNote,
  maxima: { note: number; peer: number; topic: number },
  weights: { user: number; topic: number },
): DraftReason {
  const byNotes = maxima.note > 0 ? note.noteScore / maxima.note : 0;
  const byPeers = maxima.peer > 0 ? (weights.user * note.peerScore) / maxima.peer : 0;
  const byTopic = maxima.topic > 0 ? (Math.max(weights.topic, 0.5) * note.topicScore) / maxima.topic : 0;
  if (note.bestTopicId && byTopic >= 0.5 * Math.max(byNotes, byPeers)) return { code: 'liked_topic', topicId: note.bestTopicId };
  if (byNotes === 0 && byPeers === 0 && note.bestTopicId) return { code: 'liked_topic', topicId: note.bestTopicId };
  return byNotes >= byPeers ? { code: 'similar_notes' } : { code: 'people_like_you' };
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
