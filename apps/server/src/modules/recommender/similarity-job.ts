import { sql } from 'kysely';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';

// Similarities, recomputed whole from rec_affinity in SQL:
// - notes (RP3beta): W[i][j] = Σ 1/deg(u) over people u who engaged with both,
//   score(i→j) = (W[i][j] / pop(i))^alpha / pop(j)^beta, best `perNote` per note;
// - people: cosine of their engaged sets, best `perUser` per person.
// Every positive engagement counts as 1 (weights made the offline results
// worse); a person's history is capped to the latest `historyCap` notes and
// a note's engagers to the latest ENGAGERS_CAP for the people-to-people pairs,
// which keeps the work near-linear in the data. Pairs are built in chunks
// (bounded memory) into temporary tables, then swapped in one transaction:
// readers see the old lists or the new ones, never a mix.

const ENGAGERS_CAP = 500;
/** Pair rows aggregated per statement; bounds the memory of one chunk. */
const PAIRS_PER_CHUNK = 4_000_000;

export interface SimilarityRun {
  history: number;
  noteNeighbors: number;
  userNeighbors: number;
  ms: number;
  /** Another worker was already recomputing. */
  skipped?: boolean;
}

export async function updateSimilarities(db: Db, settings: RecommenderSettings): Promise<SimilarityRun> {
  const started = Date.now();
  const { perNote, perUser, alpha, beta, historyCap } = settings.neighbors;
  // Temporary tables live in one session: hold one connection throughout.
  return db.connection().execute(async (conn) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(conn);
    // One recompute at a time across workers; a second one would only repeat the work.
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_lock(hashtext('qiao:rec_similarities')) as ok`.execute(conn);
    if (!lock.rows[0]?.ok) return { history: 0, noteNeighbors: 0, userNeighbors: 0, ms: 0, skipped: true };
    // Big in-memory aggregates; memoizing the self-join's inner side never hits here and only costs memory.
    await run(sql`set work_mem = '128MB'`);
    await run(sql`set enable_memoize = off`);
    try {
      await dropScratch(conn);
      await run(sql`
        create temp table rec_sim_h as
        select user_id, note_id, last_at from (
          select a.user_id, a.note_id, a.last_at, row_number() over (partition by a.user_id order by a.last_at desc, a.note_id desc) as rn
          from rec_affinity a join notes n on n.id = a.note_id
          where a.strength > 0 and n.deleted_at is null
        ) ranked
        where rn <= ${historyCap}`);
      await run(sql`create temp table rec_sim_u as select user_id, count(*)::float8 as deg from rec_sim_h group by user_id`);
      await run(sql`create temp table rec_sim_n as select note_id, count(*)::float8 as pop from rec_sim_h group by note_id`);
      await run(sql`
        create temp table rec_sim_hw as
        select h.user_id, h.note_id, 1 / u.deg as w,
          row_number() over (partition by h.note_id order by h.last_at desc, h.user_id desc) as note_rank
        from rec_sim_h h join rec_sim_u u on u.user_id = h.user_id
        order by h.user_id`);
      await run(sql`create index on rec_sim_hw (user_id)`);
      await run(sql`create index on rec_sim_hw (note_id)`);
      await run(sql`alter table rec_sim_u add primary key (user_id)`);
      await run(sql`alter table rec_sim_n add primary key (note_id)`);
      await run(sql`create temp table rec_sim_nn (note_id bigint not null, neighbor_id bigint not null, score real not null)`);
      await run(sql`create temp table rec_sim_un (user_id bigint not null, neighbor_id bigint not null, score real not null)`);
      await run(sql`analyze rec_sim_hw, rec_sim_u, rec_sim_n`);
      const history = Number((await sql<{ n: string }>`select count(*) as n from rec_sim_hw`.execute(conn)).rows[0]!.n);

      // Note → note: the pairs of note i are Σ deg(u) over its engagers u.
      const noteCosts = await sql<{ id: string; cost: number }>`
        select h.note_id as id, sum(u.deg)::float8 as cost from rec_sim_hw h join rec_sim_u u on u.user_id = h.user_id group by h.note_id order by h.note_id`.execute(
        conn,
      );
      for (const [lo, hi] of chunks(noteCosts.rows)) {
        await run(sql`
          insert into rec_sim_nn (note_id, neighbor_id, score)
          select i, j, score from (
            select s.i, s.j, s.score, row_number() over (partition by s.i order by s.score desc, s.j desc) as rn
            from (
              select p.i, p.j, (power(p.walk / ni.pop, ${alpha}::float8) / power(nj.pop, ${beta}::float8))::real as score
              from (
                select a.note_id as i, b.note_id as j, sum(a.w) as walk
                from rec_sim_hw a join rec_sim_hw b on b.user_id = a.user_id and b.note_id <> a.note_id
                where a.note_id between ${lo} and ${hi}
                group by a.note_id, b.note_id
              ) p
              join rec_sim_n ni on ni.note_id = p.i
              join rec_sim_n nj on nj.note_id = p.j
            ) s
          ) ranked
          where rn <= ${perNote}`);
      }

      // Person → person: the pairs of person u are Σ min(pop(i), cap) over their notes.
      const userCosts = await sql<{ id: string; cost: number }>`
        select h.user_id as id, sum(least(n.pop, ${ENGAGERS_CAP}))::float8 as cost
        from rec_sim_hw h join rec_sim_n n on n.note_id = h.note_id
        where h.note_rank <= ${ENGAGERS_CAP}
        group by h.user_id order by h.user_id`.execute(conn);
      for (const [lo, hi] of chunks(userCosts.rows)) {
        await run(sql`
          insert into rec_sim_un (user_id, neighbor_id, score)
          select u, v, score from (
            select s.u, s.v, s.score, row_number() over (partition by s.u order by s.score desc, s.v desc) as rn
            from (
              select p.u, p.v, (p.common / sqrt(du.deg * dv.deg))::real as score
              from (
                select a.user_id as u, b.user_id as v, count(*)::float8 as common
                from rec_sim_hw a join rec_sim_hw b on b.note_id = a.note_id and b.user_id <> a.user_id and b.note_rank <= ${ENGAGERS_CAP}
                where a.user_id between ${lo} and ${hi} and a.note_rank <= ${ENGAGERS_CAP}
                group by a.user_id, b.user_id
              ) p
              join rec_sim_u du on du.user_id = p.u
              join rec_sim_u dv on dv.user_id = p.v
            ) s
          ) ranked
          where rn <= ${perUser}`);
      }

      const swapped = await conn.transaction().execute(async (trx) => {
        await sql`delete from rec_note_neighbors`.execute(trx);
        const notes = await sql`insert into rec_note_neighbors (note_id, neighbor_id, score) select note_id, neighbor_id, score from rec_sim_nn`.execute(trx);
        await sql`delete from rec_user_neighbors`.execute(trx);
        const users = await sql`insert into rec_user_neighbors (user_id, neighbor_id, score) select user_id, neighbor_id, score from rec_sim_un`.execute(trx);
        return { notes: Number(notes.numAffectedRows ?? 0), users: Number(users.numAffectedRows ?? 0) };
      });
      return { history, noteNeighbors: swapped.notes, userNeighbors: swapped.users, ms: Date.now() - started };
    } finally {
      await dropScratch(conn).catch(() => {});
      await run(sql`reset work_mem`).catch(() => {});
      await run(sql`reset enable_memoize`).catch(() => {});
      await run(sql`select pg_advisory_unlock(hashtext('qiao:rec_similarities'))`).catch(() => {});
    }
  });
}

async function dropScratch(conn: Db): Promise<void> {
  await sql`drop table if exists pg_temp.rec_sim_h, pg_temp.rec_sim_u, pg_temp.rec_sim_n, pg_temp.rec_sim_hw, pg_temp.rec_sim_nn, pg_temp.rec_sim_un`.execute(
    conn,
  );
}

/** Consecutive id ranges [lo, hi] of about PAIRS_PER_CHUNK pair rows each, covering every row. */
export function chunks(rows: ReadonlyArray<{ id: string; cost: number }>): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  let start: string | null = null;
  let sum = 0;
  for (const row of rows) {
    start ??= row.id;
    sum += Number(row.cost);
    if (sum >= PAIRS_PER_CHUNK) {
      result.push([start, row.id]);
      start = null;
      sum = 0;
    }
  }
  const last = rows[rows.length - 1];
  if (start !== null && last) result.push([start, last.id]);
  return result;
}
