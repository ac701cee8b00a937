import { sql } from 'kysely';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import type { StageStatus } from '../../db/tables/recommender.js';
import { foldEvents } from './event-cursor.js';
import { ENGAGEMENT_TYPES, engagementDelta, typeIn } from './signal-weights.js';
import { type Cohort, nextStage, REPORTS_STOP_PROMOTION } from './stage-rules.js';

// Quality and staged exposure per note (rec_note_quality). Impressions and
// CES-weighted engagement are folded incrementally from `events`; quality is
// the Beta posterior mean, pulled towards the cohort's mean (same kind, last
// 7 days) by `priorImpressions`, so notes without impressions (imported data)
// are judged neutrally; then the stage rules move testing notes along.

type Kind = 'image' | 'video';
const COHORT_DAYS = 7;
// With no impressions anywhere yet, the prior centres on a plausible engagement rate.
const DEFAULT_RATE = 0.05;

const liveNote = (alias: string) =>
  sql`${sql.ref(`${alias}.deleted_at`)} is null and (${sql.ref(`${alias}.kind`)} <> 'video' or exists (select 1 from videos v where v.note_id = ${sql.ref(`${alias}.id`)} and v.status = 'ready'))`;

export interface QualityRun {
  enrolled: number;
  changes: Array<{ noteId: string; stage: number; status: StageStatus; reason: string }>;
  cohorts: Record<Kind, Cohort>;
}

export async function updateNoteQuality(db: Db, settings: RecommenderSettings, now: Date): Promise<QualityRun> {
  const enrolled = await enrollNotes(db, now);
  await foldEvents(db, 'quality', now, async (trx, slice) => {
    await sql`
      with batch as (
        select e.note_id,
          count(*) filter (where e.type = 'impression')::int as impressions,
          coalesce(sum(${engagementDelta(settings, 'e')}), 0)::real as engagement,
          count(*) filter (where e.type in ('not_interested', 'report'))::int as negatives
        from events e
        where e.id > ${slice.afterId} and e.id <= ${slice.upToId} and (e.type = 'impression' or ${typeIn('e', ENGAGEMENT_TYPES)})
        group by e.note_id
      )
      update rec_note_quality q set
        impressions = q.impressions + b.impressions,
        stage_impressions = q.stage_impressions + case when q.stage_status = 'testing' then b.impressions else 0 end,
        engagement = q.engagement + b.engagement,
        negatives = q.negatives + b.negatives,
        updated_at = ${now}
      from batch b where b.note_id = q.note_id`.execute(trx);
    // Completion rate of the videos played in this slice, from all their plays.
    await sql`
      update rec_note_quality q set watch_completion = least(1, c.completes / c.plays)
      from (
        select e.note_id, count(*) filter (where e.type = 'complete')::real as completes, count(*) filter (where e.type = 'play')::real as plays
        from events e
        where e.type in ('play', 'complete') and e.note_id in (
          select distinct s.note_id from events s where s.id > ${slice.afterId} and s.id <= ${slice.upToId} and s.type in ('play', 'complete'))
        group by e.note_id
      ) c
      where c.note_id = q.note_id and c.plays > 0`.execute(trx);
  });

  const means = await cohortMeans(db, now);
  const prior = Math.max(1, settings.priorImpressions);
  await sql`
    update rec_note_quality q set quality = f.quality, updated_at = ${now}
    from (
      select q2.note_id, ((${prior}::real * m.mean + least(q2.impressions, greatest(0, q2.engagement))) / (${prior}::real + q2.impressions))::real as quality
      from rec_note_quality q2 join notes n on n.id = q2.note_id
      join (values ('image', ${means.image}::real), ('video', ${means.video}::real)) m(kind, mean) on m.kind = n.kind
    ) f
    where f.note_id = q.note_id and abs(q.quality - f.quality) > 1e-7`.execute(db);

  const cohorts = await withBenchmarks(db, means, settings.benchmarkQuantile, now);
  const changes = await moveStages(db, settings, cohorts, now);
  return { enrolled, changes, cohorts };
}

/** Every live, playable note gets its row (stage 1, testing); rows of deleted notes go. */
async function enrollNotes(db: Db, now: Date): Promise<number> {
  // No anti-join on the table being filled: planned while it is empty, it would rescan it for every note.
  const added = await sql`
    insert into rec_note_quality (note_id, stage_changed_at, updated_at)
    select n.id, ${now}, ${now} from notes n
    where ${liveNote('n')}
    on conflict (note_id) do nothing`.execute(db);
  await sql`delete from rec_note_quality q using notes n where n.id = q.note_id and n.deleted_at is not null`.execute(db);
  return Number(added.numAffectedRows ?? 0);
}

/** Mean engagement per impression for each kind: the last week's notes, else all, else a default. */
async function cohortMeans(db: Db, now: Date): Promise<Record<Kind, number>> {
  const { rows } = await sql<{ kind: Kind; recent_s: number; recent_n: number; all_s: number; all_n: number }>`
    select n.kind,
      coalesce(sum(least(q.impressions, greatest(0, q.engagement))) filter (where n.created_at > ${now}::timestamptz - ${`${COHORT_DAYS} days`}::interval), 0)::float8 as recent_s,
      coalesce(sum(q.impressions) filter (where n.created_at > ${now}::timestamptz - ${`${COHORT_DAYS} days`}::interval), 0)::float8 as recent_n,
      coalesce(sum(least(q.impressions, greatest(0, q.engagement))), 0)::float8 as all_s,
      coalesce(sum(q.impressions), 0)::float8 as all_n
    from rec_note_quality q join notes n on n.id = q.note_id
    where q.impressions > 0 and n.deleted_at is null
    group by n.kind`.execute(db);
  const total = rows.reduce((sum, row) => ({ s: sum.s + row.all_s, n: sum.n + row.all_n }), { s: 0, n: 0 });
  const fallback = total.n > 0 ? total.s / total.n : DEFAULT_RATE;
  const mean = (kind: Kind) => {
    const row = rows.find((candidate) => candidate.kind === kind);
    // A cohort needs some evidence before it speaks for itself: at least a few hundred impressions.
    if (row && row.recent_n >= 300) return row.recent_s / row.recent_n;
    if (row && row.all_n >= 300) return row.all_s / row.all_n;
    return fallback;
  };
  return { image: mean('image'), video: mean('video') };
}

/** The benchmark is the cohort's quantile of quality among notes that were shown at all. */
async function withBenchmarks(db: Db, means: Record<Kind, number>, quantile: number, now: Date): Promise<Record<Kind, Cohort>> {
  const { rows } = await sql<{ kind: Kind; benchmark: number }>`
    select n.kind, percentile_cont(${quantile}::float8) within group (order by q.quality) as benchmark
    from rec_note_quality q join notes n on n.id = q.note_id
    where q.impressions > 0 and n.deleted_at is null and n.created_at > ${now}::timestamptz - ${`${COHORT_DAYS} days`}::interval
    group by n.kind`.execute(db);
  const benchmark = (kind: Kind) => rows.find((row) => row.kind === kind)?.benchmark ?? means[kind];
  return { image: { mean: means.image, benchmark: benchmark('image') }, video: { mean: means.video, benchmark: benchmark('video') } };
}

/**
 * The stage rules (stage-rules.ts nextStage) over every testing note, set-based:
 * the moves that need no Beta test (reported, past the last stage, too old) are
 * one UPDATE; only notes whose stage budget is spent are read, for the Beta test
 * of their posterior, and written back in one UPDATE. Notes with budget left and
 * time left are never read.
 */
async function moveStages(db: Db, settings: RecommenderSettings, cohorts: Record<Kind, Cohort>, now: Date): Promise<QualityRun['changes']> {
  const stages = settings.stageBudgets.length;
  const budgets = settings.stageBudgets.map((budget) => Math.floor(budget));
  const freshSince = new Date(now.getTime() - settings.freshHours * 3_600_000);
  const decided = sql`
    select q.note_id, n.kind, n.created_at, q.stage, q.stage_status, q.stage_impressions, q.impressions, q.engagement,
      case
        when coalesce(r.reporters, 0) >= ${REPORTS_STOP_PROMOTION} then 'reported'
        when q.stage > ${stages} then 'opened'
        when q.stage_impressions >= b.budget then 'test'
        when n.created_at < ${freshSince} then 'too_old'
      end as reason
    from rec_note_quality q join notes n on n.id = q.note_id
    left join unnest(${budgets}::int[]) with ordinality as b(budget, stage) on b.stage = q.stage
    left join (select subject_id as note_id, count(distinct reporter_id) as reporters from reports
      where subject_type = 'note' and status <> 'no_violation' group by subject_id) r on r.note_id = q.note_id
    where q.stage_status = 'testing'`;
  const moved = await sql<{ note_id: string; stage: number; stage_status: StageStatus; reason: 'reported' | 'opened' | 'too_old' }>`
    with decided as (${decided})
    update rec_note_quality q set
      stage_status = case d.reason when 'opened' then 'open' else 'settled' end,
      stage_changed_at = ${now}, updated_at = ${now}
    from decided d
    where d.note_id = q.note_id and d.reason in ('reported', 'opened', 'too_old') and q.stage_status = 'testing'
    returning q.note_id::text as note_id, q.stage, q.stage_status, d.reason`.execute(db);
  const changes: QualityRun['changes'] = moved.rows.map((row) => ({ noteId: row.note_id, stage: row.stage, status: row.stage_status, reason: row.reason }));

  const { rows } = await sql<{
    note_id: string;
    kind: Kind;
    created_at: Date;
    stage: number;
    stage_status: StageStatus;
    stage_impressions: number;
    impressions: number;
    engagement: number;
  }>`select d.note_id::text as note_id, d.kind, d.created_at, d.stage, d.stage_status, d.stage_impressions, d.impressions, d.engagement
    from (${decided}) d where d.reason = 'test'`.execute(db);
  const updates = { ids: [] as string[], stages: [] as number[], statuses: [] as string[], stageImpressions: [] as number[] };
  for (const row of rows) {
    const outcome = nextStage(
      {
        stage: row.stage,
        status: row.stage_status,
        stageImpressions: row.stage_impressions,
        impressions: row.impressions,
        engagement: row.engagement,
        createdAt: new Date(row.created_at),
        reporters: 0,
      },
      cohorts[row.kind],
      settings,
      now,
    );
    if (!outcome.changed) continue;
    changes.push({ noteId: row.note_id, stage: outcome.stage, status: outcome.status, reason: outcome.reason });
    updates.ids.push(row.note_id);
    updates.stages.push(outcome.stage);
    updates.statuses.push(outcome.status);
    updates.stageImpressions.push(outcome.stageImpressions);
  }
  if (updates.ids.length) {
    await sql`
      update rec_note_quality q set stage = u.stage, stage_status = u.status, stage_impressions = u.stage_impressions, stage_changed_at = ${now}, updated_at = ${now}
      from unnest(${updates.ids}::bigint[], ${updates.stages}::smallint[], ${updates.statuses}::text[], ${updates.stageImpressions}::int[])
        as u(note_id, stage, status, stage_impressions)
      where q.note_id = u.note_id and q.stage_status = 'testing'`.execute(db);
  }
  return changes;
}
