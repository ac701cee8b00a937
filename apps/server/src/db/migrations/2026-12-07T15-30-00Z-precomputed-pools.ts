import { type Kysely, sql } from 'kysely';

// For you reads precomputed state instead of joining on every request:
// - rec_note_similar: each note's neighbours under the chosen item model, one
//   compact row per note (replaces the row-per-pair rec_note_neighbors; the
//   people-to-people table goes: the item models need no people neighbours);
// - rec_pools: each person's interest candidates, built by jobs after their
//   activity and on a schedule;
// - rec_seen: what each person was served or engaged with, as two Bloom
//   filter generations (a fixed few KB per person, not a growing anti-join);
// - rec_job_state.details: what a job decided (the model it chose and why).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop table rec_note_neighbors`.execute(db);
  await sql`drop table rec_user_neighbors`.execute(db);
  await sql`
    create table rec_note_similar (
      note_id bigint primary key references notes (id) on delete cascade,
      neighbor_ids bigint[] not null,
      weights real[] not null
    )`.execute(db);
  await sql`
    create table rec_pools (
      user_id bigint not null references users (id) on delete cascade,
      kind text not null check (kind in ('all', 'video')),
      note_ids bigint[] not null,
      scores real[] not null,
      built_at timestamptz not null,
      -- Set when a viewer has used up most of the pool: the next pool job rebuilds it.
      wanted_at timestamptz,
      primary key (user_id, kind)
    )`.execute(db);
  await sql`create index rec_pools_wanted_idx on rec_pools (wanted_at) where wanted_at is not null`.execute(db);
  await sql`
    create table rec_seen (
      user_id bigint primary key references users (id) on delete cascade,
      current bytea not null,
      previous bytea,
      current_count integer not null default 0,
      current_since timestamptz not null
    )`.execute(db);
  await sql`alter table rec_job_state add column details jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rec_job_state drop column details`.execute(db);
  await sql`drop table rec_seen, rec_pools, rec_note_similar`.execute(db);
  await sql`create table rec_note_neighbors (note_id bigint not null, neighbor_id bigint not null, score real not null, primary key (note_id, neighbor_id))`.execute(
    db,
  );
  await sql`create table rec_user_neighbors (user_id bigint not null, neighbor_id bigint not null, score real not null, primary key (user_id, neighbor_id))`.execute(
    db,
  );
}
