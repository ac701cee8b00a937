import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import type { StageStatus } from '../../db/tables/recommender.js';

export interface NoteExposure {
  stage: number;
  stages: number;
  status: StageStatus;
  impressions: number;
  stageImpressions: number;
  stageBudget: number;
}

/** How far a note got in staged exposure, for its author; a note the quality job has not seen yet is at stage 1, testing. */
export async function noteExposure(db: Db, noteId: string, settings: Pick<RecommenderSettings, 'stageBudgets'>): Promise<NoteExposure> {
  const row = await db
    .selectFrom('rec_note_quality')
    .select(['stage', 'stage_status', 'impressions', 'stage_impressions'])
    .where('note_id', '=', noteId)
    .executeTakeFirst();
  const stages = settings.stageBudgets.length;
  const stage = row?.stage ?? 1;
  const status = row?.stage_status ?? 'testing';
  return {
    stage,
    stages,
    status,
    impressions: row?.impressions ?? 0,
    stageImpressions: row?.stage_impressions ?? 0,
    stageBudget: status === 'open' ? 0 : (settings.stageBudgets[stage - 1] ?? 0),
  };
}
