import { sql } from 'kysely';
import { DEFAULT_RECOMMENDER_SETTINGS, type RecommenderSettings } from '../config/recommender-settings.js';
import { type CopyValue, copyRows } from '../db/bulk-copy.js';
import { copyBinaryRows } from '../db/bulk-copy-binary.js';
import type { Db } from '../db/database.js';
import { refreshNoteRanks } from '../modules/feed/feed-queries.js';
import { detectedColumns, type LanguageColumns, noteText } from '../modules/language/language-columns.js';
import type { MediaStorage } from '../modules/media/media-storage.js';
import { parseHashtags, topicKey } from '../modules/notes/note-text.js';
import { runRecommenderJobs } from '../modules/recommender/recommender-jobs.js';
import { documentTokens } from '../modules/search/search-tokens.js';
import { generateDemoImages, type StoredImage } from './demo-images.js';
import { COMMENTS_EN, COMMENTS_ZH, NOTE_TEMPLATES, NOTE_TEMPLATES_ZH, PERSONAS } from './demo-texts.js';
import { seededRandom } from './random.js';
import { drawEngagement, type Pairs } from './seed-engagement.js';
import { EVENT_COLUMNS, seedEvents } from './seed-events.js';

// Builds a whole world in bulk: the demo on first start (dozens of people, a
// few hundred notes) and the benchmark data set (10k people, 100k notes, 1M
// likes) through the same code. Everything is drawn in Node from the seed's
// generator (one --seed, one world) and goes in with COPY; ids are reserved
// from the tables' sequences first, so rows can point at each other without
// reading anything back. Counters are rebuilt from the rows at the end, so they
// are exact. The engagement is also written as the signals the live app would
// have recorded (with plausible impressions), and the recommender's jobs run
// once at the end, so "For you" has something to say from the first request.

export interface SeedOptions {
  users: number;
  notes: number;
  likes: number;
  comments: number;
  follows: number;
  images: number;
  /** Notes are spread over this many past days. */
  days: number;
  seed: number;
}

export const DEMO_WORLD: SeedOptions = { users: 60, notes: 320, likes: 5000, comments: 900, follows: 700, images: 36, days: 14, seed: 2025 };

/** The texts repeat (templates, canned comments): each is detected once, not once per row. */
function memoizedDetection(): (text: string) => LanguageColumns {
  const known = new Map<string, LanguageColumns>();
  return (text) => {
    let columns = known.get(text);
    if (!columns) {
      columns = detectedColumns(text);
      known.set(text, columns);
    }
    return columns;
  };
}

// A fresh database (the demo, a benchmark) gets its indexes built once after the load instead of row by row;
// every id in the rows is one this seed reserved and wrote itself, so the foreign keys need no checking.
const bulk = { deferIndexesWhenEmpty: true, trustedReferences: true };

/**
 * A note's search tokens: its template's, once per template, plus those of the
 * number its title may end with (a word of its own after the space), which is
 * what documentTokens gives for the whole text, at a fraction of the cost.
 */
function memoizedTokens(): (template: { title: string; body: string }, number: number | null) => string[] {
  const known = new Map<string, string[]>();
  return (template, number) => {
    const text = `${template.title}\n${template.body}`;
    let tokens = known.get(text);
    if (!tokens) {
      tokens = documentTokens(text);
      known.set(text, tokens);
    }
    return number === null ? tokens : [...new Set([...tokens, ...documentTokens(String(number))])];
  };
}

/** Logs each phase with its duration (the seed's cost is in a few of them). */
function phaseTimer(log: (line: string) => void) {
  let last = Date.now();
  return (line: string) => {
    const at = Date.now();
    log(`${line} in ${((at - last) / 1000).toFixed(1)} s`);
    last = at;
  };
}

/** Ids taken from a table's identity sequence up front (safe beside a running server: nextval never hands one out twice). */
async function reserveIds(db: Db, table: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await sql<{ id: string }>`
    select nextval(pg_get_serial_sequence(${table}, 'id'))::text as id from generate_series(1, ${count}) order by 1`.execute(db);
  return rows.map((row) => row.id);
}

export async function seedWorld(
  db: Db,
  storage: MediaStorage,
  options: SeedOptions,
  now: Date,
  log: (line: string) => void = () => {},
  recommender: RecommenderSettings = DEFAULT_RECOMMENDER_SETTINGS,
) {
  const random = seededRandom(options.seed);
  const languageOf = memoizedDetection();
  const startedAt = Date.now();
  const nowMs = now.getTime();
  const phase = phaseTimer(log);
  const images: StoredImage[] = await generateDemoImages(storage, random, options.images);
  phase(`seed: ${images.length} images`);

  const users = await seedPeople(db, options, now, languageOf);
  if (users.length < 2) return;
  phase(`seed: ${users.length} people`);

  // Notes: a few prolific authors, many occasional ones (as on any real platform).
  const authorOf = () => users[Math.floor(random.next() ** 1.6 * users.length)]!;
  const noteRows = Array.from({ length: options.notes }, (_, i) => {
    const author = authorOf();
    const template = random.pick(author.zh ? NOTE_TEMPLATES_ZH : NOTE_TEMPLATES);
    const createdAt = new Date(nowMs - Math.floor(random.next() ** 1.3 * options.days * 86_400_000));
    // Past the first few hundred, titles get a number so they differ.
    const number = i < 300 ? null : i;
    const title = number === null ? template.title : `${template.title} ${number}`;
    return { author, template, number, title, body: template.body, language: languageOf(noteText(template.title, template.body)), createdAt };
  });
  const topicNames = new Map<string, string>();
  for (const note of noteRows) for (const name of parseHashtags(note.body)) topicNames.set(topicKey(name), name);
  if (topicNames.size)
    await db
      .insertInto('topics')
      .values([...topicNames.values()].map((name) => ({ name, name_key: topicKey(name), created_at: new Date(nowMs - options.days * 86_400_000) })))
      .onConflict((oc) => oc.column('name_key').doNothing())
      .execute();
  const topicIdByKey = new Map((await db.selectFrom('topics').select(['id', 'name_key']).execute()).map((row) => [row.name_key, row.id]));

  const noteIds = await reserveIds(db, 'notes', noteRows.length);
  const tokensOf = memoizedTokens();
  await copyRows(
    db,
    'notes',
    ['id', 'author_id', 'title', 'body', 'search_tokens', 'language', 'language_confidence', 'created_at', 'updated_at'],
    noteRows.map((note, i) => [
      noteIds[i]!,
      note.author.id,
      note.title,
      note.body,
      tokensOf(note.template, note.number),
      note.language.language,
      note.language.language_confidence,
      note.createdAt,
      note.createdAt,
    ]),
    bulk,
  );
  phase(`seed: ${noteRows.length} notes`);

  // Images go round-robin (not at random) so neighbouring notes in the grid differ.
  let nextImage = 0;
  const variantsJson = images.map((image) => JSON.stringify(image.variants));
  const imageRows = noteRows.flatMap((note, i) =>
    Array.from({ length: random.int(1, 3) }, (_, position): CopyValue[] => {
      const index = (nextImage++ * 7) % images.length;
      const { prefix, width, height, placeholder, color } = images[index]!;
      return [note.author.id, noteIds[i]!, position, prefix, width, height, variantsJson[index]!, placeholder, color, note.createdAt];
    }),
  );
  const links = noteRows.flatMap((note, i) =>
    [...new Set(parseHashtags(note.body).map((name) => topicIdByKey.get(topicKey(name))!))].map((topicId) => [topicId, noteIds[i]!, note.createdAt]),
  );

  // Comments lean to the popular notes (the newest ids, as likes do); anyone writes them.
  const popularFirst = noteRows.map((note, i) => ({ id: noteIds[i]!, createdAtMs: note.createdAt.getTime() })).reverse();
  const comments = Array.from({ length: options.comments }, () => {
    const author = Math.floor(random.next() * users.length);
    const note = Math.floor(random.next() ** 2 * popularFirst.length);
    const body = random.pick(users[author]!.zh ? COMMENTS_ZH : COMMENTS_EN);
    return { note, author, body, atMs: nowMs - random.int(0, 6 * 86_400) * 1000 };
  });
  const engagement = drawEngagement(
    random,
    { people: users.length, notes: popularFirst.length, follows: options.follows, likes: options.likes, collects: Math.round(options.likes / 5) },
    nowMs,
  );
  phase('seed: engagement drawn');
  const people = users.map((user) => user.id);
  function* pairRows(pairs: Pairs, target: (index: number) => string): Generator<CopyValue[]> {
    for (let i = 0; i < pairs.length; i += 1) yield [people[pairs.from[i]!]!, target(pairs.to[i]!), new Date(pairs.at[i]!)];
  }
  const toNote = (index: number) => popularFirst[index]!.id;

  // One COPY at a time: two side by side (tried: the events beside the rest) were slower on two cores, not faster.
  const imageColumns = ['owner_id', 'note_id', 'position', 'storage_prefix', 'width', 'height', 'variants', 'placeholder', 'dominant_color', 'created_at'];
  await copyRows(db, 'images', imageColumns, imageRows, bulk);
  await copyRows(db, 'note_topics', ['topic_id', 'note_id', 'created_at'], links, bulk);
  phase(`seed: ${imageRows.length} images, ${links.length} topic links`);
  await copyRows(
    db,
    'follows',
    ['follower_id', 'followee_id', 'created_at'],
    pairRows(engagement.follows, (index) => people[index]!),
    bulk,
  );
  await copyRows(db, 'likes', ['user_id', 'note_id', 'created_at'], pairRows(engagement.likes, toNote), bulk);
  await copyRows(db, 'collects', ['user_id', 'note_id', 'created_at'], pairRows(engagement.collects, toNote), bulk);
  const commentRows = comments.map((comment): CopyValue[] => {
    const { language, language_confidence } = languageOf(comment.body);
    return [toNote(comment.note), people[comment.author]!, comment.body, language, language_confidence, new Date(comment.atMs)];
  });
  await copyRows(db, 'comments', ['note_id', 'author_id', 'body', 'language', 'language_confidence', 'created_at'], commentRows, bulk);
  phase(`seed: ${engagement.follows.length} follows, ${engagement.likes.length} likes, ${engagement.collects.length} collects, ${comments.length} comments`);
  const events = await copyBinaryRows(
    db,
    'events',
    EVENT_COLUMNS,
    seedEvents({ people, notes: popularFirst, likes: engagement.likes, collects: engagement.collects, comments }, random, nowMs),
    bulk,
  );
  phase(`seed: ${events} events (signals and impressions)`);
  await rebuildCounters(db, now);
  phase('seed: counters');
  await refreshNoteRanks(db, now);
  phase('seed: note ranks');
  // Fresh statistics: right after a bulk load the planner would otherwise guess (and pick slow plans).
  await sql`analyze users, notes, images, note_topics, topics, follows, likes, collects, comments, events, note_counters, note_rank, topic_counters, topic_participants, topic_activity`.execute(
    db,
  );
  phase('seed: analyze');
  log(`seed: data in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const jobs = await runRecommenderJobs(db, recommender, now);
  for (const [part, ms] of Object.entries(jobs.partsMs)) log(`seed: job ${part} in ${(ms / 1000).toFixed(1)} s`);
  const similarity = jobs.similarities;
  if (similarity) {
    const phases = Object.entries(similarity.phasesMs).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
    log(`seed: item model ${similarity.model} (${similarity.noteNeighbors} neighbour rows, ${similarity.pools} pools): ${phases.join(', ')}`);
  }
  log(`seed: recommender jobs in ${(jobs.ms / 1000).toFixed(1)} s`);
  log(`seed: done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/**
 * People: the personas, then generated ones. They have no phone number, so nobody
 * can sign in as them. Handles another world already took are skipped (seeding
 * twice adds only the people who are new).
 */
async function seedPeople(db: Db, options: SeedOptions, now: Date, languageOf: (text: string) => LanguageColumns): Promise<Array<{ id: string; zh: boolean }>> {
  const rows = Array.from({ length: Math.max(options.users, 2) }, (_, i) => {
    const persona = PERSONAS[i];
    const zh = persona ? persona.language === 'zh-CN' : i % 2 === 1;
    return {
      handle: persona?.handle ?? `${zh ? 'qiaoyou' : 'qiaofan'}_${i}`,
      displayName: persona?.name ?? (zh ? `桥友${i}` : `Qiao fan ${i}`),
      bio: persona?.bio ?? '',
      bioLanguage: persona ? languageOf(persona.bio).language : null,
      zh,
      region: persona?.region ?? (zh ? 'CN' : 'US'),
    };
  });
  const { rows: taken } = await sql<{ handle: string }>`
    select lower(handle) as handle from users where lower(handle) = any(${rows.map((row) => row.handle.toLowerCase())}::text[])`.execute(db);
  const takenHandles = new Set(taken.map((row) => row.handle));
  const fresh = rows.filter((row) => !takenHandles.has(row.handle.toLowerCase()));
  const ids = await reserveIds(db, 'users', fresh.length);
  const createdAt = new Date(now.getTime() - (options.days + 1) * 86_400_000);
  await copyRows(
    db,
    'users',
    ['id', 'handle', 'display_name', 'bio', 'bio_language', 'language', 'region', 'created_at', 'updated_at'],
    fresh.map((row, i) => [ids[i]!, row.handle, row.displayName, row.bio, row.bioLanguage, row.zh ? 'zh-CN' : 'en', row.region, createdAt, now]),
  );
  return fresh.map((row, i) => ({ id: ids[i]!, zh: row.zh }));
}

/** Counters from the rows themselves (exact), plus plausible views and recent activity for trending. */
async function rebuildCounters(db: Db, now: Date): Promise<void> {
  await sql`delete from note_counters`.execute(db);
  await sql`
    insert into note_counters (note_id, shard, likes, collects, comments, views)
    select n.id, 0, coalesce(l.c, 0), coalesce(c.c, 0), coalesce(m.c, 0), coalesce(l.c, 0) * (8 + floor(random() * 25))::int + floor(random() * 40)::int
    from notes n
    left join (select note_id, count(*) c from likes group by note_id) l on l.note_id = n.id
    left join (select note_id, count(*) c from collects group by note_id) c on c.note_id = n.id
    left join (select note_id, count(*) c from comments where deleted_at is null group by note_id) m on m.note_id = n.id`.execute(db);
  await sql`
    insert into topic_participants (topic_id, user_id, first_at)
    select nt.topic_id, n.author_id, min(n.created_at) from note_topics nt join notes n on n.id = nt.note_id group by 1, 2
    union all
    select nt.topic_id, c.author_id, min(c.created_at) from note_topics nt join comments c on c.note_id = nt.note_id group by 1, 2
    on conflict do nothing`.execute(db);
  await sql`delete from topic_counters`.execute(db);
  await sql`
    insert into topic_counters (topic_id, shard, views, discussions, participants)
    select t.id, 0,
      coalesce((select sum(nc.views) from note_topics nt join note_counters nc on nc.note_id = nt.note_id where nt.topic_id = t.id), 0),
      coalesce((select count(*) from note_topics nt where nt.topic_id = t.id), 0)
        + coalesce((select count(*) from note_topics nt join comments c on c.note_id = nt.note_id where nt.topic_id = t.id and c.deleted_at is null), 0),
      (select count(*) from topic_participants p where p.topic_id = t.id)
    from topics t`.execute(db);
  // The last two days' activity by hour, so trending has something to compare.
  await sql`
    insert into topic_activity (topic_id, hour, views, discussions)
    select nt.topic_id, date_trunc('hour', n.created_at), sum(nc.views), count(*)
    from note_topics nt join notes n on n.id = nt.note_id join note_counters nc on nc.note_id = n.id
    where n.created_at > ${now}::timestamptz - interval '48 hours'
    group by 1, 2
    on conflict (topic_id, hour) do update set views = topic_activity.views + excluded.views, discussions = topic_activity.discussions + excluded.discussions`.execute(
    db,
  );
}
