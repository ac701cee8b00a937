import { sql } from 'kysely';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { buildInteractions } from './models/interactions.js';
import { candidateModels, chooseModel, IALS_DEFAULT, type ModelChoice, type ModelSpec, modelName, retrainsWhole, trainModel } from './models/model-choice.js';
import { rp3beta } from './models/rp3beta.js';
import { cosineKnn } from './models/cosine-knn.js';
import type { ItemNeighbours } from './models/item-neighbours.js';
import { loadModelData, type ModelData } from './model-data.js';
import { writeNeighbours } from './note-similar-writer.js';
import { buildPools, type PoolModel } from './pool-builder.js';
import { ENGAGEMENT_TYPES, typeIn } from './signal-weights.js';

// The item model behind For you, computed in memory from rec_affinity (sparse
// rows, typed arrays; SQL only reads and writes):
// - full: the model is chosen on a validation hold-out (models/model-choice.ts),
//   trained on everything, every note's neighbours replaced (rec_note_similar)
//   and every person's pool rebuilt;
// - incremental: the chosen model stays; only notes with new engagement since
//   the last run get new neighbour rows (their people's pools follow from the
//   pool job, which runs after every affinity fold).
// One run at a time across workers (an advisory lock); readers see old rows or new ones.

const JOB = 'similarities';

export interface SimilarityRun {
  mode: 'full' | 'incremental';
  people: number;
  notes: number;
  /** Neighbour rows written. */
  noteNeighbors: number;
  pools: number;
  model: string;
  validation?: ModelChoice['validation'];
  ms: number;
  phasesMs: { load: number; choose: number; train: number; write: number; pools: number };
  /** Incremental: the people who engaged with the refreshed notes (their pools are rebuilt next). */
  engagers?: string[];
  /** Another worker was already recomputing. */
  skipped?: boolean;
}

interface StoredChoice {
  spec: ModelSpec;
  recency: number;
  validation: ModelChoice['validation'];
  chosenAt: string;
}

export async function updateSimilarities(db: Db, settings: RecommenderSettings, now: Date, options: { full?: boolean } = {}): Promise<SimilarityRun> {
  const started = Date.now();
  return db.connection().execute(async (conn) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_lock(hashtext('qiao:rec_similarities')) as ok`.execute(conn);
    if (!lock.rows[0]?.ok) {
      return { mode: 'incremental', people: 0, notes: 0, noteNeighbors: 0, pools: 0, model: '', ms: 0, phasesMs: zeroPhases(), skipped: true };
    }
    try {
      const state = await db.selectFrom('rec_job_state').select(['last_event_id', 'details']).where('name', '=', JOB).executeTakeFirst();
      const stored = (state?.details ?? null) as StoredChoice | null;
      const full = options.full || !stored;
      const newestEvent = await sql<{ id: string | null }>`select max(id)::text as id from events`.execute(db);
      const phases = zeroPhases();
      let at = Date.now();
      const data = await loadModelData(db, settings.neighbors.historyCap);
      const matrix = buildInteractions(
        data.people.map((person) => person.history),
        data.noteIds.length,
      );
      phases.load = Date.now() - at;
      at = Date.now();
      const perItem = settings.neighbors.perNote;
      let choice = stored!;
      if (full) {
        const histories = data.people.map((person) => person.history);
        const candidates = modelCandidates(settings, data.noteIds.length);
        const picked = chooseModel(histories, data.noteIds.length, perItem, candidates);
        choice = { spec: picked.chosen, recency: picked.recency, validation: picked.validation, chosenAt: now.toISOString() };
      }
      const { spec } = choice;
      phases.choose = Date.now() - at;
      at = Date.now();
      let neighbours: ItemNeighbours;
      let rows: number[];
      let engagers: string[] | undefined;
      if (full || retrainsWhole(spec)) {
        neighbours = trainModel(matrix, spec, perItem);
        rows = data.noteIds.map((_, index) => index);
      } else {
        const dirty = await dirtyNotes(db, data, state?.last_event_id ?? '0');
        rows = dirty.notes;
        engagers = dirty.people;
        neighbours = spec.kind === 'cosine' ? cosineKnn(matrix, perItem, rows) : rp3beta(matrix, { alpha: spec.alpha, beta: spec.beta, perItem }, rows);
      }
      phases.train = Date.now() - at;
      at = Date.now();
      const written = await writeNeighbours(db, { noteIds: data.noteIds, model: neighbours, rows }, full || retrainsWhole(spec));
      phases.write = Date.now() - at;
      at = Date.now();
      let pools = 0;
      if (full) {
        const model: PoolModel = { noteIds: data.noteIds, neighbours, liveNote: (index) => data.live.get(index) ?? null, recency: choice.recency };
        pools = await buildPools(db, model, data.people, now);
      }
      phases.pools = Date.now() - at;
      const run: SimilarityRun = {
        mode: full ? 'full' : 'incremental',
        people: data.people.length,
        notes: data.noteIds.length,
        noteNeighbors: written,
        pools,
        model: modelName(spec),
        ...(full ? { validation: choice.validation } : { engagers }),
        ms: Date.now() - started,
        phasesMs: phases,
      };
      // The choice, and how the last run went (operators and the bench read it).
      const details = JSON.stringify({ ...choice, lastRun: { mode: run.mode, ms: run.ms, phasesMs: run.phasesMs, people: run.people, notes: run.notes } });
      await db
        .insertInto('rec_job_state')
        .values({ name: JOB, last_event_id: newestEvent.rows[0]?.id ?? '0', ran_at: now, details })
        .onConflict((oc) => oc.column('name').doUpdateSet({ last_event_id: newestEvent.rows[0]?.id ?? '0', ran_at: now, details }))
        .execute();
      return run;
    } finally {
      await sql`select pg_advisory_unlock(hashtext('qiao:rec_similarities'))`.execute(conn).catch(() => {});
    }
  });
}

/** `auto`: the validation grid; a named model: that one alone (RP3beta with the settings' alpha and beta). */
function modelCandidates(settings: RecommenderSettings, itemCount: number): ModelSpec[] {
  const { model, alpha, beta } = settings.neighbors;
  if (model === 'auto') return candidateModels(itemCount);
  if (model === 'rp3beta') return [{ kind: 'rp3beta', alpha, beta }];
  if (model === 'cosine') return [{ kind: 'cosine' }];
  if (model === 'ials') return [IALS_DEFAULT];
  return [{ kind: 'ease', lambda: settings.neighbors.easeLambda }];
}

function zeroPhases(): SimilarityRun['phasesMs'] {
  return { load: 0, choose: 0, train: 0, write: 0, pools: 0 };
}

/** Notes with engagement since the last run (as indices) and who engaged. */
async function dirtyNotes(db: Db, data: ModelData, afterEventId: string): Promise<{ notes: number[]; people: string[] }> {
  const { rows } = await sql<{ note_ids: string[] | null; people: string[] | null }>`
    select array_agg(distinct e.note_id::text) as note_ids, array_agg(distinct e.user_id::text) as people from events e
    where e.id > ${afterEventId} and e.user_id is not null and e.note_id is not null and ${typeIn('e', ENGAGEMENT_TYPES)}`.execute(db);
  const notes = (rows[0]?.note_ids ?? []).flatMap((id) => {
    const index = data.indexOf.get(id);
    return index === undefined ? [] : [index];
  });
  return { notes, people: rows[0]?.people ?? [] };
}
