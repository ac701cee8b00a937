import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';
import { recordSignals, type Signal } from '../../src/modules/recommender/engine.js';
import type { SimAction } from './simulation-behaviour.js';
import { SIM_TOPICS, type SimCreator, type SimNote, type SimViewer, type SimWorld } from './simulation-world.js';

// Writes the simulated world into the database the way the app would hold it:
// people and creators as users, notes with their topic, follows, and what
// people see and do as events (impressions with their slot, engagement through
// the recommender's signal recorder).

const CHUNK = 1000;

async function inChunks<T>(rows: T[], work: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await work(rows.slice(i, i + CHUNK));
}

export interface SimIds {
  viewers: string[];
  creators: string[];
  lurkers: string[];
  topics: string[];
  /** notes.id per SimNote index, once posted. */
  notes: Array<string | undefined>;
  noteIndex: Map<string, number>;
}

const uiLanguage = (language: string) => (language === 'zh' ? 'zh-CN' : 'en');

export async function insertPeople(db: Db, world: SimWorld, joined: Date): Promise<SimIds> {
  const person = (_phoneIndex: number, handle: string, language: string, reads: string[], createdAt: Date) => ({
    handle,
    display_name: handle,
    language: uiLanguage(language),
    region: language === 'zh' ? 'CN' : 'US',
    read_languages: reads,
    created_at: createdAt,
    updated_at: createdAt,
  });
  const insert = async (rows: ReturnType<typeof person>[]) => {
    const ids: string[] = [];
    await inChunks(rows, async (chunk) => {
      ids.push(...(await db.insertInto('users').values(chunk).returning('id').execute()).map((row) => row.id));
    });
    return ids;
  };
  const viewers = await insert(world.viewers.map((viewer) => person(viewer.index, `viewer${viewer.index}`, viewer.language, viewer.reads, joined)));
  const creators = await insert(
    world.creators.map((creator) =>
      person(
        1_000_000 + creator.index,
        `creator${creator.index}`,
        creator.language,
        [creator.language],
        creator.joinsAt === null ? joined : new Date(creator.joinsAt),
      ),
    ),
  );
  const lurkers = await insert(Array.from({ length: world.lurkers }, (_, i) => person(2_000_000 + i, `lurker${i}`, 'en', ['en'], joined)));
  await db
    .insertInto('topics')
    .values(SIM_TOPICS.map((name) => ({ name, name_key: name, created_at: joined })))
    .execute();
  const topicRows = await db.selectFrom('topics').select(['id', 'name_key']).execute();
  const topics = SIM_TOPICS.map((name) => topicRows.find((row) => row.name_key === name)!.id);
  return { viewers, creators, lurkers, topics, notes: [], noteIndex: new Map() };
}

/** Famous creators' audiences (passive accounts plus some viewers who like the topic), and a few follows of ordinary creators. */
export async function insertFollows(db: Db, world: SimWorld, ids: SimIds, chance: () => number, at: Date): Promise<void> {
  const rows: Array<{ follower_id: string; followee_id: string; created_at: Date }> = [];
  const follow = (follower: string, creator: SimCreator) => rows.push({ follower_id: follower, followee_id: ids.creators[creator.index]!, created_at: at });
  for (const creator of world.creators) {
    if (creator.joinsAt !== null) continue;
    if (creator.famous) for (let i = 0; i < creator.followers; i += 1) follow(ids.lurkers[i]!, creator);
    for (const viewer of world.viewers) {
      const pull = viewer.interest[creator.topic]! * (viewer.reads.includes(creator.language) ? 1 : 0.2);
      if (chance() < (creator.famous ? 0.3 : 0.01) * pull) follow(ids.viewers[viewer.index]!, creator);
    }
  }
  await inChunks(rows, async (chunk) => {
    await db
      .insertInto('follows')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}

export async function insertNotes(db: Db, notes: readonly SimNote[], ids: SimIds): Promise<void> {
  if (notes.length === 0) return;
  await inChunks([...notes], async (chunk) => {
    const inserted = await db
      .insertInto('notes')
      .values(
        chunk.map((note) => ({
          author_id: ids.creators[note.creator]!,
          title: `${SIM_TOPICS[note.topic]} note ${note.index}`,
          body: `#${SIM_TOPICS[note.topic]}`,
          language: note.language,
          language_confidence: 1,
          created_at: new Date(note.createdAt),
          updated_at: new Date(note.createdAt),
        })),
      )
      .returning('id')
      .execute();
    inserted.forEach((row, i) => {
      ids.notes[chunk[i]!.index] = row.id;
      ids.noteIndex.set(row.id, chunk[i]!.index);
    });
    await db
      .insertInto('note_topics')
      .values(chunk.map((note) => ({ topic_id: ids.topics[note.topic]!, note_id: ids.notes[note.index]!, created_at: new Date(note.createdAt) })))
      .execute();
  });
}

export interface SeenNote {
  viewer: SimViewer;
  note: SimNote;
  position: number;
  at: Date;
  actions: SimAction[];
  /** The candidate source that served it (history: none). */
  source?: string;
}

const SIGNAL: Record<SimAction, Signal['type']> = { like: 'like', collect: 'collect', comment: 'comment', follow: 'follow', not_interested: 'not_interested' };

/** Impressions (source "explore", with the slot) and what people did; follows and "not interested" also as their rows. */
export async function recordSeen(db: Db, seen: readonly SeenNote[], ids: SimIds): Promise<void> {
  if (seen.length === 0) return;
  await inChunks([...seen], async (chunk) => {
    await db
      .insertInto('events')
      .values(
        chunk.map((item) => ({
          user_id: ids.viewers[item.viewer.index]!,
          note_id: ids.notes[item.note.index]!,
          type: 'impression' as const,
          source: 'explore',
          watch_ms: null,
          position_ms: null,
          client_session: null,
          client_seq: null,
          weight: null,
          position: item.position,
          occurred_at: item.at,
          received_at: item.at,
        })),
      )
      .execute();
  });
  const acted = seen.filter((item) => item.actions.length > 0);
  const signals: Signal[] = acted.flatMap((item) =>
    item.actions.map((action) => ({
      userId: ids.viewers[item.viewer.index]!,
      noteId: ids.notes[item.note.index]!,
      type: SIGNAL[action],
      at: new Date(item.at.getTime() + 5_000),
    })),
  );
  await recordSignals(db, signals);
  const follows = acted.filter((item) => item.actions.includes('follow'));
  if (follows.length) {
    await db
      .insertInto('follows')
      .values(follows.map((item) => ({ follower_id: ids.viewers[item.viewer.index]!, followee_id: ids.creators[item.note.creator]!, created_at: item.at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const waved = acted.filter((item) => item.actions.includes('not_interested'));
  if (waved.length) {
    await db
      .insertInto('not_interested')
      .values(waved.map((item) => ({ user_id: ids.viewers[item.viewer.index]!, note_id: ids.notes[item.note.index]!, created_at: item.at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Followers per creator index, now. */
export async function followerCounts(db: Db, ids: SimIds): Promise<number[]> {
  const { rows } = await sql<{ followee_id: string; n: number }>`select followee_id, count(*)::int as n from follows group by followee_id`.execute(db);
  const byId = new Map(rows.map((row) => [String(row.followee_id), row.n]));
  return ids.creators.map((id) => byId.get(id) ?? 0);
}

/** Stage per posted note index at the end (1 when the quality job never saw it). */
export async function noteStages(db: Db, ids: SimIds): Promise<Map<number, { stage: number; status: string }>> {
  const rows = await db.selectFrom('rec_note_quality').select(['note_id', 'stage', 'stage_status']).execute();
  const stages = new Map<number, { stage: number; status: string }>();
  for (const row of rows) {
    const index = ids.noteIndex.get(String(row.note_id));
    if (index !== undefined) stages.set(index, { stage: Number(row.stage), status: row.stage_status });
  }
  return stages;
}
