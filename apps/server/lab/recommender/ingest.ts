import type { Db } from '../../src/db/database.js';
import { topicKey } from '../../src/modules/notes/note-text.js';
import { documentTokens } from '../../src/modules/search/search-tokens.js';
import { recordSignals, type Signal } from '../../src/modules/recommender/engine.js';
import type { Dataset } from './dataset.js';
import type { Split } from './splits.js';

// Loads a data set's training half into a fresh database the way the app
// stores things: people and creators as users, items as notes with their tags
// as topics, and interactions through the same signal recorder the app's
// likes and follows use (type 'interaction', the data set's weight).

export interface Ingested {
  /** users.id per data-set user index. */
  userIds: string[];
  /** notes.id per item index. */
  noteIds: string[];
  itemByNoteId: Map<string, number>;
  /** Just after the last training interaction: the clock the jobs and the feed run at. */
  now: Date;
}

const CHUNK = 1000;

async function inChunks<T>(rows: T[], size: number, work: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await work(rows.slice(i, i + size));
}

export async function ingestTraining(db: Db, dataset: Dataset, split: Split, log: (line: string) => void = () => {}): Promise<Ingested> {
  const trainAt = split.train.flat().map((interaction) => interaction.at);
  const lastAt = trainAt.reduce((max, at) => Math.max(max, at), 0);
  const firstAt = dataset.items.reduce(
    (min, item) => Math.min(min, item.createdAt),
    trainAt.reduce((min, at) => Math.min(min, at), Infinity),
  );
  const now = new Date(lastAt + 1000);
  const joined = new Date((Number.isFinite(firstAt) ? firstAt : lastAt) - 86_400_000);

  // Everyone reads English here: the data sets carry no languages, and a
  // language mismatch must not be what the comparison measures.
  const person = (_index: number, handle: string, name: string) => ({
    handle,
    display_name: name.slice(0, 50),
    language: 'en',
    region: 'US',
    created_at: joined,
    updated_at: joined,
  });
  const userRows = dataset.users.map((key, index) => person(index, `u${index}`, `user ${key}`));
  const outsideCreators = dataset.creators.flatMap((creator, index) => (creator.user === null ? [index] : []));
  const creatorRows = outsideCreators.map((creator, i) => person(dataset.users.length + i, `c${creator}`, `creator ${dataset.creators[creator]!.key}`));
  const ids: string[] = [];
  await inChunks([...userRows, ...creatorRows], CHUNK, async (chunk) => {
    const inserted = await db.insertInto('users').values(chunk).returning('id').execute();
    ids.push(...inserted.map((row) => row.id));
  });
  const userIds = ids.slice(0, dataset.users.length);
  const creatorUserIds: string[] = dataset.creators.map((creator) => (creator.user !== null ? userIds[creator.user]! : ''));
  outsideCreators.forEach((creator, i) => {
    creatorUserIds[creator] = ids[dataset.users.length + i]!;
  });
  log(`ingest: ${userIds.length} users, ${outsideCreators.length} other creators`);

  const tagNames = new Map<string, string>();
  for (const item of dataset.items) for (const tag of item.tags) if (!tagNames.has(topicKey(tag))) tagNames.set(topicKey(tag), tag);
  if (tagNames.size) {
    await db
      .insertInto('topics')
      .values([...tagNames.entries()].map(([key, name]) => ({ name, name_key: key, created_at: joined })))
      .onConflict((oc) => oc.column('name_key').doNothing())
      .execute();
  }
  const topicIdByKey = new Map((await db.selectFrom('topics').select(['id', 'name_key']).execute()).map((row) => [row.name_key, row.id]));

  const noteIds: string[] = [];
  await inChunks(dataset.items, CHUNK, async (chunk) => {
    const inserted = await db
      .insertInto('notes')
      .values(
        chunk.map((item) => ({
          author_id: creatorUserIds[item.creator]!,
          title: item.title.slice(0, 100),
          body: item.tags.map((tag) => `#${tag}`).join(' '),
          search_tokens: documentTokens(item.title),
          language: 'en',
          language_confidence: 1,
          created_at: new Date(item.createdAt),
          updated_at: new Date(item.createdAt),
        })),
      )
      .returning('id')
      .execute();
    noteIds.push(...inserted.map((row) => row.id));
  });
  const links = dataset.items.flatMap((item, index) =>
    [...new Set(item.tags.map(topicKey))].map((key) => ({ topic_id: topicIdByKey.get(key)!, note_id: noteIds[index]!, created_at: new Date(item.createdAt) })),
  );
  await inChunks(links, CHUNK, async (chunk) => {
    await db
      .insertInto('note_topics')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  log(`ingest: ${noteIds.length} notes, ${tagNames.size} topics`);

  const signals: Signal[] = split.train
    .flat()
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map((interaction) => ({
      userId: userIds[interaction.user]!,
      noteId: noteIds[interaction.item]!,
      type: 'interaction',
      at: new Date(interaction.at),
      weight: interaction.weight,
    }));
  await inChunks(signals, 5000, (chunk) => recordSignals(db, chunk));
  log(`ingest: ${signals.length} training interactions`);

  return { userIds, noteIds, itemByNoteId: new Map(noteIds.map((id, index) => [id, index])), now };
}
