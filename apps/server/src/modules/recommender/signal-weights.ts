import { type RawBuilder, sql } from 'kysely';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { EventType } from '../../db/tables/events.js';

// How much each kind of event says about a person's interest in a note (the
// CES weights in the settings), as SQL over an `events` row. Undoing acts
// subtract what the act added, so a like then an unlike folds to nothing.

/** The event types that move affinity, quality and trending. */
export const ENGAGEMENT_TYPES: readonly EventType[] = [
  'like',
  'unlike',
  'collect',
  'uncollect',
  'comment',
  'share',
  'follow',
  'complete',
  'not_interested',
  'report',
  'interaction',
];

/** Engagement value of the event row aliased `alias` (0 for types that carry none). */
export function engagementDelta(settings: RecommenderSettings, alias: string): RawBuilder<number> {
  const w = settings.signalWeights;
  const type = sql.ref(`${alias}.type`);
  const weight = sql.ref(`${alias}.weight`);
  // Literals in parentheses: settings are numbers (checked by config), and a negative one stays one.
  const value = (x: number) => sql.raw(`(${Number(x)})`);
  return sql<number>`(case ${type}
    when 'like' then ${value(w.like)} * abs(coalesce(${weight}, 1))
    when 'unlike' then -1 * ${value(w.like)} * abs(coalesce(${weight}, 1))
    when 'collect' then ${value(w.collect)} * abs(coalesce(${weight}, 1))
    when 'uncollect' then -1 * ${value(w.collect)} * abs(coalesce(${weight}, 1))
    when 'comment' then ${value(w.comment)}
    when 'share' then ${value(w.share)}
    when 'follow' then ${value(w.follow)}
    when 'complete' then ${value(w.complete)}
    when 'not_interested' then ${value(w.notInterested)}
    when 'report' then ${value(w.report)}
    when 'interaction' then ${value(w.interaction)} * coalesce(${weight}, 1)
    else 0 end)::real`;
}

export const typeIn = (alias: string, types: readonly EventType[]) => sql`${sql.ref(`${alias}.type`)} in (${sql.join(types.map((type) => sql.lit(type)))})`;
