import { sql } from 'kysely';
import { DEFAULT_RECOMMENDER_SETTINGS, type RecommenderSettings } from '../config/recommender-settings.js';
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

// Builds a whole world in bulk: the demo on first start (dozens of people, a
// few hundred notes) and the benchmark data set (10k people, 100k notes, 1M
// likes) through the same code. Rows go in with multi-row INSERTs and
// set-based SQL; counters are rebuilt from the rows at the end, so they are exact.
// The engagement it writes is also written as the signals the live app would
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

const CHUNK = 1000;

async function inChunks<T>(items: T[], work: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await work(items.slice(i, i + CHUNK));
}

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

// Impressions per like for the synthesized impressions (an engagement rate of about 25%), plus a few for every note.
const IMPRESSIONS_PER_LIKE = 4;

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
  const images: StoredImage[] = await generateDemoImages(storage, random, options.images);
  log(`seed: ${images.length} images`);

  // People: the personas, then generated ones. They have no phone number, so nobody can sign in as them.
  const userRows = Array.from({ length: Math.max(options.users, 2) }, (_, i) => {
    const persona = PERSONAS[i];
    const zh = persona ? persona.language === 'zh-CN' : i % 2 === 1;
    return {
      handle: persona?.handle ?? `${zh ? 'qiaoyou' : 'qiaofan'}_${i}`,
      display_name: persona?.name ?? (zh ? `桥友${i}` : `Qiao fan ${i}`),
      bio: persona?.bio ?? '',
      bio_language: persona ? languageOf(persona.bio).language : null,
      language: zh ? 'zh-CN' : 'en',
      region: persona?.region ?? (zh ? 'CN' : 'US'),
      created_at: new Date(now.getTime() - (options.days + 1) * 86_400_000),
      updated_at: now,
    };
  });
  const users: Array<{ id: string; zh: boolean }> = [];
  await inChunks(userRows, async (chunk) => {
    const inserted = await db
      .insertInto('users')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'language'])
      .execute();
    users.push(...inserted.map((row) => ({ id: row.id, zh: row.language === 'zh-CN' })));
  });
  if (users.length < 2) return;
  log(`seed: ${users.length} people`);

  // Notes: a few prolific authors, many occasional ones (as on any real platform).
  const authorOf = () => users[Math.floor(random.next() ** 1.6 * users.length)]!;
  const noteRows = Array.from({ length: options.notes }, (_, i) => {
    const author = authorOf();
    const template = random.pick(author.zh ? NOTE_TEMPLATES_ZH : NOTE_TEMPLATES);
    const createdAt = new Date(now.getTime() - Math.floor(random.next() ** 1.3 * options.days * 86_400_000));
    const title = i < 300 ? template.title : `${template.title} ${i}`;
    return { author, title, body: template.body, language: languageOf(noteText(template.title, template.body)), createdAt };
  });
  const topicNames = new Map<string, string>();
  for (const note of noteRows) for (const name of parseHashtags(note.body)) topicNames.set(topicKey(name), name);
  await db
    .insertInto('topics')
    .values([...topicNames.values()].map((name) => ({ name, name_key: topicKey(name), created_at: new Date(now.getTime() - options.days * 86_400_000) })))
    .onConflict((oc) => oc.column('name_key').doNothing())
    .execute();
  const topicIdByKey = new Map((await db.selectFrom('topics').select(['id', 'name_key']).execute()).map((row) => [row.name_key, row.id]));

  // Images go round-robin (not at random) so neighbouring notes in the grid differ.
  let nextImage = 0;
  await inChunks(noteRows, async (chunk) => {
    const inserted = await db
      .insertInto('notes')
      .values(
        chunk.map((note) => ({
          author_id: note.author.id,
          title: note.title,
          body: note.body,
          search_tokens: documentTokens(`${note.title}\n${note.body}`),
          ...note.language,
          created_at: note.createdAt,
          updated_at: note.createdAt,
        })),
      )
      .returning(['id', 'body', 'author_id', 'created_at'])
      .execute();
    const imageRows = inserted.flatMap((note) =>
      Array.from({ length: random.int(1, 3) }, (_, position) => {
        const image = images[(nextImage++ * 7) % images.length]!;
        return {
          owner_id: note.author_id,
          note_id: note.id,
          position,
          storage_prefix: image.prefix,
          width: image.width,
          height: image.height,
          variants: JSON.stringify(image.variants),
          placeholder: image.placeholder,
          dominant_color: image.color,
          created_at: note.created_at,
        };
      }),
    );
    await db.insertInto('images').values(imageRows).execute();
    const links = inserted.flatMap((note) =>
      parseHashtags(note.body).map((name) => ({ topic_id: topicIdByKey.get(topicKey(name))!, note_id: note.id, created_at: note.created_at })),
    );
    if (links.length)
      await db
        .insertInto('note_topics')
        .values(links)
        .onConflict((oc) => oc.doNothing())
        .execute();
  });
  log(`seed: ${noteRows.length} notes`);

  // The social graph and engagement, set-based. Popular notes get most likes (a power law).
  await sql`select setseed(${(options.seed % 1000) / 1000})`.execute(db);
  await sql`
    with u as (select array_agg(id order by id) a from users), n as (select array_agg(id order by id) a from notes)
    insert into follows (follower_id, followee_id, created_at)
    select f, t, created from (
      select u.a[1 + floor(random() * array_length(u.a, 1))::int] f, u.a[1 + floor(power(random(), 2) * array_length(u.a, 1))::int] t,
             ${now}::timestamptz - random() * interval '30 days' created
      from generate_series(1, ${options.follows}), u
    ) pairs
    where f <> t
    on conflict do nothing`.execute(db);
  for (const [table, count, signal] of [
    ['likes', options.likes, 'like'],
    ['collects', Math.round(options.likes / 5), 'collect'],
  ] as const) {
    // The signal of each row this seed wrote (and only those: the database may hold older worlds).
    await sql`
      with u as (select array_agg(id order by id) a from users), n as (select array_agg(id order by id desc) a from notes),
      written as (
        insert into ${sql.table(table)} (user_id, note_id, created_at)
        select u.a[1 + floor(random() * array_length(u.a, 1))::int], n.a[1 + floor(power(random(), 2.5) * array_length(n.a, 1))::int], ${now}::timestamptz - random() * interval '7 days'
        from generate_series(1, ${count}), u, n
        on conflict do nothing
        returning user_id, note_id, created_at
      )
      insert into events (user_id, note_id, type, weight, occurred_at, received_at)
      select user_id, note_id, ${signal}, 1, created_at, created_at from written`.execute(db);
  }
  log('seed: follows, likes, collects');

  const noteIds = (await db.selectFrom('notes').select('id').orderBy('id', 'desc').execute()).map((row) => row.id);
  const withLanguage = (body: string) => ({ body, ...languageOf(body) });
  const commentRows = Array.from({ length: options.comments }, () => {
    const author = random.pick(users);
    return {
      note_id: noteIds[Math.floor(random.next() ** 2 * noteIds.length)]!,
      author_id: author.id,
      ...withLanguage(random.pick(author.zh ? COMMENTS_ZH : COMMENTS_EN)),
      created_at: new Date(now.getTime() - random.int(0, 6 * 86_400) * 1000),
    };
  });
  await inChunks(commentRows, async (chunk) => {
    const written = await db.insertInto('comments').values(chunk).returning(['author_id', 'note_id', 'created_at']).execute();
    await db
      .insertInto('events')
      .values(
        written.map((row) => ({
          user_id: row.author_id,
          note_id: row.note_id,
          type: 'comment' as const,
          weight: 1,
          occurred_at: row.created_at,
          received_at: row.created_at,
        })),
      )
      .execute();
  });
  log(`seed: ${commentRows.length} comments`);
  await seedImpressions(db, now);
  log('seed: impressions');

  await rebuildCounters(db, now);
  await refreshNoteRanks(db, now);
  // Fresh statistics: right after a bulk load the planner would otherwise guess (and pick slow plans).
  await sql`analyze`.execute(db);
  const jobs = await runRecommenderJobs(db, recommender, now);
  log(`seed: recommender jobs in ${(jobs.ms / 1000).toFixed(1)} s`);
  log(`seed: done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/**
 * Anonymous impressions for the notes, about ten per like plus a few for every
 * note, spread between the note's creation and now: note quality then rests
 * on engagement per impression instead of the prior alone.
 */
async function seedImpressions(db: Db, now: Date): Promise<void> {
  await sql`
    insert into events (note_id, type, source, occurred_at, received_at)
    select n.id, 'impression', 'explore', t.at, t.at
    from notes n
    left join (select note_id, count(*) as likes from likes group by note_id) l on l.note_id = n.id
    cross join lateral (
      select n.created_at + random() * (${now}::timestamptz - n.created_at) as at
      from generate_series(1, coalesce(l.likes, 0)::int * ${IMPRESSIONS_PER_LIKE} + floor(random() * 20)::int)
    ) t
    where n.deleted_at is null and n.created_at <= ${now}
      and not exists (select 1 from events e where e.note_id = n.id and e.type = 'impression')`.execute(db);
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
