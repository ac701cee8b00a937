import { type Kysely, sql } from 'kysely';

// Image notes, topics, the social graph, engagement and notifications.
// Hot counters (likes on a viral note, views on #TikTokRefugee) are sharded:
// writers add to one of N rows picked at random, readers sum the N rows, so no
// single row serialises every writer.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('likes_private', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('collects_private', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  // Prefix search on handles ("ann" finds ann_sf) in any collation.
  await sql`create index users_handle_prefix_idx on users (lower(handle) text_pattern_ops)`.execute(db);

  await db.schema
    .createTable('notes')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('author_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().defaultTo('image').check(sql`kind in ('image', 'video')`))
    .addColumn('title', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('place', 'text')
    // Search tokens made in the app with Intl.Segmenter (words, CJK bigrams, word
    // prefixes): PostgreSQL's own parsers do not split Chinese, whatever the locale.
    .addColumn('search_tokens', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  await sql`create index notes_author_idx on notes (author_id, created_at desc, id desc) where deleted_at is null`.execute(db);
  await sql`create index notes_created_idx on notes (created_at desc, id desc) where deleted_at is null`.execute(db);
  await sql`create index notes_search_idx on notes using gin (search_tokens) where deleted_at is null`.execute(db);

  await db.schema
    .createTable('images')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('owner_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.references('notes.id').onDelete('set null'))
    .addColumn('position', 'smallint')
    .addColumn('storage_prefix', 'text', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('variants', 'jsonb', (col) => col.notNull())
    .addColumn('placeholder', 'text', (col) => col.notNull())
    .addColumn('dominant_color', 'text', (col) => col.notNull())
    .addColumn('alt', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index images_note_idx on images (note_id, position) where note_id is not null`.execute(db);
  await sql`create index images_unattached_idx on images (created_at) where note_id is null`.execute(db);

  await db.schema
    .createTable('topics')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_key', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index topics_name_prefix_idx on topics (name_key text_pattern_ops)`.execute(db);

  await db.schema
    .createTable('note_topics')
    .addColumn('topic_id', 'bigint', (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('note_topics_pk', ['topic_id', 'note_id'])
    .execute();
  await db.schema.createIndex('note_topics_note_idx').on('note_topics').column('note_id').execute();
  await sql`create index note_topics_latest_idx on note_topics (topic_id, created_at desc, note_id desc)`.execute(db);

  await db.schema
    .createTable('note_mentions')
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('note_mentions_pk', ['note_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('note_counters')
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('shard', 'smallint', (col) => col.notNull())
    .addColumn('likes', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('collects', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('comments', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('views', 'bigint', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('note_counters_pk', ['note_id', 'shard'])
    .execute();

  await db.schema
    .createTable('topic_counters')
    .addColumn('topic_id', 'bigint', (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('shard', 'smallint', (col) => col.notNull())
    .addColumn('views', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('discussions', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('participants', 'bigint', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('topic_counters_pk', ['topic_id', 'shard'])
    .execute();

  await db.schema
    .createTable('topic_participants')
    .addColumn('topic_id', 'bigint', (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('topic_participants_pk', ['topic_id', 'user_id'])
    .execute();

  // Hourly buckets of a topic's growth: trending compares the recent hours, not all time.
  await db.schema
    .createTable('topic_activity')
    .addColumn('topic_id', 'bigint', (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('hour', 'timestamptz', (col) => col.notNull())
    .addColumn('views', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('discussions', 'bigint', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('topic_activity_pk', ['topic_id', 'hour'])
    .execute();
  await db.schema.createIndex('topic_activity_hour_idx').on('topic_activity').column('hour').execute();

  // The explore order, refreshed by a periodic job (engagement and freshness).
  await db.schema
    .createTable('note_rank')
    .addColumn('note_id', 'bigint', (col) => col.primaryKey().references('notes.id').onDelete('cascade'))
    .addColumn('score', 'double precision', (col) => col.notNull())
    .addColumn('computed_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index note_rank_score_idx on note_rank (score desc, note_id desc)`.execute(db);

  await db.schema
    .createTable('likes')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('likes_pk', ['user_id', 'note_id'])
    .execute();
  await db.schema.createIndex('likes_note_idx').on('likes').columns(['note_id', 'created_at']).execute();
  await sql`create index likes_user_recent_idx on likes (user_id, created_at desc, note_id desc)`.execute(db);

  await db.schema
    .createTable('boards')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('owner_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('is_private', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create unique index boards_owner_name_idx on boards (owner_id, lower(name))`.execute(db);

  await db.schema
    .createTable('collects')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('board_id', 'bigint', (col) => col.references('boards.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('collects_pk', ['user_id', 'note_id'])
    .execute();
  await sql`create index collects_user_recent_idx on collects (user_id, created_at desc, note_id desc)`.execute(db);
  await db.schema.createIndex('collects_board_idx').on('collects').column('board_id').execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('author_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('parent_id', 'bigint', (col) => col.references('comments.id').onDelete('cascade'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('like_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  await sql`create index comments_note_idx on comments (note_id, parent_id, created_at desc, id desc) where deleted_at is null`.execute(db);
  await sql`create index comments_parent_idx on comments (parent_id, created_at, id) where parent_id is not null and deleted_at is null`.execute(db);

  await db.schema
    .createTable('comment_likes')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('comment_id', 'bigint', (col) => col.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('comment_likes_pk', ['user_id', 'comment_id'])
    .execute();

  for (const [table, from, to] of [
    ['follows', 'follower_id', 'followee_id'],
    ['blocks', 'blocker_id', 'blocked_id'],
    ['mutes', 'muter_id', 'muted_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(from, 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn(to, 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [from, to])
      .addCheckConstraint(`${table}_not_self`, sql`${sql.ref(from)} <> ${sql.ref(to)}`)
      .execute();
    await sql`create index ${sql.raw(`${table}_${to}_idx`)} on ${sql.table(table)} (${sql.ref(to)}, created_at desc)`.execute(db);
  }

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('recipient_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('like', 'collect', 'comment', 'reply', 'mention', 'follow', 'comment_like')`))
    .addColumn('actor_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.references('notes.id').onDelete('cascade'))
    .addColumn('comment_id', 'bigint', (col) => col.references('comments.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await sql`create index notifications_recipient_idx on notifications (recipient_id, created_at desc, id desc)`.execute(db);
  await sql`create index notifications_unread_idx on notifications (recipient_id) where read_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications',
    'mutes',
    'blocks',
    'follows',
    'comment_likes',
    'comments',
    'collects',
    'boards',
    'likes',
    'note_rank',
    'topic_activity',
    'topic_participants',
    'topic_counters',
    'note_counters',
    'note_mentions',
    'note_topics',
    'topics',
    'images',
    'notes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('users').dropColumn('likes_private').dropColumn('collects_private').execute();
}
